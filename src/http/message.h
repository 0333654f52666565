// HTTP requests and responses as plain values, so handlers (src/api) never see
// Boost.Beast. The http module knows nothing of the domain.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rollcall::http {

struct Request {
  std::string method;                          // "GET", "POST", …
  std::string target;                          // as sent: "/api/v1/x?y=1"
  std::string path;                            // "/api/v1/x"
  std::string query;                           // "y=1"
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string remote;                         // peer address
  std::map<std::string, std::string> params;  // path parameters set by the router

  // The header's value, or "" (name is case-insensitive).
  std::string header(std::string_view name) const;
  // A query parameter's value (percent-decoded), or "".
  std::string query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  static Response json(int status, std::string body);
  static Response text(int status, std::string body);
  // {"error": {"status": N, "message": "..."}}
  static Response error(int status, std::string_view message);
};

}  // namespace rollcall::http
