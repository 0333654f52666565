#include "domain/timeoff/records/correction.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rollcall::timeoff::records {
namespace {

using access::Role;

constexpr std::array<std::pair<CorrectionState, std::string_view>, 5> kStateNames{{
    {CorrectionState::kWithBureauChief, "with-bureau-chief"},
    {CorrectionState::kWithPayroll, "with-payroll"},
    {CorrectionState::kApproved, "approved"},
    {CorrectionState::kApplied, "applied"},
    {CorrectionState::kRefused, "refused"},
}};

Status state_error(const std::string& step, const Correction& c, CorrectionState expected) {
  return failed_precondition(step + " needs the correction " + std::string(to_string(expected)) +
                             "; it is " + std::string(to_string(c.state)));
}

Correction with_event(const Correction& c, std::string what, const Actor& actor, Instant at,
                      CorrectionState to, std::string comments = {}) {
  Correction out = c;
  out.history.push_back({std::move(what), actor.employee, at, to, std::move(comments)});
  out.state = to;
  return out;
}

}  // namespace

std::string_view to_string(CorrectionState s) {
  for (const auto& [state, name] : kStateNames) {
    if (state == s) return name;
  }
  return "?";
}

std::optional<CorrectionState> parse_correction_state(std::string_view s) {
  for (const auto& [state, name] : kStateNames) {
    if (name == s) return state;
  }
  return std::nullopt;
}

std::optional<Date> correction_deadline(Date day, const std::optional<ExtendedAbsence>& absence,
                                        const CorrectionWindow& window) {
  const Date normal = day.plus_days(window.days);
  if (!absence || absence->started > normal) return normal;
  if (absence->returned && *absence->returned <= day) return normal;  // back before the day
  if (!absence->returned) return std::nullopt;                        // still away
  return std::max(normal, absence->returned->plus_days(window.days));
}

Result<Correction> request_correction(std::int64_t id, const Timesheet& ts,
                                      const CorrectionInput& input, const Actor& actor, Instant at,
                                      Date on, const std::optional<ExtendedAbsence>& absence,
                                      const CorrectionWindow& window) {
  if (!supervises(actor, ts.employee)) {
    return denied(actor,
                  "4.010-POL-8: the employee's sergeant/supervisor requests a timekeeping "
                  "correction");
  }
  if (ts.state != TimesheetState::kSubmitted && ts.state != TimesheetState::kApproved) {
    return failed_precondition("4.010-POL-8 corrects a submitted timesheet; timesheet " +
                               std::to_string(ts.id) + " is " + std::string(to_string(ts.state)));
  }
  if (!ts.period.contains(input.day)) {
    return invalid_argument("day: the day in question " + input.day.to_string() +
                            " is not in the timesheet's pay period");
  }
  for (const TimesheetLine& l : input.lines) {
    RC_RETURN_IF_ERROR(check_line(ts.period, l));
    if (l.date != input.day) {
      return invalid_argument("lines: a corrected line is dated " + l.date.to_string() +
                              ", not the day in question " + input.day.to_string());
    }
  }
  if (input.reason.empty()) return invalid_argument("reason: a correction request says why");
  Correction c;
  c.id = id;
  c.timesheet = ts.id;
  c.employee = ts.employee;
  c.day = input.day;
  c.lines = input.lines;
  c.reason = input.reason;
  c.requested_by = actor.employee;
  c.requested_on = on;
  c.deadline = correction_deadline(input.day, absence, window);
  c.exception = c.deadline && on > *c.deadline;
  if (c.exception) {
    auto routing = send_through(input.chain_to_bureau_chief, at);
    if (!routing) {
      return invalid_argument("beyond " + std::to_string(window.days) +
                              " days the request goes through the chain of command to the "
                              "bureau chief: " +
                              routing.status().message());
    }
    c.routing = std::move(routing).value();
  }
  const CorrectionState to =
      c.exception ? CorrectionState::kWithBureauChief : CorrectionState::kWithPayroll;
  c.state = to;
  c.history.push_back({"request", actor.employee, at, to, input.reason});
  return c;
}

Result<Correction> forward_exception(const Correction& c, const Actor& actor, Instant at) {
  if (c.routing.holder() != actor.employee) {
    return denied(actor, "4.010-POL-8: only the current holder (a link of the chain) forwards it");
  }
  if (c.state != CorrectionState::kWithBureauChief) {
    return state_error("forwarding", c, CorrectionState::kWithBureauChief);
  }
  RC_ASSIGN_OR_RETURN(Routing routing, forward(c.routing, actor.employee, at));
  Correction out = with_event(c, "forward", actor, at, c.state);
  out.routing = std::move(routing);
  return out;
}

Result<Correction> decide_exception(const Correction& c, const Actor& actor, Instant at, bool grant,
                                    std::string comments) {
  const bool addressee =
      !c.routing.hops.empty() && c.routing.hops.back().recipient == actor.employee;
  if (!holds(actor, Role::kBureauChief) || !addressee || actor.employee == c.employee) {
    return denied(actor, "4.010-POL-8: the employee's bureau chief decides an exception");
  }
  if (c.state != CorrectionState::kWithBureauChief) {
    return state_error("deciding the exception", c, CorrectionState::kWithBureauChief);
  }
  if (!c.routing.delivered()) {
    return failed_precondition(
        "the exception has not reached the bureau chief through the chain yet");
  }
  if (!grant && comments.empty())
    return invalid_argument("comments: refusing an exception says why");
  return with_event(c, grant ? "grant" : "refuse", actor, at,
                    grant ? CorrectionState::kWithPayroll : CorrectionState::kRefused,
                    std::move(comments));
}

Result<Correction> payroll_decide(const Correction& c, const Actor& actor, Instant at, bool approve,
                                  std::string comments) {
  if (!holds(actor, Role::kPayroll) || actor.employee == c.employee) {
    return denied(actor, "4.010-POL-8: the Payroll supervisor decides a correction");
  }
  if (c.state != CorrectionState::kWithPayroll) {
    return state_error("Payroll's decision", c, CorrectionState::kWithPayroll);
  }
  if (!approve && comments.empty())
    return invalid_argument("comments: refusing a correction says why");
  return with_event(c, approve ? "approve" : "refuse", actor, at,
                    approve ? CorrectionState::kApproved : CorrectionState::kRefused,
                    std::move(comments));
}

Result<AppliedCorrection> apply_correction(const Correction& c, const Timesheet& ts,
                                           const Actor& actor, Instant at) {
  if (!holds(actor, Role::kPayroll) || actor.employee == c.employee) {
    return denied(actor, "4.010-POL-8: the Payroll supervisor applies a correction");
  }
  if (c.state != CorrectionState::kApproved) {
    return state_error("applying", c, CorrectionState::kApproved);
  }
  if (ts.id != c.timesheet) {
    return invalid_argument("correction " + std::to_string(c.id) + " is for timesheet " +
                            std::to_string(c.timesheet) + ", not " + std::to_string(ts.id));
  }
  std::vector<TimesheetLine> lines;
  for (const TimesheetLine& l : ts.current_lines()) {
    if (l.date != c.day) lines.push_back(l);
  }
  lines.insert(lines.end(), c.lines.begin(), c.lines.end());
  std::stable_sort(lines.begin(), lines.end(),
                   [](const TimesheetLine& a, const TimesheetLine& b) { return a.date < b.date; });
  RC_ASSIGN_OR_RETURN(Timesheet sheet,
                      add_corrected_version(ts, std::move(lines), actor, at, c.id, c.reason));
  Correction out = with_event(c, "apply", actor, at, CorrectionState::kApplied);
  out.applied_version = sheet.versions.back().number;
  return AppliedCorrection{std::move(out), std::move(sheet)};
}

}  // namespace rollcall::timeoff::records
