// 4.010-POL-2 / PRO-1: "over four consecutive calendar days" off.
//
// Decision (documented in docs and the report): an absence is the block of
// calendar days from the first to the last day of leave, joining the
// employee's live requests that overlap, touch, or are separated only by days
// the employee is not scheduled to work. Days off inside the block count as
// calendar days; scheduled days off before the first or after the last leave
// day do not. Examples: Mon–Wed + Thu–Fri = 5 days; Thu–Fri + Mon–Tue around a
// weekend off = 6 days; Mon–Tue + Thu–Fri with Wednesday worked = two blocks
// of 2. A request for Mon–Thu alone is 4 days, even for a 4-2 worker whose
// next two days are off anyway (Kronos TeleStaff and Odoo likewise count the
// requested span, not the surrounding rest days).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "domain/timeoff/leave/leave_request.h"

namespace rollcall::timeoff::leave {

struct ConsecutiveBlock {
  Date first;
  Date last;
  int days = 0;                           // calendar days, first..last inclusive
  std::vector<std::int64_t> joined_with;  // ids of the other requests in it, ascending
};

// The block containing [first, last], joined with the live requests in
// `others` (the request `self_id` is skipped) as described above. `schedule`
// must cover the days between the requests.
ConsecutiveBlock consecutive_block(Date first, Date last, std::int64_t self_id,
                                   std::span<const LeaveRequest> others,
                                   const WorkSchedule& schedule);

}  // namespace rollcall::timeoff::leave
