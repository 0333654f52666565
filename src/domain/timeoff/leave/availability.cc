#include "domain/timeoff/leave/availability.h"

#include <algorithm>
#include <string>

namespace rollcall::timeoff::leave {
namespace {

std::int64_t count_between(const std::vector<Date>& dates, Date after, Date through) {
  return std::count_if(dates.begin(), dates.end(),
                       [&](Date d) { return d > after && d <= through; });
}

}  // namespace

Minutes pending_minutes(std::span<const LeaveRequest> requests, LeaveType bank,
                        std::int64_t excluding) {
  Minutes sum = 0;
  for (const LeaveRequest& r : requests) {
    if (r.id != excluding && is_pending(r.state) && r.charge == bank) sum += r.total_minutes();
  }
  return sum;
}

Minutes available(std::span<const LedgerEntry> ledger, std::span<const LeaveRequest> requests,
                  LeaveType bank, Date today, std::int64_t excluding) {
  return balance(ledger, bank, today) + committed_after(ledger, bank, today) -
         pending_minutes(requests, bank, excluding);
}

Minutes unearned_allowance(const UnitLeaveRules& unit, ScheduleKind schedule, LeaveType bank,
                           const UpcomingCredits& upcoming, Date today, Date last) {
  const Date year_end = Date::from_ymd(last.year(), 12, 31);
  if (bank == LeaveType::kHoliday && unit.unearned_holiday) {
    return count_between(upcoming.holidays, today, year_end) * unit.holiday_credit_minutes;
  }
  if (bank == LeaveType::kFurlough &&
      std::find(unit.unearned_furlough_schedules.begin(), unit.unearned_furlough_schedules.end(),
                schedule) != unit.unearned_furlough_schedules.end()) {
    return std::min(
        unit.unearned_furlough_limit,
        count_between(upcoming.furlough_grants, today, year_end) * unit.furlough_grant_minutes);
  }
  return 0;
}

Status check_balance(const LeaveRequest& request, const UnitLeaveRules& unit, ScheduleKind schedule,
                     std::span<const LedgerEntry> ledger, std::span<const LeaveRequest> requests,
                     const UpcomingCredits& upcoming, Date today, std::string_view clause) {
  if (!request.charge) return Status::ok();
  const LeaveType bank = *request.charge;
  const Minutes want = request.total_minutes();
  const Minutes have = available(ledger, requests, bank, today, request.id);
  const Minutes unearned = unearned_allowance(unit, schedule, bank, upcoming, today, request.last);
  if (want <= have + unearned) return Status::ok();
  std::string m = std::string(clause) + ": " + std::to_string(want) + " minutes of " +
                  std::string(to_string(bank)) + " requested, " + std::to_string(have) +
                  " available";
  if (unearned > 0) {
    m += " plus " + std::to_string(unearned) + " unearned to be earned by " +
         std::to_string(request.last.year()) + "-12-31";
  }
  return failed_precondition(m);
}

}  // namespace rollcall::timeoff::leave
