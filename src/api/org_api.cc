// /units, /employees, /employees/{serial}: the organisation, read-only
// (issue 4, item 4). Lists hold only what the caller may read.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "api/json_codecs.h"
#include "api/routes.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

json employee_summary(const OrgView& org, const org::Employee& e, Date day) {
  json j = employee_ref(org, e.id, day);
  j["rank"] = e.rank;
  j["category"] = org::to_string(e.category);
  auto status = org.org().status_on(e.id, day);
  j["status"] = status ? json(org::to_string(*status)) : json("not-hired");
  return j;
}

}  // namespace

void add_org_routes(Api& api) {
  api.add("GET", "/api/v1/units", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kOrgDirectory));
    json units = json::array();
    for (const org::Unit& u : ctx.org().org().data().units) {
      json leader = nullptr;
      if (auto h = ctx.org().org().holder_on(u.id, ctx.caller.today)) {
        const org::Employee* e = ctx.org().org().employee(h->employee);
        leader = json{{"serial", e ? e->serial : ""},
                      {"name", ctx.org().full_name(h->employee)},
                      {"acting", h->acting}};
      }
      units.push_back(json{{"id", u.id},
                           {"code", u.code},
                           {"name", u.name},
                           {"kind", org::to_string(u.kind)},
                           {"parent_id", u.parent ? json(*u.parent) : json(nullptr)},
                           {"leader", leader}});
    }
    return json_response(200, json{{"units", units}});
  });

  api.add("GET", "/api/v1/employees", [](Ctx& ctx) -> Result<http::Response> {
    RC_ASSIGN_OR_RETURN(long long limit, ctx.int_param("limit", 50, 1, 500));
    RC_ASSIGN_OR_RETURN(long long offset, ctx.int_param("offset", 0, 0, 10'000'000));
    RC_ASSIGN_OR_RETURN(long long unit_id, ctx.int_param("unit_id", 0, 0, 1LL << 62));
    const std::string q = lower(ctx.request.query_param("q"));
    const Date day = ctx.caller.today;
    const OrgView& org = ctx.org();
    json list = json::array();
    long long total = 0;
    for (const org::Employee& e : org.org().data().employees) {
      auto status = org.org().status_on(e.id, day);
      if (!status || *status == org::EmployeeStatus::kSeparated) continue;
      if (!q.empty() && lower(e.serial).find(q) == std::string::npos &&
          lower(org.full_name(e.id)).find(q) == std::string::npos) {
        continue;
      }
      if (unit_id > 0) {
        auto home = org.home_unit(e.id, day);
        if (!home || !org.within(*home, unit_id)) continue;
      }
      if (!ctx.may(access::Action::kRead, access::Resource::kEmployeeRecord, e.id)) continue;
      if (total >= offset && total < offset + limit) {
        list.push_back(employee_summary(org, e, day));
      }
      ++total;
    }
    return json_response(200, json{{"total", total}, {"employees", list}});
  });

  api.add("GET", "/api/v1/employees/{serial}", [](Ctx& ctx) -> Result<http::Response> {
    RC_ASSIGN_OR_RETURN(org::EmployeeId id,
                        ctx.subject(ctx.request.params.at("serial"), access::Action::kRead,
                                    access::Resource::kEmployeeRecord));
    const OrgView& org = ctx.org();
    const org::Employee& e = *org.org().employee(id);
    json j = employee_summary(org, e, ctx.caller.today);
    j["hire_date"] = e.hire_date.to_string();
    j["bargaining_unit"] = e.bargaining_unit;
    json chain = json::array();
    if (auto c = org.org().chain_of(id, ctx.caller.today)) {
      for (const org::ChainLink& link : c->links) {
        json holder = {{"unit", unit_ref(org, link.unit)},
                       {"title", link.title()},
                       {"serial", nullptr},
                       {"name", nullptr},
                       {"acting", false}};
        if (link.holder) {
          const org::Employee* h = org.org().employee(link.holder->employee);
          holder["serial"] = h ? h->serial : "";
          holder["name"] = org.full_name(link.holder->employee);
          holder["acting"] = link.holder->acting;
        }
        chain.push_back(std::move(holder));
      }
    }
    j["chain"] = std::move(chain);
    j["pmp_visible"] = ctx.may(access::Action::kRead, access::Resource::kPmpRecord, id);
    ctx.audit_read("employee", e.serial);
    return json_response(200, j);
  });
}

}  // namespace rollcall::api
