#include "domain/timeoff/records/timesheet.h"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

namespace rollcall::timeoff::records {
namespace {

using access::Role;

constexpr std::array<std::pair<TimesheetState, std::string_view>, 4> kStateNames{{
    {TimesheetState::kOpen, "open"},
    {TimesheetState::kSubmitted, "submitted"},
    {TimesheetState::kReturned, "returned"},
    {TimesheetState::kApproved, "approved"},
}};

bool editable(TimesheetState s) {
  return s == TimesheetState::kOpen || s == TimesheetState::kReturned;
}

Status state_error(const std::string& step, const Timesheet& ts, const std::string& expected) {
  return failed_precondition(step + " needs the timesheet " + expected + "; it is " +
                             std::string(to_string(ts.state)));
}

Timesheet with_event(const Timesheet& ts, std::string what, const Actor& actor, Instant at,
                     TimesheetState to, std::string comments = {}) {
  Timesheet out = ts;
  out.history.push_back({std::move(what), actor.employee, at, ts.state, to, std::move(comments)});
  out.state = to;
  return out;
}

bool by_deadline(const OverdueEntry& a, const OverdueEntry& b) {
  if (a.due != b.due) return a.due < b.due;
  return a.employee < b.employee;
}

}  // namespace

std::string_view to_string(TimesheetState s) {
  for (const auto& [state, name] : kStateNames) {
    if (state == s) return name;
  }
  return "?";
}

std::optional<TimesheetState> parse_timesheet_state(std::string_view s) {
  for (const auto& [state, name] : kStateNames) {
    if (name == s) return state;
  }
  return std::nullopt;
}

const std::vector<TimesheetLine>& Timesheet::current_lines() const {
  return versions.empty() ? draft : versions.back().lines;
}

Result<Timesheet> open_timesheet(std::int64_t id, org::EmployeeId employee, PayPeriodRef period,
                                 const std::vector<Timesheet>& existing, Instant at) {
  for (const Timesheet& t : existing) {
    if (t.employee == employee && t.period.first == period.first) {
      return already_exists("employee " + std::to_string(employee) + " already has timesheet " +
                            std::to_string(t.id) + " for the pay period starting " +
                            period.first.to_string() + " (4.010-POL-4: one per pay period)");
    }
  }
  if (employee == 0) return invalid_argument("a timesheet needs an employee");
  if (period.last < period.first) {
    return invalid_argument("the pay period ends (" + period.last.to_string() +
                            ") before it starts (" + period.first.to_string() + ")");
  }
  Timesheet ts;
  ts.id = id;
  ts.employee = employee;
  ts.period = period;
  ts.history.push_back(
      {"open", employee, at, TimesheetState::kOpen, TimesheetState::kOpen, std::string()});
  return ts;
}

Status check_line(const PayPeriodRef& period, const TimesheetLine& line) {
  if (!period.contains(line.date)) {
    return invalid_argument("lines: line date " + line.date.to_string() +
                            " is outside the pay period " + period.first.to_string() + " to " +
                            period.last.to_string());
  }
  if (line.minutes <= 0 || line.minutes > kMinutesPerDay) {
    return invalid_argument("lines: a line's minutes must be 1 to 1440, not " +
                            std::to_string(line.minutes));
  }
  if (line.code == TimeCode::kLeave && line.leave_type.empty()) {
    return invalid_argument("lines: a leave line names its leave type");
  }
  if (line.code != TimeCode::kLeave && !line.leave_type.empty()) {
    return invalid_argument("lines: only leave lines name a leave type; this is " +
                            std::string(to_string(line.code)));
  }
  return Status::ok();
}

Result<Timesheet> record_line(const Timesheet& ts, const TimesheetLine& line, const Actor& actor,
                              Instant at) {
  const bool self = actor.employee == ts.employee;
  if (line.code == TimeCode::kAwol && !supervises(actor, ts.employee)) {
    return denied(actor, "4.010-POL-9: AWOL is recorded by the employee's sergeant/supervisor");
  }
  if (!self && !supervises(actor, ts.employee)) {
    return denied(actor, "4.010-POL-4: the employee or their sergeant/supervisor records time");
  }
  if (!editable(ts.state)) return state_error("recording time", ts, "open or returned");
  RC_RETURN_IF_ERROR(check_line(ts.period, line));
  std::int64_t day = line.minutes;
  for (const TimesheetLine& l : ts.draft) {
    if (l.date == line.date) day += l.minutes;
  }
  if (day > kMinutesPerDay) {
    return invalid_argument(line.date.to_string() + " would have " + std::to_string(day) +
                            " minutes; a day has 1440");
  }
  Timesheet out = with_event(ts, "record", actor, at, ts.state,
                             std::string(to_string(line.code)) + " " + line.date.to_string());
  out.draft.push_back(line);
  return out;
}

Result<Timesheet> submit(const Timesheet& ts, const Actor& actor, Instant at) {
  if (actor.employee != ts.employee && !supervises(actor, ts.employee)) {
    return denied(actor, "4.010-POL-4: the employee (or their supervisor) submits the timesheet");
  }
  if (!editable(ts.state)) return state_error("submitting", ts, "open or returned");
  if (ts.draft.empty())
    return invalid_argument("lines: a timesheet with no lines cannot be submitted");
  Timesheet out = with_event(ts, "submit", actor, at, TimesheetState::kSubmitted);
  out.versions.push_back({static_cast<int>(ts.versions.size()) + 1, ts.draft, actor.employee, at,
                          "submitted", std::nullopt});
  out.submitted_at = at;
  return out;
}

Result<Timesheet> approve(const Timesheet& ts, const Actor& actor, Instant at) {
  if (!supervises(actor, ts.employee)) {
    return denied(actor, "4.010-POL-3: the employee's sergeant/supervisor approves the timesheet");
  }
  if (ts.state != TimesheetState::kSubmitted) return state_error("approving", ts, "submitted");
  Timesheet out = with_event(ts, "approve", actor, at, TimesheetState::kApproved,
                             at > ts.period.approval_due ? "late" : "");
  out.approved_at = at;
  out.approved_by = actor.employee;
  out.approved_late = at > ts.period.approval_due;
  return out;
}

Result<Timesheet> return_timesheet(const Timesheet& ts, const Actor& actor, Instant at,
                                   std::string comments) {
  if (!supervises(actor, ts.employee)) {
    return denied(actor, "4.010-POL-3: the employee's sergeant/supervisor returns the timesheet");
  }
  if (ts.state != TimesheetState::kSubmitted) return state_error("returning", ts, "submitted");
  if (comments.empty())
    return invalid_argument("comments: returning a timesheet says what to change");
  Timesheet out =
      with_event(ts, "return", actor, at, TimesheetState::kReturned, std::move(comments));
  out.draft = ts.versions.back().lines;
  return out;
}

bool overdue(const Timesheet& ts, Instant as_of) {
  return ts.state != TimesheetState::kApproved && as_of > ts.period.approval_due;
}

std::vector<OverdueEntry> overdue_list(const std::vector<Timesheet>& sheets, Instant as_of) {
  std::vector<OverdueEntry> out;
  for (const Timesheet& t : sheets) {
    if (overdue(t, as_of)) {
      out.push_back({t.id, t.employee, t.period.first, t.period.approval_due, t.state});
    }
  }
  std::sort(out.begin(), out.end(), by_deadline);
  return out;
}

std::vector<OverdueEntry> overdue_list_for(const std::vector<Timesheet>& sheets,
                                           const std::vector<org::EmployeeId>& squad,
                                           Instant as_of) {
  std::vector<OverdueEntry> out = overdue_list(sheets, as_of);
  std::erase_if(out, [&](const OverdueEntry& e) {
    return std::find(squad.begin(), squad.end(), e.employee) == squad.end();
  });
  return out;
}

std::vector<std::int64_t> late_approvals(const std::vector<Timesheet>& sheets) {
  std::vector<std::int64_t> out;
  for (const Timesheet& t : sheets) {
    if (t.state == TimesheetState::kApproved && t.approved_late) out.push_back(t.id);
  }
  return out;
}

Result<Timesheet> add_corrected_version(const Timesheet& ts, std::vector<TimesheetLine> lines,
                                        const Actor& actor, Instant at, std::int64_t correction,
                                        std::string reason) {
  if (!holds(actor, Role::kPayroll) || actor.employee == ts.employee) {
    return denied(actor, "4.010-POL-8: the Payroll supervisor applies timesheet corrections");
  }
  if (ts.state != TimesheetState::kSubmitted && ts.state != TimesheetState::kApproved) {
    return state_error("correcting", ts, "submitted or approved");
  }
  for (const TimesheetLine& l : lines) RC_RETURN_IF_ERROR(check_line(ts.period, l));
  Timesheet out = with_event(ts, "correct", actor, at, ts.state, reason);
  out.versions.push_back({static_cast<int>(ts.versions.size()) + 1, std::move(lines),
                          actor.employee, at, std::move(reason), correction});
  return out;
}

}  // namespace rollcall::timeoff::records
