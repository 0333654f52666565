#include "domain/timeoff/leave/consecutive_days.h"

#include <algorithm>

namespace rollcall::timeoff::leave {
namespace {

// True if [a_first, a_last] and [b_first, b_last] overlap, touch, or only
// unscheduled days lie between them.
bool joins(Date a_first, Date a_last, Date b_first, Date b_last, const WorkSchedule& schedule) {
  if (b_first > a_last) std::swap(a_first, b_first), std::swap(a_last, b_last);
  // Now b starts first (or they overlap).
  if (a_first <= b_last.plus_days(1)) return true;
  for (Date d = b_last.plus_days(1); d < a_first; d = d.plus_days(1)) {
    if (schedule.scheduled(d)) return false;
  }
  return true;
}

}  // namespace

ConsecutiveBlock consecutive_block(Date first, Date last, std::int64_t self_id,
                                   std::span<const LeaveRequest> others,
                                   const WorkSchedule& schedule) {
  ConsecutiveBlock b{first, last, 0, {}};
  std::vector<bool> used(others.size(), false);
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < others.size(); ++i) {
      const LeaveRequest& o = others[i];
      if (used[i] || o.id == self_id || !is_live(o.state)) continue;
      if (!joins(b.first, b.last, o.first, o.last, schedule)) continue;
      used[i] = true;
      grew = true;
      b.first = std::min(b.first, o.first);
      b.last = std::max(b.last, o.last);
      b.joined_with.push_back(o.id);
    }
  }
  std::sort(b.joined_with.begin(), b.joined_with.end());
  b.days = static_cast<int>(days_between(b.first, b.last)) + 1;
  return b;
}

}  // namespace rollcall::timeoff::leave
