#include "api/timeoff/records_inbox.h"

#include "api/timeoff/records_common.h"
#include "api/timeoff/records_corrections.h"
#include "api/timeoff/records_requests.h"
#include "api/timeoff/records_timesheets.h"

namespace rollcall::api {
namespace {

using namespace records;  // NOLINT(google-build-using-namespace): this file's vocabulary

void add(json& items, json row, std::vector<std::string> actions, bool late, int& overdue) {
  row["actions"] = std::move(actions);
  row["overdue"] = late;
  overdue += late ? 1 : 0;
  items.push_back(std::move(row));
}

}  // namespace

Status append_records_inbox(Ctx& ctx, json& items, int& overdue) {
  const org::OrgSnapshot& org = ctx.org().org();
  const org::EmployeeId me = ctx.caller.account.employee;
  const Date today = ctx.caller.today;
  const Instant now = ctx.state.clock().now();
  const bool payroll = ctx.caller.has(access::Role::kPayroll);
  auto actor = [&](org::EmployeeId subject) { return ar::actor_on(org, me, subject, today); };
  auto db = ctx.state.pool().lease();

  RC_ASSIGN_OR_RETURN(auto sheets, ar::load_all<tr::Timesheet>(*db, std::nullopt));
  for (const auto& s : sheets) {
    if (s.record.state == tr::TimesheetState::kSubmitted &&
        tr::supervises(actor(s.record.employee), s.record.employee)) {
      add(items, timesheet_summary(ctx, s), {"approve", "return"}, tr::overdue(s.record, now),
          overdue);
    }
  }

  RC_ASSIGN_OR_RETURN(auto corrections, ar::load_all<tr::Correction>(*db, std::nullopt));
  for (const auto& s : corrections) {
    const tr::Correction& c = s.record;
    if (c.employee == me) continue;
    if (c.state == tr::CorrectionState::kWithBureauChief && c.routing.holder() == me) {
      add(items, correction_json(ctx, s),
          c.routing.delivered() ? std::vector<std::string>{"grant", "refuse-exception"}
                                : std::vector<std::string>{"forward"},
          false, overdue);
    } else if (payroll && c.state == tr::CorrectionState::kWithPayroll) {
      add(items, correction_json(ctx, s), {"approve", "refuse"}, false, overdue);
    } else if (payroll && c.state == tr::CorrectionState::kApproved) {
      add(items, correction_json(ctx, s), {"apply"}, false, overdue);
    }
  }

  RC_ASSIGN_OR_RETURN(auto awol, ar::load_all<tr::AwolRecord>(*db, std::nullopt));
  for (const auto& s : awol) {
    if (!s.record.memo.copy.delivered() && s.record.memo.copy.holder() == me) {
      add(items, awol_json(ctx, s), {"forward"}, false, overdue);
    }
  }

  RC_ASSIGN_OR_RETURN(auto cash_outs, ar::load_all<tr::CashOut>(*db, std::nullopt));
  for (const auto& s : cash_outs) {
    if (payroll && s.record.employee != me && s.record.state == tr::CashOutState::kRequested) {
      add(items, cash_out_json(ctx, s), {"pay", "refuse"}, false, overdue);
    }
  }

  const bool fml = ctx.caller.has(access::Role::kFmlCoordinator);
  RC_ASSIGN_OR_RETURN(auto releases, ar::load_all<tr::ReleaseTime>(*db, std::nullopt));
  for (const auto& s : releases) {
    const tr::ReleaseTime& r = s.record;
    if (r.employee == me) continue;
    const bool supervisor = tr::supervises(actor(r.employee), r.employee);
    std::vector<std::string> actions;
    if (supervisor && r.state == tr::ReleaseState::kRequested) actions = {"approve", "deny"};
    if (supervisor && r.state == tr::ReleaseState::kApproved) actions = {"complete-form"};
    if (supervisor && r.state == tr::ReleaseState::kFormCompleted) actions = {"forward"};
    if (!r.copy.delivered() && r.copy.holder() == me) actions.push_back("forward-copy");
    if (payroll && r.state == tr::ReleaseState::kForwarded) actions.push_back("receive");
    if (fml && r.fml && !r.fml->informed_at) actions.push_back("inform-fml");
    if (!actions.empty()) add(items, release_json(ctx, s), actions, false, overdue);
  }

  RC_ASSIGN_OR_RETURN(auto furloughs, ar::load_all<tr::FurloughWork>(*db, std::nullopt));
  for (const auto& s : furloughs) {
    const tr::FurloughWork& w = s.record;
    if (!tr::supervises(actor(w.employee), w.employee)) continue;
    if (w.state == tr::FurloughWorkState::kRequested) {
      add(items, furlough_json(ctx, s), {"approve", "deny"}, false, overdue);
    } else if (w.state == tr::FurloughWorkState::kApproved && !w.day_off) {
      add(items, furlough_json(ctx, s), {"day-off"},
          tr::day_off_status(w, today) == tr::DayOffStatus::kOverdue, overdue);
    }
  }

  RC_ASSIGN_OR_RETURN(auto duty, ar::load_all<tr::SpecialDutyRequest>(*db, std::nullopt));
  for (const auto& s : duty) {
    if (s.record.state == tr::AuthorizationState::kRequested &&
        tr::is_chain_role(actor(s.record.employee), access::Role::kCaptain, s.record.employee)) {
      add(items, special_duty_json(ctx, s), {"approve", "disapprove"}, false, overdue);
    }
  }

  if (ctx.caller.has(access::Role::kGuildPresident)) {
    RC_ASSIGN_OR_RETURN(auto guild, ar::load_all<tr::GuildDayRequest>(*db, std::nullopt));
    for (const auto& s : guild) {
      if (s.record.state == tr::AuthorizationState::kRequested && s.record.employee != me) {
        add(items, guild_day_json(ctx, s), {"approve", "disapprove"}, false, overdue);
      }
    }
  }
  return Status::ok();
}

}  // namespace rollcall::api
