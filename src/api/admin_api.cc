// /audit, /access-log, /accounts, /role-grants: the administrator's tools
// (issue 4). Permission changes (role grants) and new accounts are audited.
#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "api/routes.h"
#include "app/auth/accounts.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

json parsed_or_text(const std::string& s) {
  if (s.empty()) return nullptr;
  json j = json::parse(s, nullptr, false);
  return j.is_discarded() ? json(s) : j;
}

}  // namespace

void add_admin_routes(Api& api) {
  api.add("GET", "/api/v1/audit", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kAuditLog));
    RC_ASSIGN_OR_RETURN(long long limit, ctx.int_param("limit", 100, 1, 1000));
    RC_ASSIGN_OR_RETURN(long long before, ctx.int_param("before", 0, 0, 1LL << 62));
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto records, db->audit_records());
    RC_ASSIGN_OR_RETURN(auto head, db->audit_head());
    json out = json::array();
    for (auto it = records.rbegin();
         it != records.rend() && static_cast<long long>(out.size()) < limit; ++it) {
      if (before > 0 && it->seq >= before) continue;
      out.push_back(json{{"seq", it->seq},
                         {"at", it->recorded_at},
                         {"actor", it->actor},
                         {"action", it->action},
                         {"entity", it->entity},
                         {"key", it->entity_key},
                         {"before", parsed_or_text(it->before_json)},
                         {"after", parsed_or_text(it->after_json)}});
    }
    return json_response(
        200, json{{"records", out}, {"head", {{"seq", head.seq}, {"hash", head.hash}}}});
  });

  api.add("GET", "/api/v1/access-log", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kAuditLog));
    RC_ASSIGN_OR_RETURN(long long limit, ctx.int_param("limit", 100, 1, 1000));
    RC_ASSIGN_OR_RETURN(long long before, ctx.int_param("before", 0, 0, 1LL << 62));
    RC_RETURN_IF_ERROR(ctx.state.access_log().flush());
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto records, db->access_records(before, static_cast<int>(limit)));
    json out = json::array();
    for (const auto& r : records) {
      out.push_back(json{{"id", r.id},
                         {"at", format_utc(r.at)},
                         {"actor", r.actor},
                         {"action", r.action},
                         {"entity", r.entity},
                         {"key", r.entity_key},
                         {"details", parsed_or_text(r.details)}});
    }
    return json_response(200, json{{"records", out}});
  });

  api.add("POST", "/api/v1/accounts", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kWrite, access::Resource::kAccounts));
    RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
    const std::string serial = body.value("serial", "");
    const org::Employee* e = ctx.org().org().employee_by_serial(serial);
    if (e == nullptr)
      return validation_failed("no such employee", {{"serial", "no employee with this serial"}});
    auto db = ctx.state.pool().lease();
    auto id = app::create_account(*db, ctx.state.options().auth, ctx.caller.actor(),
                                  body.value("username", ""), e->id, body.value("password", ""),
                                  ctx.state.clock().now());
    if (!id && id.status().code() == StatusCode::kInvalidArgument) {
      const std::string& m = id.status().message();
      const auto colon = m.find(": ");
      return validation_failed(
          "the account is not valid",
          {{m.substr(0, colon), colon == std::string::npos ? m : m.substr(colon + 2)}});
    }
    if (!id) return id.status();
    return json_response(
        201,
        json{{"id", id.value()}, {"username", body.value("username", "")}, {"serial", serial}});
  });

  api.add("POST", "/api/v1/role-grants", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kWrite, access::Resource::kAccounts));
    RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
    std::vector<FieldError> errors;
    const org::Employee* e = ctx.org().org().employee_by_serial(body.value("serial", ""));
    if (e == nullptr) errors.push_back({"serial", "no employee with this serial"});
    auto role = org::parse_special_role(body.value("role", ""));
    if (!role) errors.push_back({"role", "not a special role"});
    auto from = Date::parse(body.value("from", ctx.caller.today.to_string()));
    if (!from) errors.push_back({"from", "not a date YYYY-MM-DD"});
    std::optional<Date> to;
    if (body.contains("to") && !body["to"].is_null()) {
      auto t = Date::parse(body.value("to", ""));
      if (!t) {
        errors.push_back({"to", "not a date YYYY-MM-DD"});
      } else if (from && !(from.value() < t.value())) {
        errors.push_back({"to", "must be after from"});
      } else {
        to = t.value();
      }
    }
    if (!errors.empty()) return validation_failed("the grant is not valid", errors);
    org::RoleGrant g;
    g.employee = e->id;
    g.role = *role;
    g.span = DateSpan{from.value(), to};
    std::int64_t id = 0;
    {
      auto db = ctx.state.pool().lease();
      RC_ASSIGN_OR_RETURN(auto tx, db->begin(ctx.caller.actor()));
      RC_ASSIGN_OR_RETURN(id, tx->insert_role(g));
      RC_RETURN_IF_ERROR(
          tx->audit_event("permission-change", "role_grant", std::to_string(id),
                          json{{"serial", e->serial}, {"role", org::to_string(*role)}}.dump()));
      RC_RETURN_IF_ERROR(tx->commit());
    }
    ctx.state.invalidate();
    return json_response(201,
                         json{{"id", id}, {"serial", e->serial}, {"role", org::to_string(*role)}});
  });
}

}  // namespace rollcall::api
