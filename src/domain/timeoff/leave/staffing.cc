#include "domain/timeoff/leave/staffing.h"

#include <algorithm>
#include <map>

namespace rollcall::timeoff::leave {

std::vector<StaffingDay> staffing(std::span<const ScheduledShift> shifts,
                                  std::span<const LeaveRequest> requests,
                                  const StaffingRules& rules) {
  // date -> employee -> scheduled minutes
  std::map<Date, std::map<org::EmployeeId, Minutes>> by_date;
  for (const ScheduledShift& s : shifts) {
    if (s.minutes > 0) by_date[s.date][s.employee] += s.minutes;
  }
  // (date, employee) -> minutes approved, minutes pending
  std::map<std::pair<Date, org::EmployeeId>, std::pair<Minutes, Minutes>> leave;
  for (const LeaveRequest& r : requests) {
    if (!is_live(r.state)) continue;
    const bool approved = r.state == RequestState::kApproved || r.state == RequestState::kRecorded;
    for (const LeaveDay& d : r.days) {
      auto& [a, p] = leave[{d.date, r.employee}];
      (approved ? a : p) += d.minutes;
    }
  }
  std::vector<StaffingDay> out;
  for (const auto& [date, people] : by_date) {
    StaffingDay day;
    day.date = date;
    day.minimum = rules.minimum_on_duty;
    int pending_whole = 0;
    for (const auto& [employee, minutes] : people) {
      day.scheduled.push_back(employee);
      auto it = leave.find({date, employee});
      if (it == leave.end()) continue;
      const auto [approved, pending] = it->second;
      if (approved >= minutes) {
        day.off.push_back(employee);
        continue;
      }
      if (approved > 0) day.partial.push_back(employee);
      if (pending > 0) {
        day.pending.push_back(employee);
        if (approved + pending >= minutes) ++pending_whole;
      }
    }
    day.on_duty = static_cast<int>(day.scheduled.size() - day.off.size());
    day.if_pending_approved = day.on_duty - pending_whole;
    day.short_staffed = day.on_duty < day.minimum;
    out.push_back(std::move(day));
  }
  return out;
}

}  // namespace rollcall::timeoff::leave
