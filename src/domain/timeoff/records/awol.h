// Absent without leave (4.010-POL-9): the employee is not paid for the time of
// the absence. The sergeant/supervisor records it, which puts an unpaid AWOL
// line on the timesheet (no leave is drawn), and sends a memo outlining the
// circumstances to the Human Resources director, with a copy to the bureau
// chief through the chain of command. The memo is kept with its routing: who
// received it and when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/timeoff/records/actor.h"
#include "domain/timeoff/records/routing.h"
#include "domain/timeoff/records/timesheet.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::records {

struct AwolMemo {
  org::EmployeeId author = 0;  // the sergeant/supervisor
  std::string circumstances;
  org::EmployeeId hr_director = 0;
  Instant sent;  // the HR director receives it when sent (email)
  Routing copy;  // the copy, through the chain to the bureau chief
};

struct AwolRecord {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  std::int64_t timesheet = 0;
  Date date;
  std::int64_t minutes = 0;  // unpaid
  AwolMemo memo;
};

struct AwolInput {
  Date date;
  std::int64_t minutes = 0;
  // The minutes the employee was scheduled to work that day (the calendar
  // module's schedule): one cannot be absent from a shift one did not have.
  std::int64_t scheduled_minutes = 0;
  std::string circumstances;
  org::EmployeeId hr_director = 0;
  std::vector<Hop> chain_to_bureau_chief;  // the supervisor's next link up to the bureau chief
};

struct AwolRecorded {
  AwolRecord record;
  Timesheet timesheet;  // with the AWOL line in its draft
};

// Records the absence at `at`. PERMISSION_DENIED unless the actor supervises
// the employee; FAILED_PRECONDITION unless the timesheet is open or returned
// (a submitted one is corrected through POL-8); INVALID_ARGUMENT if the line is
// invalid (check_line), exceeds the day's scheduled minutes (or nothing was
// scheduled), the circumstances are empty, no HR director is named or the
// chain is empty.
Result<AwolRecorded> record_awol(std::int64_t id, const Timesheet& ts, const AwolInput& input,
                                 const Actor& actor, Instant at);

// The copy moves one link up the chain. PERMISSION_DENIED unless the actor
// holds the copy now; FAILED_PRECONDITION once the bureau chief has it.
Result<AwolRecord> forward_awol_copy(const AwolRecord& r, const Actor& actor, Instant at);

}  // namespace rollcall::timeoff::records
