#include "domain/pmp/plan/progress_schedule.h"

#include <algorithm>
#include <chrono>

namespace rollcall::pmp::plan {
namespace {

Date last_day_of(int y, unsigned m) {
  return Date(
      std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::last));
}

std::vector<Date> due_dates(Date start, Date last, const ReportSchedule& s) {
  std::vector<Date> out;
  const Date earliest = start.plus_days(std::max(1, s.min_first_report_days));
  if (s.style == ScheduleStyle::kInterval) {
    if (s.interval_days < 1) return out;
    for (Date d = start.plus_days(s.interval_days); d <= last; d = d.plus_days(s.interval_days)) {
      if (out.empty() && d < earliest) continue;
      out.push_back(d);
    }
    return out;
  }
  if (s.mid_month_day < 1) return out;
  int y = start.year();
  unsigned m = start.month();
  for (;;) {
    const Date end = last_day_of(y, m);
    const Date mid = Date::from_ymd(y, m, std::min<unsigned>(s.mid_month_day, end.day()));
    for (Date d : {mid, end}) {
      if (d > last) return out;
      if (d >= earliest && (out.empty() || d > out.back())) out.push_back(d);
    }
    if (++m > 12) {
      m = 1;
      ++y;
    }
  }
}

}  // namespace

std::string_view to_string(ScheduleStyle s) {
  return s == ScheduleStyle::kHalfMonths ? "half-months" : "interval";
}

std::optional<ScheduleStyle> parse_schedule_style(std::string_view s) {
  if (s == "half-months") return ScheduleStyle::kHalfMonths;
  if (s == "interval") return ScheduleStyle::kInterval;
  return std::nullopt;
}

std::vector<ReportSlot> report_slots(Date start, Date last, const ReportSchedule& schedule) {
  std::vector<ReportSlot> out;
  if (last <= start) return out;
  Date issued = start;
  for (Date due : due_dates(start, last, schedule)) {
    out.push_back({issued, due});
    issued = due;
  }
  return out;
}

}  // namespace rollcall::pmp::plan
