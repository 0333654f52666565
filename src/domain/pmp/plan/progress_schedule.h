// The twice-monthly Performance Mentoring Progress Report (PMPR) schedule of
// 3.070-PRO-2.1 (the Coordinator sends a form "twice monthly until the
// Mentoring Plan … has been fully implemented and closed") and PRO-2.7 (the
// sergeant submits a PMPR "on a twice monthly basis").
//
// Each slot is one form: issued on the previous slot's due date (the first on
// the plan's start, the day the Coordinator sends the first form), due on its
// own date. The schedule is data (ReportSchedule) kept with each plan, so a
// later change of configuration does not re-date an open plan's reports.
//
// Default: the department's half-month cut-offs, due on the 15th and on the
// last day of each month (as payroll and TeleStaff-style semi-monthly periods
// are cut), skipping a cut-off fewer than `min_first_report_days` after the
// start, so that the first report covers at least a week. The alternative is a
// fixed interval counted from the start (every 15 days by default).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "time/civil_date.h"

namespace rollcall::pmp::plan {

// "half-months" | "interval"
enum class ScheduleStyle { kHalfMonths, kInterval };
std::string_view to_string(ScheduleStyle s);
std::optional<ScheduleStyle> parse_schedule_style(std::string_view s);

struct ReportSchedule {
  ScheduleStyle style = ScheduleStyle::kHalfMonths;
  int mid_month_day = 15;         // kHalfMonths: the first cut-off (clamped to the month)
  int interval_days = 15;         // kInterval: days between due dates
  int min_first_report_days = 7;  // a first cut-off sooner than this after the start is skipped
  friend bool operator==(const ReportSchedule&, const ReportSchedule&) = default;
};

struct ReportSlot {
  Date issued;  // the form is sent (PRO-2.1)
  Date due;     // the sergeant's report is due (PRO-2.7)
  friend bool operator==(const ReportSlot&, const ReportSlot&) = default;
};

// The slots of a plan started on `start` whose due dates fall in
// (start, last], in date order. Empty when last <= start or the schedule is
// unusable (interval_days < 1, mid_month_day < 1).
std::vector<ReportSlot> report_slots(Date start, Date last, const ReportSchedule& schedule);

}  // namespace rollcall::pmp::plan
