// Guild days (4.010-POL-14): police officers and sergeants who are members of
// the Seattle Police Officers' Guild (SPOG) may take guild days for union
// business on the Guild Day Authorization and Voucher (form 2.23.1); the Guild
// president approves or disapproves. Who the president is, which ranks and
// which bargaining unit qualify, are data (GuildRules). A guild day is paid
// and draws no leave ("guild" timesheet lines); the voucher is the Guild's
// reimbursement to the City, recorded by Payroll outside this module.
//
//   request → approved | disapproved
//
// Errors, in this order: PERMISSION_DENIED, FAILED_PRECONDITION,
// INVALID_ARGUMENT, as said per function. Inputs are never modified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/org/org_types.h"
#include "domain/timeoff/records/actor.h"
#include "domain/timeoff/records/record_event.h"
#include "domain/timeoff/records/special_duty.h"
#include "domain/timeoff/records/time_code.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::records {

struct GuildRules {
  std::string bargaining_unit = "SPOG";
  // Ranks as org::Employee::rank spells them, compared case-insensitively.
  std::vector<std::string> eligible_ranks{"police officer", "officer", "sergeant"};
  // The Guild president by name (employee id), or nullopt: whoever holds the
  // guild-president special role on the day.
  std::optional<org::EmployeeId> president;
};

// Whether `e` may take guild days: sworn, an eligible rank, in the Guild's
// bargaining unit.
bool guild_eligible(const org::Employee& e, const GuildRules& rules = {});

struct GuildDayRequest {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  std::vector<Date> days;
  std::int64_t minutes_per_day = 0;
  std::string business;  // the union business
  AuthorizationState state = AuthorizationState::kRequested;
  Instant requested_at;
  org::EmployeeId decided_by = 0;
  std::optional<Instant> decided_at;
  std::string comments;
  std::vector<RecordEvent<AuthorizationState>> history;
};

struct GuildDayInput {
  std::vector<Date> days;
  std::int64_t minutes_per_day = 0;
  std::string business;
};

// The member completes form 2.23.1. PERMISSION_DENIED unless the actor is the
// employee. INVALID_ARGUMENT if the employee is not guild_eligible (a civilian,
// another rank or another bargaining unit), there are no days or one repeats,
// minutes are not 1..1440, or the business is not described.
Result<GuildDayRequest> request_guild_day(std::int64_t id, const org::Employee& employee,
                                          const GuildDayInput& input, const Actor& actor,
                                          Instant at, const GuildRules& rules = {});

// The Guild president approves or disapproves. PERMISSION_DENIED unless the
// actor is the president named in `rules` (or, with none named, holds the
// guild-president role), and never for their own request; FAILED_PRECONDITION
// unless requested; INVALID_ARGUMENT if disapproving without comments.
Result<GuildDayRequest> decide_guild_day(const GuildDayRequest& r, bool approve, const Actor& actor,
                                         Instant at, std::string comments,
                                         const GuildRules& rules = {});

// The timesheet lines of an approved request ("guild", one per day); empty
// unless approved.
std::vector<TimesheetLine> guild_day_lines(const GuildDayRequest& r);

}  // namespace rollcall::timeoff::records
