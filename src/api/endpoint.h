// The one door every API request goes through (issue 4): authenticate (the
// session cookie or an API token), enforce CSRF on state-changing requests
// made with a cookie, hold administrators without a second factor to
// enrolment, authorise through access::authorize, and map a Status to HTTP.
// Handlers receive a Ctx only after authentication, and reach per-employee
// data only through Ctx::subject() / Ctx::may(), which ask access::authorize.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_state.h"
#include "domain/access/access.h"
#include "http/message.h"
#include "http/router.h"

namespace rollcall::api {

inline constexpr const char* kSessionCookie = "rollcall_session";

struct Caller {
  storage::Account account;
  std::vector<access::Role> roles;  // on `today`
  Date today;
  std::optional<app::Session> session;  // nullopt when signed by an API token
  std::string session_token;            // the cookie value (never logged)

  bool has(access::Role r) const;
  std::string actor() const;  // "user:<username>"
};

struct FieldError {
  std::string field;
  std::string message;
  int line = 0;  // for imports; 0 otherwise
};

// The HTTP status for a StatusCode (ARCHITECTURE.md: one mapping).
int http_status(StatusCode code);
// {"error": {"status", "code", "message", "details"}}.
http::Response error_response(int status, std::string_view code, std::string_view message,
                              const std::vector<FieldError>& details = {});
http::Response error_response(const Status& s);
http::Response validation_failed(std::string_view message, const std::vector<FieldError>& details);
http::Response json_response(int status, const nlohmann::json& body);

class Ctx {
 public:
  Ctx(const http::Request& request, ApiState& state, Caller caller,
      std::shared_ptr<const OrgView> org)
      : request(request), state(state), caller(std::move(caller)), org_(std::move(org)) {}

  const http::Request& request;
  ApiState& state;
  Caller caller;
  const OrgView& org() const { return *org_; }

  // PERMISSION_DENIED (with the rule's reason) unless the caller may.
  Status require(access::Action action, access::Resource resource) const;
  // The employee named by `serial` if the caller may act on them: NOT_FOUND
  // for an unknown serial, PERMISSION_DENIED out of scope.
  Result<org::EmployeeId> subject(std::string_view serial, access::Action action,
                                  access::Resource resource) const;
  bool may(access::Action action, access::Resource resource, org::EmployeeId subject) const;
  // Queues an access-log record of a read of confidential data.
  void audit_read(std::string entity, std::string key, nlohmann::json details = {}) const;
  // The request body as JSON: INVALID_ARGUMENT if it is not application/json
  // or does not parse.
  Result<nlohmann::json> json_body() const;
  // A date query parameter, or `fallback` when absent; INVALID_ARGUMENT naming it.
  Result<std::optional<Date>> date_param(std::string_view name) const;
  // A path parameter that must be a whole number (an id); INVALID_ARGUMENT naming it.
  Result<std::int64_t> id_param(std::string_view name = "id") const;
  // An integer query parameter within [lo, hi], or `fallback`.
  Result<long long> int_param(std::string_view name, long long fallback, long long lo,
                              long long hi) const;

 private:
  std::shared_ptr<const OrgView> org_;
};

using Handler = std::function<Result<http::Response>(Ctx&)>;

struct RouteOptions {
  // Reachable by an administrator who has yet to enrol a second factor.
  bool during_totp_enrolment = false;
};

// Registers API routes on a router, each behind the door above. The Api is a
// registration helper; the routes it adds hold only the ApiState.
class Api {
 public:
  Api(ApiState& state, http::Router& router) : state_(state), router_(router) {}
  void add(const std::string& method, const std::string& pattern, Handler handler,
           RouteOptions options = {});
  // A route that needs no caller (sign-in, health): the handler gets the raw request.
  void add_public(const std::string& method, const std::string& pattern,
                  std::function<http::Response(const http::Request&)> handler);
  ApiState& state() { return state_; }

 private:
  static http::Response handle(ApiState& state, const http::Request& request,
                               const Handler& handler, const RouteOptions& options);

  ApiState& state_;
  http::Router& router_;
};

// Queues an access-log record of a read of confidential data by `caller`.
void record_read(ApiState& state, const Caller& caller, const http::Request& request,
                 std::string entity, std::string key, nlohmann::json details);

// The caller of a session-cookie request from memory alone (no database),
// or nullopt when that is not possible or not allowed: no or unknown cookie,
// an API token, a held administrator, nobody employed today. The normal path
// then answers with the precise error.
std::optional<Caller> caller_from_session(const http::Request& request, ApiState& state,
                                          const OrgView& org);

// The caller of a request, or the error response to send instead.
std::variant<Caller, http::Response> authenticate(const http::Request& request, ApiState& state,
                                                  const OrgView& org);

}  // namespace rollcall::api
