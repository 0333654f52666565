#include "domain/timeoff/records/awol.h"

#include <utility>

namespace rollcall::timeoff::records {

Result<AwolRecorded> record_awol(std::int64_t id, const Timesheet& ts, const AwolInput& input,
                                 const Actor& actor, Instant at) {
  if (!supervises(actor, ts.employee)) {
    return denied(actor, "4.010-POL-9: the AWOL employee's sergeant/supervisor records it");
  }
  const TimesheetLine line{input.date, TimeCode::kAwol, "", input.minutes};
  if (ts.state != TimesheetState::kOpen && ts.state != TimesheetState::kReturned) {
    return failed_precondition("AWOL goes on an open timesheet; timesheet " +
                               std::to_string(ts.id) + " is " + std::string(to_string(ts.state)) +
                               " (correct it through 4.010-POL-8)");
  }
  RC_RETURN_IF_ERROR(check_line(ts.period, line));
  if (input.minutes > input.scheduled_minutes) {
    return invalid_argument("hours: AWOL covers scheduled time, " + input.date.to_string() +
                            " had " + std::to_string(input.scheduled_minutes) +
                            " scheduled minutes, not " + std::to_string(input.minutes));
  }
  if (input.circumstances.empty()) {
    return invalid_argument(
        "circumstances: the AWOL memo outlines the circumstances of the absence");
  }
  if (input.hr_director == 0) {
    return invalid_argument("the AWOL memo goes to the Human Resources director");
  }
  auto copy = send_through(input.chain_to_bureau_chief, at);
  if (!copy) {
    return invalid_argument("a copy goes to the bureau chief through the chain of command: " +
                            copy.status().message());
  }
  RC_ASSIGN_OR_RETURN(Timesheet sheet, record_line(ts, line, actor, at));
  AwolRecord r;
  r.id = id;
  r.employee = ts.employee;
  r.timesheet = ts.id;
  r.date = input.date;
  r.minutes = input.minutes;
  r.memo = {actor.employee, input.circumstances, input.hr_director, at, std::move(copy).value()};
  return AwolRecorded{std::move(r), std::move(sheet)};
}

Result<AwolRecord> forward_awol_copy(const AwolRecord& r, const Actor& actor, Instant at) {
  RC_ASSIGN_OR_RETURN(Routing copy, forward(r.memo.copy, actor.employee, at));
  AwolRecord out = r;
  out.memo.copy = std::move(copy);
  return out;
}

}  // namespace rollcall::timeoff::records
