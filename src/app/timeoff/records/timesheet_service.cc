#include "app/timeoff/records/timesheet_service.h"

#include <algorithm>
#include <map>
#include <set>

namespace rollcall::app::records {
namespace {

bool is_self_or_supervisor_or_payroll(const tr::Actor& a, org::EmployeeId subject) {
  return a.employee == subject || tr::supervises(a, subject) ||
         tr::holds(a, access::Role::kPayroll);
}

}  // namespace

Result<std::optional<tr::CompEarning>> settle_comp_time(storage::Transaction& tx,
                                                        const org::OrgSnapshot& org,
                                                        const TimeoffContext& cal,
                                                        const tr::Timesheet& ts, Date on,
                                                        const std::string& why) {
  const std::string source = "timesheet " + std::to_string(ts.id);
  RC_ASSIGN_OR_RETURN(auto ledger, tx.ledger_entries(ts.employee));
  // What this timesheet banked before, and the balance without it.
  lv::Minutes already = 0;
  std::vector<lv::LedgerEntry> others;
  for (const lv::LedgerEntry& x : ledger) {
    if (x.bank == lv::LeaveType::kCompTime && x.source == source) {
      already += x.minutes;
    } else {
      others.push_back(x);
    }
  }
  const tr::LineTotals t = tr::totals(ts.current_lines());
  if (t.comp_elected <= 0 && already == 0) return std::optional<tr::CompEarning>{};
  const org::Employee* e = org.employee(ts.employee);
  if (e == nullptr) return not_found("employee " + std::to_string(ts.employee) + " does not exist");
  const bool sworn = e->category == org::Category::kSworn;
  const tr::CompTimeRules rules{};
  // The unit's cap (leave rules); a unit without one is held to the FLSA ceiling.
  std::int64_t cap = sworn ? rules.public_safety_ceiling_minutes : rules.other_ceiling_minutes;
  if (auto unit = cal.unit_rules(*e); unit && unit.value()->comp_time_cap) {
    cap = *unit.value()->comp_time_cap;
  }
  const lv::Minutes balance = lv::balance(others, lv::LeaveType::kCompTime, on);
  RC_ASSIGN_OR_RETURN(tr::CompEarning earned,
                      tr::earn_comp(std::max<std::int64_t>(t.comp_elected, 0),
                                    std::max<lv::Minutes>(balance, 0), cap, sworn, rules));
  const lv::Minutes delta = earned.banked_minutes - already;
  if (delta != 0) {
    const std::string earning =
        std::to_string(earned.banked_worked_minutes) +
        " overtime minutes at time and a half (4.010-POL-10)" +
        (earned.paid_worked_minutes > 0 ? "; " + std::to_string(earned.paid_worked_minutes) +
                                              " minutes over the cap paid in cash"
                                        : std::string());
    std::vector<lv::LedgerEntry> entries{lv::LedgerEntry{
        0, ts.employee, lv::LeaveType::kCompTime, lv::LeaveType::kCompTime, on, delta,
        already == 0 ? lv::EntryKind::kAccrual : lv::EntryKind::kAdjustment, source,
        already == 0 ? "comp time earned: " + earning
                     : why + ": comp time re-posted from " + std::to_string(already) + " to " +
                           std::to_string(earned.banked_minutes) + " minutes, " + earning}};
    RC_RETURN_IF_ERROR(tx.insert_ledger_entries(entries));
  }
  return std::optional<tr::CompEarning>{earned};
}

std::vector<tr::TimesheetLine> prefill_lines(const to::WorkSchedule& schedule,
                                             const tr::PayPeriodRef& period,
                                             const std::vector<lv::LedgerEntry>& ledger) {
  // Net usage per day and leave type, inside the period.
  std::map<std::pair<std::int64_t, std::string>, lv::Minutes> used;
  for (const lv::LedgerEntry& x : ledger) {
    if (x.kind != lv::EntryKind::kUsage || !period.contains(x.date)) continue;
    used[{x.date.days_since_epoch(), std::string(lv::to_string(x.taken_as))}] += x.minutes;
  }
  std::vector<tr::TimesheetLine> lines;
  for (Date d : schedule.scheduled_dates(period.first, period.last)) {
    std::int64_t left = std::min<std::int64_t>(schedule.scheduled_minutes(d), tr::kMinutesPerDay);
    for (const auto& [key, minutes] : used) {
      if (key.first != d.days_since_epoch() || minutes >= 0 || left <= 0) continue;
      const std::int64_t leave = std::min<std::int64_t>(-minutes, left);
      lines.push_back(tr::TimesheetLine{d, tr::TimeCode::kLeave, key.second, leave});
      left -= leave;
    }
    if (left > 0) lines.push_back(tr::TimesheetLine{d, tr::TimeCode::kRegular, "", left});
  }
  return lines;
}

Result<std::optional<StoredTimesheet>> find_timesheet(storage::WorkflowReader& db,
                                                      const TimeoffContext& cal,
                                                      org::EmployeeId employee, Date day) {
  const PayPeriod p = cal.pay_periods().containing(day);
  RC_ASSIGN_OR_RETURN(auto all, load_all<tr::Timesheet>(db, employee));
  for (auto& s : all) {
    if (s.record.period.first == p.start) return std::optional<StoredTimesheet>(std::move(s));
  }
  return std::optional<StoredTimesheet>{};
}

Result<StoredTimesheet> open_timesheet(storage::Database& db, const org::OrgSnapshot& org,
                                       const TimeoffContext& cal, const ActingAs& acting,
                                       org::EmployeeId employee, Date day) {
  const org::Employee* e = org.employee(employee);
  if (e == nullptr) return not_found("employee " + std::to_string(employee) + " does not exist");
  const tr::Actor actor = actor_on(org, acting.employee, employee, acting.on);
  if (!is_self_or_supervisor_or_payroll(actor, employee)) {
    return tr::denied(actor,
                      "only the employee, their sergeant/supervisor or Payroll opens a timesheet");
  }
  RC_ASSIGN_OR_RETURN(tr::PayPeriodRef period, pay_period_ref(cal, day));
  RC_ASSIGN_OR_RETURN(to::WorkSchedule schedule, cal.schedule_of(*e));
  return create_record<tr::Timesheet>(
      db, acting, [&](storage::Transaction& tx) -> Result<tr::Timesheet> {
        RC_ASSIGN_OR_RETURN(auto stored, load_all<tr::Timesheet>(tx, employee));
        std::vector<tr::Timesheet> existing;
        for (auto& s : stored) existing.push_back(std::move(s.record));
        RC_ASSIGN_OR_RETURN(tr::Timesheet ts,
                            tr::open_timesheet(0, employee, period, existing, acting.at));
        RC_ASSIGN_OR_RETURN(auto ledger, tx.ledger_entries(employee));
        ts.draft = prefill_lines(schedule, period, ledger);
        return ts;
      });
}

Result<StoredTimesheet> set_day_lines(storage::Database& db, const org::OrgSnapshot& org,
                                      const ActingAs& acting, std::int64_t id, Date day,
                                      const std::vector<tr::TimesheetLine>& lines,
                                      std::optional<int> expected) {
  return step_record<tr::Timesheet>(
      db, acting, id, expected,
      [&](const tr::Timesheet& ts, storage::Transaction&) -> Result<tr::Timesheet> {
        const tr::Actor actor = actor_on(org, acting.employee, ts.employee, acting.on);
        if (lines.empty())
          return invalid_argument("lines: at least one line for " + day.to_string());
        tr::Timesheet next = ts;
        std::erase_if(next.draft, [&](const tr::TimesheetLine& l) { return l.date == day; });
        for (const tr::TimesheetLine& l : lines) {
          if (l.date != day) return invalid_argument("lines: every line is on " + day.to_string());
          RC_ASSIGN_OR_RETURN(next, tr::record_line(next, l, actor, acting.at));
        }
        return next;
      });
}

std::string_view to_string(TimesheetAction a) {
  switch (a) {
    case TimesheetAction::kSubmit:
      return "submit";
    case TimesheetAction::kApprove:
      return "approve";
    case TimesheetAction::kReturn:
      return "return";
  }
  return "?";
}

std::optional<TimesheetAction> parse_timesheet_action(std::string_view s) {
  for (auto a : {TimesheetAction::kSubmit, TimesheetAction::kApprove, TimesheetAction::kReturn}) {
    if (to_string(a) == s) return a;
  }
  return std::nullopt;
}

Result<TimesheetStepResult> timesheet_step(storage::Database& db, const org::OrgSnapshot& org,
                                           const TimeoffContext& cal, const ActingAs& acting,
                                           std::int64_t id, TimesheetAction action,
                                           std::string comments, std::optional<int> expected) {
  std::optional<tr::CompEarning> comp;
  RC_ASSIGN_OR_RETURN(
      StoredTimesheet stored,
      step_record<tr::Timesheet>(
          db, acting, id, expected,
          [&](const tr::Timesheet& ts, storage::Transaction& tx) -> Result<tr::Timesheet> {
            const tr::Actor actor = actor_on(org, acting.employee, ts.employee, acting.on);
            switch (action) {
              case TimesheetAction::kSubmit:
                return tr::submit(ts, actor, acting.at);
              case TimesheetAction::kReturn:
                return tr::return_timesheet(ts, actor, acting.at, comments);
              case TimesheetAction::kApprove: {
                RC_ASSIGN_OR_RETURN(tr::Timesheet next, tr::approve(ts, actor, acting.at));
                RC_ASSIGN_OR_RETURN(comp,
                                    settle_comp_time(tx, org, cal, next, acting.on, "approval"));
                return next;
              }
            }
            return invalid_argument("unknown timesheet action");
          }));
  return TimesheetStepResult{std::move(stored), comp};
}

Result<std::vector<OverdueRow>> overdue_rows(const std::vector<StoredTimesheet>& sheets,
                                             const std::vector<org::EmployeeId>& scope,
                                             const org::OrgSnapshot& org, const TimeoffContext& cal,
                                             Instant now, Date today) {
  std::vector<tr::Timesheet> plain;
  plain.reserve(sheets.size());
  for (const auto& s : sheets) plain.push_back(s.record);
  std::vector<OverdueRow> rows;
  std::map<std::int64_t, const tr::Timesheet*> by_id;
  for (const auto& t : plain) by_id[t.id] = &t;
  for (const tr::OverdueEntry& x : tr::overdue_list_for(plain, scope, now)) {
    const tr::Timesheet* t = by_id[x.timesheet];
    rows.push_back(OverdueRow{x.employee, x.timesheet, x.period_first, t->period.last, x.due,
                              std::string(tr::to_string(x.state))});
  }
  // The latest pay period whose deadline has passed: this period's
  // predecessor, or the one before it before Wednesday noon.
  PayPeriod p = cal.pay_periods().containing(today);
  for (int i = 0; i < 3; ++i) {
    p = cal.pay_periods().containing(p.start.plus_days(-1));
    RC_ASSIGN_OR_RETURN(Instant due, cal.timesheet_deadline(p));
    if (due < now) {
      std::set<org::EmployeeId> has;
      for (const auto& t : plain) {
        if (t.period.first == p.start) has.insert(t.employee);
      }
      for (org::EmployeeId e : scope) {
        if (has.count(e) != 0 || !org.member_assignment_on(e, p.end)) continue;
        rows.push_back(OverdueRow{e, std::nullopt, p.start, p.end, due, "missing"});
      }
      break;
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const OverdueRow& a, const OverdueRow& b) {
    if (a.due != b.due) return a.due < b.due;
    return a.employee < b.employee;
  });
  return rows;
}

}  // namespace rollcall::app::records
