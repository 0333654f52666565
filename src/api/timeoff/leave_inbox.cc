#include "api/timeoff/leave_inbox.h"

#include "api/json_codecs.h"
#include "api/timeoff/leave_support.h"
#include "app/timeoff/leave_payroll.h"

namespace rollcall::api {

Status append_leave_inbox(Ctx& ctx, nlohmann::json& items, int& overdue) {
  using nlohmann::json;
  namespace tsvc = app::timeoff;
  namespace lv = rollcall::timeoff::leave;
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto requests, tsvc::load_requests(*db, std::nullopt));
  RC_ASSIGN_OR_RETURN(auto extensions, tsvc::load_extensions(*db, std::nullopt));
  const org::OrgSnapshot& org = ctx.org().org();
  const org::EmployeeId me = ctx.caller.account.employee;
  const Date today = ctx.caller.today;
  json out = json::array();
  int late = 0;
  for (const auto* s : tsvc::request_inbox(requests, org, me, today)) {
    json row = leave_api::request_json(ctx, *s);
    row["kind"] = "leave-request";
    row["actions"] = row["my_actions"];
    row["link"] = "/leave-requests/" + std::to_string(s->request.id);
    const bool is_late = tsvc::overdue(s->request, today);
    late += is_late ? 1 : 0;
    out.push_back(std::move(row));
  }
  for (const auto* s : tsvc::extension_inbox(extensions, org, me, today)) {
    const auto& x = s->extension;
    const bool requested = x.state == lv::ExtensionState::kRequested;
    // Decision: an extension is due by the deadline it extends (December 31).
    const Date due = Date::from_ymd(x.year, 12, 31);
    const bool is_late = today > due;
    late += is_late ? 1 : 0;
    const bool travelling = requested && x.route && !x.route->delivered();
    json actions = tsvc::extension_actions(x, org, me, today);
    out.push_back(json{
        {"kind", "leave-extension"},
        {"id", x.id},
        {"version", s->version},
        {"employee", employee_ref(ctx.org(), x.employee, today)},
        {"state", lv::to_string(x.state)},
        {"awaiting",
         json{{"step", "4.010-POL-7"},
              {"role", travelling ? std::string("holder")
                                  : std::string(access::to_string(access::Role::kBureauChief))},
              {"due", due.to_string()}}},
        {"overdue", is_late},
        {"actions", std::move(actions)},
        {"link", "/leave-extensions/" + std::to_string(x.id)}});
  }
  for (auto& row : out) items.push_back(std::move(row));
  overdue += late;
  return Status::ok();
}

}  // namespace rollcall::api
