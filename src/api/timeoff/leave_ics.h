// The iCalendar feed of an employee's approved leave (RFC 5545), for
// subscription from a calendar program: GET /api/v1/employees/{serial}/leave.ics.
//
// One VEVENT per approved or recorded request covering whole shifts: an
// all-day event from the first to the last day (DTEND the day after, as
// RFC 5545 3.6.1 wants). A request with a partial day is given one timed
// VEVENT per day, from the shift's start for the minutes taken (decision: the
// request records minutes, not times of day; the shift start is what
// TeleStaff shows). UIDs are stable ("leave-request-ID@rollcall", with
// "-YYYYMMDD" per day for timed ones) so a cancelled request — once approved —
// is sent as STATUS:CANCELLED under the same UID and clients remove it.
// Lines end in CRLF and are folded at 75 octets; text is escaped (3.3.11).
#pragma once

#include <string>
#include <vector>

#include "app/timeoff/leave_service.h"
#include "common/clock.h"
#include "domain/org/org_types.h"
#include "domain/timeoff/calendar/work_schedule.h"

namespace rollcall::api::leave_api {

std::string leave_ics(const org::Employee& employee,
                      const std::vector<app::timeoff::StoredRequest>& requests,
                      const rollcall::timeoff::WorkSchedule& schedule, Instant now);

}  // namespace rollcall::api::leave_api
