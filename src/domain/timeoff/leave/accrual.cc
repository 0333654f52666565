#include "domain/timeoff/leave/accrual.h"

#include <algorithm>
#include <map>

namespace rollcall::timeoff::leave {
namespace {

bool has_entry(std::span<const LedgerEntry> entries, EntryKind kind, LeaveType bank,
               const std::string& source) {
  return std::any_of(entries.begin(), entries.end(), [&](const LedgerEntry& e) {
    return e.kind == kind && e.bank == bank && e.source == source;
  });
}

LedgerEntry entry(org::EmployeeId employee, LeaveType bank, Date date, Minutes minutes,
                  EntryKind kind, std::string source, std::string reason) {
  LedgerEntry e;
  e.employee = employee;
  e.bank = bank;
  e.taken_as = bank;
  e.date = date;
  e.minutes = minutes;
  e.kind = kind;
  e.source = std::move(source);
  e.reason = std::move(reason);
  return e;
}

}  // namespace

Result<AccrualRun> generate_accruals(const UnitLeaveRules& unit, org::EmployeeId employee,
                                     Date hire_date, std::span<const Date> period_ends,
                                     std::span<const LedgerEntry> existing) {
  for (std::size_t i = 1; i < period_ends.size(); ++i) {
    if (!(period_ends[i - 1] < period_ends[i])) {
      return invalid_argument("period_ends[" + std::to_string(i) +
                              "]: " + period_ends[i].to_string() + " is not after " +
                              period_ends[i - 1].to_string() + " (must be strictly ascending)");
    }
  }
  AccrualRun run;
  for (const LeaveTypeRule& rule : unit.types) {
    if (!rule.accrual) continue;
    const AccrualRule& a = *rule.accrual;
    for (const Date end : period_ends) {
      if (end < hire_date) continue;
      const std::string source = "pay-period " + end.to_string();
      if (has_entry(existing, EntryKind::kAccrual, rule.type, source)) continue;
      AccrualPosting p;
      p.period_end = end;
      p.bank = rule.type;
      p.years_of_service = years_of_service(hire_date, end);
      p.earned = a.rate_for(p.years_of_service);
      p.posted = p.earned;
      if (a.cap) {
        const Minutes before =
            balance(existing, rule.type, end) + balance(run.entries, rule.type, end);
        const Minutes room = std::max<Minutes>(0, *a.cap - before);
        p.posted = std::min(p.earned, room);
        p.reduced_by_cap = p.earned - p.posted;
      }
      if (p.posted > 0) {
        std::string reason = std::string(to_string(rule.type)) + " accrual, " +
                             std::to_string(p.years_of_service) + " years of service";
        if (p.reduced_by_cap > 0) {
          reason += "; " + std::to_string(p.earned) + " earned, reduced by " +
                    std::to_string(p.reduced_by_cap) + " at the cap of " + std::to_string(*a.cap) +
                    " minutes";
        }
        run.entries.push_back(
            entry(employee, rule.type, end, p.posted, EntryKind::kAccrual, source, reason));
      }
      run.postings.push_back(p);
    }
  }
  return run;
}

std::vector<LedgerEntry> holiday_credits(const UnitLeaveRules& unit, org::EmployeeId employee,
                                         std::span<const Date> holidays,
                                         std::span<const LedgerEntry> existing) {
  std::vector<LedgerEntry> out;
  if (unit.holiday_credit_minutes <= 0) return out;
  for (const Date d : holidays) {
    const std::string source = "holiday " + d.to_string();
    if (has_entry(existing, EntryKind::kHolidayCredit, LeaveType::kHoliday, source) ||
        has_entry(out, EntryKind::kHolidayCredit, LeaveType::kHoliday, source)) {
      continue;
    }
    out.push_back(entry(employee, LeaveType::kHoliday, d, unit.holiday_credit_minutes,
                        EntryKind::kHolidayCredit, source, "holiday credit"));
  }
  return out;
}

Result<std::vector<LedgerEntry>> furlough_grants(const UnitLeaveRules& unit,
                                                 org::EmployeeId employee,
                                                 std::span<const Date> grant_dates,
                                                 std::span<const LedgerEntry> existing) {
  std::map<int, int> per_year;
  for (const Date d : grant_dates) {
    if (++per_year[d.year()] > unit.furlough_grants_per_year) {
      return invalid_argument(
          "grant_dates: more than " + std::to_string(unit.furlough_grants_per_year) +
          " furlough grants in " + std::to_string(d.year()) + " for unit " + unit.unit);
    }
  }
  std::vector<LedgerEntry> out;
  for (const Date d : grant_dates) {
    const std::string source = "furlough-grant " + d.to_string();
    if (has_entry(existing, EntryKind::kFurloughGrant, LeaveType::kFurlough, source) ||
        has_entry(out, EntryKind::kFurloughGrant, LeaveType::kFurlough, source)) {
      continue;
    }
    out.push_back(entry(employee, LeaveType::kFurlough, d, unit.furlough_grant_minutes,
                        EntryKind::kFurloughGrant, source, "furlough grant"));
  }
  return out;
}

std::optional<Minutes> comp_time_room(const UnitLeaveRules& unit,
                                      std::span<const LedgerEntry> entries, Date on) {
  if (!unit.comp_time_cap) return std::nullopt;
  return std::max<Minutes>(0, *unit.comp_time_cap - balance(entries, LeaveType::kCompTime, on));
}

}  // namespace rollcall::timeoff::leave
