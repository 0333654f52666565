#include "api/endpoint.h"

#include <algorithm>
#include <charconv>

#include "app/auth/accounts.h"
#include "security/tokens.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

std::string code_name(StatusCode c) {
  std::string s(to_string(c));
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

bool is_safe_method(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

std::string cookie_value(const http::Request& r, std::string_view name) {
  const std::string header = r.header("cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    const std::size_t end = std::min(header.find(';', pos), header.size());
    const std::string_view pair(header.data() + pos, end - pos);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
    pos = end + 1;
  }
  return "";
}

}  // namespace

bool Caller::has(access::Role r) const {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

std::string Caller::actor() const { return app::actor_of(account.username); }

int http_status(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kDataLoss:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

http::Response json_response(int status, const json& body) {
  return http::Response::json(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

http::Response error_response(int status, std::string_view code, std::string_view message,
                              const std::vector<FieldError>& details) {
  json err{{"status", status}, {"code", code}, {"message", message}};
  if (!details.empty()) {
    json d = json::array();
    for (const auto& f : details) {
      json item{{"field", f.field}, {"message", f.message}};
      if (f.line > 0) item["line"] = f.line;
      d.push_back(std::move(item));
    }
    err["details"] = std::move(d);
  }
  return json_response(status, json{{"error", std::move(err)}});
}

http::Response error_response(const Status& s) {
  const int status = http_status(s.code());
  // Internal failures are logged by the access log's status; the client gets
  // no engine message.
  if (status == 500) return error_response(500, "internal", "internal error");
  return error_response(status, code_name(s.code()), s.message());
}

http::Response validation_failed(std::string_view message, const std::vector<FieldError>& details) {
  return error_response(422, "validation_failed", message, details);
}

Status Ctx::require(access::Action action, access::Resource resource) const {
  auto d = access::authorize(org().org(), caller.account.employee, action, resource, std::nullopt,
                             caller.today);
  if (d.allowed) return Status::ok();
  return {StatusCode::kPermissionDenied, d.reason};
}

Result<org::EmployeeId> Ctx::subject(std::string_view serial, access::Action action,
                                     access::Resource resource) const {
  const org::Employee* e = org().org().employee_by_serial(serial);
  if (e == nullptr) {
    if (access::department_wide(org().org(), caller.account.employee, action, resource,
                                caller.today)) {
      return not_found("no employee with serial '" + std::string(serial) + "'");
    }
    return Status(StatusCode::kPermissionDenied, "not an employee in your scope");
  }
  auto d = access::authorize(org().org(), caller.account.employee, action, resource, e->id,
                             caller.today);
  if (!d.allowed) return Status(StatusCode::kPermissionDenied, d.reason);
  return e->id;
}

bool Ctx::may(access::Action action, access::Resource resource, org::EmployeeId subject) const {
  return access::authorize(org().org(), caller.account.employee, action, resource, subject,
                           caller.today)
      .allowed;
}

void record_read(ApiState& state, const Caller& caller, const http::Request& request,
                 std::string entity, std::string key, json details) {
  storage::AccessRecord r;
  r.at = state.clock().now();
  r.actor = caller.actor();
  r.action = "read";
  r.entity = std::move(entity);
  r.entity_key = std::move(key);
  if (details.is_null()) details = json::object();
  details["path"] = request.target;
  r.details = details.dump(-1, ' ', false, json::error_handler_t::replace);
  state.access_log().record(std::move(r));
}

void Ctx::audit_read(std::string entity, std::string key, json details) const {
  record_read(state, caller, request, std::move(entity), std::move(key), std::move(details));
}

Result<json> Ctx::json_body() const {
  const std::string type = request.header("content-type");
  if (type.rfind("application/json", 0) != 0) {
    return invalid_argument("Content-Type must be application/json");
  }
  json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return invalid_argument("the body is not valid JSON");
  if (!body.is_object()) return invalid_argument("the body must be a JSON object");
  return body;
}

Result<std::optional<Date>> Ctx::date_param(std::string_view name) const {
  const std::string v = request.query_param(name);
  if (v.empty()) return std::optional<Date>();
  auto d = Date::parse(v);
  if (!d) return invalid_argument(std::string(name) + ": not a date YYYY-MM-DD: " + v);
  return std::optional<Date>(*d);
}

Result<std::int64_t> Ctx::id_param(std::string_view name) const {
  auto it = request.params.find(std::string(name));
  const std::string text = it == request.params.end() ? "" : it->second;
  long long id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size()) {
    return invalid_argument(std::string(name) + ": not a number: '" + text + "'");
  }
  return id;
}

Result<long long> Ctx::int_param(std::string_view name, long long fallback, long long lo,
                                 long long hi) const {
  const std::string v = request.query_param(name);
  if (v.empty()) return fallback;
  long long n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || p != v.data() + v.size() || n < lo || n > hi) {
    return invalid_argument(std::string(name) + ": an integer from " + std::to_string(lo) + " to " +
                            std::to_string(hi) + " expected, got '" + v + "'");
  }
  return n;
}

namespace {

// The caller the session cookie names (account, session, today), or the 401
// to send. Roles and CSRF are the callers' business.
std::variant<Caller, http::Response> session_caller(const http::Request& request, ApiState& state) {
  std::string token = cookie_value(request, kSessionCookie);
  if (token.empty()) return error_response(401, "unauthenticated", "sign in first");
  auto session = state.sessions().touch(token, state.clock().now());
  if (!session) {
    return error_response(401, "session_expired", "your session has expired; sign in again");
  }
  Caller caller;
  caller.today = state.today();
  caller.account.id = session->account;
  caller.account.employee = session->employee;
  caller.account.username = session->username;
  caller.session = std::move(session);
  caller.session_token = std::move(token);
  return caller;
}

// Sets the caller's roles on their day; false if they are not employed then.
bool add_roles(Caller& caller, const OrgView& org) {
  caller.roles = access::roles_on(org.org(), caller.account.employee, caller.today);
  return !caller.roles.empty();
}

}  // namespace

std::optional<Caller> caller_from_session(const http::Request& request, ApiState& state,
                                          const OrgView& org) {
  if (!request.header("authorization").empty()) return std::nullopt;
  auto who = session_caller(request, state);
  auto* caller = std::get_if<Caller>(&who);
  if (caller == nullptr || caller->session->totp_enrolment_required) return std::nullopt;
  if (!add_roles(*caller, org)) return std::nullopt;
  return std::move(*caller);
}

std::variant<Caller, http::Response> authenticate(const http::Request& request, ApiState& state,
                                                  const OrgView& org) {
  Caller caller;
  const std::string auth = request.header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) {
    auto db = state.pool().lease();
    auto account = app::account_for_token(*db, auth.substr(7));
    if (!account) return error_response(account.status());
    if (!account.value()) return error_response(401, "unauthenticated", "unknown or revoked token");
    caller.account = std::move(*account.value());
    caller.today = state.today();
  } else {
    auto who = session_caller(request, state);
    if (auto* refusal = std::get_if<http::Response>(&who)) return std::move(*refusal);
    caller = std::move(std::get<Caller>(who));
    if (!is_safe_method(request.method) &&
        !security::constant_time_equal(request.header("x-csrf-token"),
                                       caller.session->csrf_token)) {
      return error_response(403, "csrf",
                            "missing or wrong X-CSRF-Token header for a state-changing request");
    }
  }
  if (!add_roles(caller, org)) {
    return error_response(403, "not_employed", "the account's employee is not employed today");
  }
  return caller;
}

http::Response Api::handle(ApiState& state, const http::Request& request, const Handler& handler,
                           const RouteOptions& options) {
  try {
    auto org = state.org();
    if (!org) return error_response(org.status());
    auto who = authenticate(request, state, *org.value());
    if (auto* refusal = std::get_if<http::Response>(&who)) return std::move(*refusal);
    Caller caller = std::move(std::get<Caller>(who));
    if (caller.session && caller.session->totp_enrolment_required &&
        !options.during_totp_enrolment) {
      return error_response(403, "totp_enrolment_required",
                            "administrators must enrol a second factor (TOTP) first");
    }
    Ctx ctx(request, state, std::move(caller), std::move(org.value()));
    auto result = handler(ctx);
    if (!result) return error_response(result.status());
    return std::move(result.value());
  } catch (const json::exception& e) {
    return error_response(400, "invalid_argument", std::string("malformed field: ") + e.what());
  }
}

void Api::add(const std::string& method, const std::string& pattern, Handler handler,
              RouteOptions options) {
  // The routes outlive this Api (a registration helper): capture the state.
  router_.add(method, pattern,
              [&state = state_, handler = std::move(handler), options](const http::Request& r) {
                return handle(state, r, handler, options);
              });
}

void Api::add_public(const std::string& method, const std::string& pattern,
                     std::function<http::Response(const http::Request&)> handler) {
  router_.add(method, pattern, [handler = std::move(handler)](const http::Request& r) {
    try {
      return handler(r);
    } catch (const json::exception& e) {
      return error_response(400, "invalid_argument", std::string("malformed field: ") + e.what());
    }
  });
}

}  // namespace rollcall::api
