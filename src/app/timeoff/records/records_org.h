// What the 4.010 time records need from the organisation and the calendars,
// computed on the day: the pay period of a date with its approval deadline,
// the chain "through the chain of command" to the bureau chief, who holds a
// department-wide role (HR director, Payroll, FML coordinator), and an
// employee's extended absence around a day.
#pragma once

#include <optional>
#include <vector>

#include "app/timeoff/timeoff_context.h"
#include "common/status.h"
#include "domain/access/access.h"
#include "domain/org/org_snapshot.h"
#include "domain/timeoff/records/circle_furlough.h"
#include "domain/timeoff/records/correction.h"
#include "domain/timeoff/records/routing.h"
#include "domain/timeoff/records/timesheet.h"

namespace rollcall::app::records {

namespace tr = rollcall::timeoff::records;
namespace to = rollcall::timeoff;
namespace lv = rollcall::timeoff::leave;
using rollcall::app::timeoff::TimeoffContext;

// The pay period containing `day` with its POL-3 deadline. Errors of
// TimeoffContext::timesheet_deadline (an unknown zone).
Result<tr::PayPeriodRef> pay_period_ref(const TimeoffContext& cal, Date day);

// The FLSA work period of `e` containing `day`, with its hours limit.
tr::FlsaPeriodRef flsa_period_ref(const TimeoffContext& cal, const org::Employee& e, Date day);

// The hops from the link above `sender` in `subject`'s chain of command up to
// and including the bureau chief, skipping vacant positions and the sender.
// FAILED_PRECONDITION if the subject has no chain on `on` or no bureau chief
// holds the chain's bureau; empty when the sender is the bureau chief.
Result<std::vector<tr::Hop>> chain_to_bureau_chief(const org::OrgSnapshot& org,
                                                   org::EmployeeId subject, org::EmployeeId sender,
                                                   Date on);

// The first employee (by id) who holds `role` on `on`, other than `except`;
// FAILED_PRECONDITION naming the role when nobody does.
Result<org::EmployeeId> holder_of(const org::OrgSnapshot& org, access::Role role, Date on,
                                  org::EmployeeId except = 0);

// The employee's extended absence (org status "extended-absence") that covers
// `day` or begins within `window_days` after it; nullopt if none. The first
// day back is the end of the status period (exclusive end).
std::optional<tr::ExtendedAbsence> extended_absence_around(const org::OrgSnapshot& org,
                                                           org::EmployeeId e, Date day,
                                                           int window_days);

}  // namespace rollcall::app::records
