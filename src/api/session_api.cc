// /session, /session/password, /session/totp, /tokens: signing in and out,
// the second factor, and API tokens (issue 4, item 2).
#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "api/json_codecs.h"
#include "api/routes.h"
#include "app/auth/accounts.h"
#include "security/totp.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

std::string session_cookie(const ApiState& state, const std::string& token, long long max_age) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (state.options().secure_cookies) c += "; Secure";
  return c;
}

json session_json(const ApiState& state, const OrgView& org, const Caller& caller,
                  const app::Session& s, bool totp_enabled) {
  const auto& policy = state.options().auth;
  return json{{"user", user_json(org, caller, totp_enabled, s.totp_enrolment_required)},
              {"csrf_token", s.csrf_token},
              {"expires_at", format_utc(s.created + policy.absolute_lifetime)},
              {"idle_timeout_seconds", policy.idle_timeout.count()}};
}

std::string string_field(const json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_string()) return "";
  return body[name].get<std::string>();
}

http::Response sign_in(ApiState& state, const http::Request& r) {
  if (r.header("content-type").rfind("application/json", 0) != 0) {
    return error_response(400, "invalid_argument", "Content-Type must be application/json");
  }
  json body = json::parse(r.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return error_response(400, "invalid_argument", "the body is not a JSON object");
  }
  const std::string username = string_field(body, "username");
  const std::string password = string_field(body, "password");
  if (username.empty() || password.empty() || username.size() > 64 || password.size() > 1024) {
    return error_response(400, "invalid_argument", "username and password are required");
  }
  const Instant now = state.clock().now();
  Result<app::SignInResult> result = [&] {
    auto db = state.pool().lease();
    return app::sign_in(*db, state.options().auth, username, password, string_field(body, "totp"),
                        r.remote, now);
  }();
  if (!result) return error_response(result.status());
  const auto& outcome = result.value();
  switch (outcome.outcome) {
    case app::SignInOutcome::kBadCredentials:
      return error_response(401, "bad_credentials", "wrong username or password");
    case app::SignInOutcome::kTotpRequired:
      return error_response(401, "totp_required", "enter the code from your authenticator");
    case app::SignInOutcome::kTotpInvalid:
      return error_response(401, "totp_invalid", "that code is wrong or already used");
    case app::SignInOutcome::kLocked: {
      const auto wait =
          outcome.locked_until ? *outcome.locked_until - now : std::chrono::seconds(0);
      auto res = error_response(
          429, "locked",
          "too many failed sign-ins: the account is locked until " +
              (outcome.locked_until ? format_utc(*outcome.locked_until) : std::string("later")));
      res.headers.emplace_back(
          "Retry-After", std::to_string(std::max<long long>(
                             1, std::chrono::duration_cast<std::chrono::seconds>(wait).count())));
      return res;
    }
    case app::SignInOutcome::kSignedIn:
      break;
  }
  auto org = state.org();
  if (!org) return error_response(org.status());
  Caller caller;
  caller.account = outcome.account;
  caller.today = state.today();
  caller.roles = access::roles_on(org.value()->org(), caller.account.employee, caller.today);
  if (caller.roles.empty()) {
    return error_response(403, "not_employed", "the account's employee is not employed today");
  }
  const bool totp_enabled = !caller.account.totp_secret.empty();
  const bool enrol = caller.has(access::Role::kAdministrator) && !totp_enabled;
  auto [token, session] = state.sessions().create(caller.account, now, enrol);
  auto res = json_response(200, session_json(state, *org.value(), caller, session, totp_enabled));
  res.headers.emplace_back(
      "Set-Cookie", session_cookie(state, token, state.options().auth.absolute_lifetime.count()));
  return res;
}

Result<storage::Account> load_account(Ctx& ctx) {
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto account, db->account_by_id(ctx.caller.account.id));
  if (!account) return Status(StatusCode::kUnauthenticated, "the account no longer exists");
  return *account;
}

Status require_session(const Ctx& ctx) {
  if (!ctx.caller.session) {
    return {StatusCode::kPermissionDenied, "this needs a signed-in session, not an API token"};
  }
  return Status::ok();
}

}  // namespace

void add_session_routes(Api& api) {
  ApiState& state = api.state();
  const RouteOptions enrolment{.during_totp_enrolment = true};

  api.add_public("POST", "/api/v1/session",
                 [&state](const http::Request& r) { return sign_in(state, r); });

  api.add(
      "GET", "/api/v1/session",
      [](Ctx& ctx) -> Result<http::Response> {
        RC_RETURN_IF_ERROR(require_session(ctx));
        RC_ASSIGN_OR_RETURN(storage::Account account, load_account(ctx));
        return json_response(200, session_json(ctx.state, ctx.org(), ctx.caller,
                                               *ctx.caller.session, !account.totp_secret.empty()));
      },
      enrolment);

  api.add(
      "DELETE", "/api/v1/session",
      [](Ctx& ctx) -> Result<http::Response> {
        RC_RETURN_IF_ERROR(require_session(ctx));
        ctx.state.sessions().end(ctx.caller.session_token);
        auto db = ctx.state.pool().lease();
        RC_ASSIGN_OR_RETURN(auto tx, db->begin(ctx.caller.actor()));
        RC_RETURN_IF_ERROR(
            tx->audit_event("sign-out", "account", ctx.caller.account.username, "{}"));
        RC_RETURN_IF_ERROR(tx->commit());
        http::Response res;
        res.status = 204;
        res.headers.emplace_back("Set-Cookie", session_cookie(ctx.state, "", 0));
        return res;
      },
      enrolment);

  api.add("POST", "/api/v1/session/password", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(require_session(ctx));
    RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
    Status s = [&] {
      auto db = ctx.state.pool().lease();
      return app::change_password(*db, ctx.state.options().auth, ctx.caller.account.id,
                                  string_field(body, "current_password"),
                                  string_field(body, "new_password"), ctx.state.clock().now());
    }();
    if (s.code() == StatusCode::kInvalidArgument) {
      return validation_failed("the new password is not acceptable",
                               {{"new_password", s.message().substr(s.message().find(": ") + 2)}});
    }
    if (s.code() == StatusCode::kUnauthenticated) {
      return validation_failed("the current password is wrong", {{"current_password", "is wrong"}});
    }
    RC_RETURN_IF_ERROR(s);
    // Every other session of this account ends: a stolen cookie dies with the old password.
    ctx.state.sessions().end_all(ctx.caller.account.id, ctx.caller.session->id_hash);
    http::Response res;
    res.status = 204;
    return res;
  });

  api.add(
      "POST", "/api/v1/session/totp",
      [](Ctx& ctx) -> Result<http::Response> {
        RC_RETURN_IF_ERROR(require_session(ctx));
        app::Session s = *ctx.caller.session;
        s.pending_totp_secret = security::new_totp_secret();
        ctx.state.sessions().update(s);
        return json_response(
            200, json{{"secret", s.pending_totp_secret},
                      {"otpauth_uri", security::otpauth_uri("rollcall", ctx.caller.account.username,
                                                            s.pending_totp_secret)}});
      },
      enrolment);

  api.add(
      "POST", "/api/v1/session/totp/confirm",
      [](Ctx& ctx) -> Result<http::Response> {
        RC_RETURN_IF_ERROR(require_session(ctx));
        RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
        app::Session s = *ctx.caller.session;
        if (s.pending_totp_secret.empty()) {
          return Status(StatusCode::kFailedPrecondition,
                        "begin enrolment first (POST /session/totp)");
        }
        Status st = [&] {
          auto db = ctx.state.pool().lease();
          return app::enable_totp(*db, ctx.caller.account.id, s.pending_totp_secret,
                                  string_field(body, "code"), ctx.state.clock().now());
        }();
        if (st.code() == StatusCode::kInvalidArgument) {
          return validation_failed("wrong code", {{"code", "does not match the authenticator"}});
        }
        RC_RETURN_IF_ERROR(st);
        s.pending_totp_secret.clear();
        s.totp_enrolment_required = false;
        ctx.state.sessions().update(s);
        http::Response res;
        res.status = 204;
        return res;
      },
      enrolment);

  api.add("GET", "/api/v1/tokens", [](Ctx& ctx) -> Result<http::Response> {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto tokens, db->api_tokens(ctx.caller.account.id));
    json out = json::array();
    for (const auto& t : tokens) {
      out.push_back(json{{"id", t.id},
                         {"name", t.name},
                         {"created_at", format_utc(t.created_at)},
                         {"revoked_at", t.revoked_at ? json(format_utc(*t.revoked_at)) : json()}});
    }
    return json_response(200, json{{"tokens", out}});
  });

  api.add("POST", "/api/v1/tokens", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(require_session(ctx));
    RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
    const std::string name = string_field(body, "name");
    if (name.empty() || name.size() > 100) {
      return validation_failed("invalid token", {{"name", "1 to 100 characters"}});
    }
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto created, app::create_api_token(*db, ctx.caller.account.id, name,
                                                            ctx.state.clock().now()));
    return json_response(
        201,
        json{{"id", created.second.id}, {"name", created.second.name}, {"token", created.first}});
  });

  api.add("DELETE", "/api/v1/tokens/{id}", [](Ctx& ctx) -> Result<http::Response> {
    RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
    auto db = ctx.state.pool().lease();
    RC_RETURN_IF_ERROR(
        app::revoke_api_token(*db, ctx.caller.account.id, id, ctx.state.clock().now()));
    http::Response res;
    res.status = 204;
    return res;
  });
}

}  // namespace rollcall::api
