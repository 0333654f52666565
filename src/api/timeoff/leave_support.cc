#include "api/timeoff/leave_support.h"

#include <cmath>

#include "api/json_codecs.h"
#include "api/timeoff/records_common.h"
#include "time/instant.h"

namespace rollcall::api::leave_api {

using nlohmann::json;

Result<tsvc::TimeoffContext> timeoff_context(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(auto shipped, tsvc::TimeoffContext::shipped(ctx.state.options().zone));
  tsvc::TimeoffContext out = *shipped;
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto anchors, tsvc::load_schedule_anchors(*db));
  out.set_anchors(std::move(anchors));
  return out;
}

tsvc::ActingAs acting(const Ctx& ctx) {
  return tsvc::ActingAs{ctx.caller.account.employee, ctx.caller.actor(), ctx.state.clock().now(),
                        ctx.caller.today};
}

json amount(lv::Minutes m) {
  return json{{"minutes", m}, {"hours", std::round(static_cast<double>(m) / 60.0 * 100) / 100}};
}

http::Response leave_error(const Status& s) {
  if (s.code() == StatusCode::kInvalidArgument) {
    const std::string& m = s.message();
    const auto colon = m.find(": ");
    const auto space = m.find(' ');
    if (colon != std::string::npos && (space == std::string::npos || space > colon)) {
      return validation_failed(m, {{m.substr(0, colon), m.substr(colon + 2)}});
    }
    return validation_failed(m, {});
  }
  return error_response(s);
}

json request_json(const Ctx& ctx, const tsvc::StoredRequest& s) {
  const OrgView& org = ctx.org();
  const Date today = ctx.caller.today;
  const lv::LeaveRequest& r = s.request;
  auto person = [&](org::EmployeeId e, Date day) {
    return e == 0 ? json(nullptr) : employee_ref(org, e, day);
  };
  json days = json::array();
  for (const auto& d : r.days) {
    days.push_back(json{{"date", d.date.to_string()},
                        {"minutes", d.minutes},
                        {"hours", amount(d.minutes)["hours"]}});
  }
  json history = json::array();
  for (const auto& h : r.history) {
    history.push_back(json{{"step", h.step},
                           {"what", h.what},
                           {"actor", person(h.actor, h.on)},
                           {"at", format_utc(h.at)},
                           {"on", h.on.to_string()},
                           {"from", lv::to_string(h.from)},
                           {"to", lv::to_string(h.to)},
                           {"comments", h.comments}});
  }
  // PRO-1.3 / PRO-1.4: each link the form passes, and when it reached them.
  auto route = [&](const auto& routing) -> json {
    return routing ? records::routing_json(ctx, *routing) : json(nullptr);
  };
  const tsvc::Awaiting a = tsvc::awaiting(r);
  json actions = json::array();
  for (auto k : tsvc::my_actions(r, org.org(), ctx.caller.account.employee, today)) {
    actions.push_back(lv::to_string(k));
  }
  return json{{"id", r.id},
              {"version", s.version},
              {"employee", person(r.employee, today)},
              {"type", lv::to_string(r.type)},
              {"charge", r.charge ? json(lv::to_string(*r.charge)) : json(nullptr)},
              {"first", r.first.to_string()},
              {"last", r.last.to_string()},
              {"days", std::move(days)},
              {"total", amount(r.total_minutes())},
              {"note", r.note},
              {"unscheduled", r.unscheduled},
              {"called_in_before_shift", r.called_in_before_shift},
              {"captain_path", r.captain_path},
              {"consecutive_days", r.consecutive_days},
              {"joined_with", r.joined_with},
              {"state", lv::to_string(r.state)},
              {"state_since", r.state_since.to_string()},
              {"sergeant", person(r.sergeant, today)},
              {"captain", person(r.captain, today)},
              {"denial_reason", r.denial_reason},
              {"to_captain", route(r.to_captain)},
              {"back_to_sergeant", route(r.back_to_sergeant)},
              {"awaiting",
               a.any ? json{{"step", a.step},
                            {"role", a.holder ? json("holder") : json(access::to_string(a.role))},
                            {"holder", a.holder ? person(*a.holder, today) : json(nullptr)},
                            {"due", a.due.to_string()}}
                     : json(nullptr)},
              {"overdue", tsvc::overdue(r, today)},
              {"my_actions", std::move(actions)},
              {"history", std::move(history)}};
}

}  // namespace rollcall::api::leave_api
