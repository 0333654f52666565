// Routes (method, path pattern) to handlers. Patterns are literal segments
// and {name} placeholders: "/api/v1/employees/{serial}/chain".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace rollcall::http {

class Router {
 public:
  using Handler = std::function<Response(const Request&)>;

  void add(std::string method, std::string pattern, Handler handler);

  // Answers requests whose path matches no pattern (e.g. static files);
  // without one they get 404.
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }

  // The matching handler's response (path parameters set on the request);
  // 404 if no pattern matches the path, 405 with Allow if only other methods do.
  Response dispatch(Request& request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  static std::vector<std::string> split(const std::string& path);
  std::vector<Route> routes_;
  Handler fallback_;
};

}  // namespace rollcall::http
