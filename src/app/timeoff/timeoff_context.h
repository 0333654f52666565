// The 4.010 wiring every time-off use case shares (leave and time records):
// the agency's pay-period calendar, FLSA 7(k) work periods per employee
// group, the timesheet deadline, paid holidays and furlough grant dates, each
// employee's work schedule, the leave rules per bargaining unit, and squad
// staffing minimums. All of it is configuration (config/timeoff/calendar.toml
// and the domain's default_leave_rules_toml(), both compiled in), read once;
// a TimeoffContext is immutable and safe to share between threads.
//
// Anchor rule (how an employee's schedule is placed on the calendar; the org
// records only the schedule kind):
//   1. a per-employee anchor set by Payroll (set_anchor(); the app stores it as
//      the workflow record kind kScheduleAnchorKind, load_schedule_anchors())
//      wins;
//   2. otherwise, for rotations (4-2, 24-hour) and the 9-80, the employee works
//      in platoon p = id mod `platoons` of the kind, anchored at the kind's
//      anchor + p × platoon_offset_days (a 4-2 squad is spread over six
//      platoons so four of six work every day, as TeleStaff rotations are);
//   3. fixed weeks (5-8, 4-10) use the kind's anchor (unused by them).
// The schedule is the employee's current one (org::Employee::schedule);
// the organisation does not date schedule changes.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/org/org_types.h"
#include "domain/timeoff/calendar/holidays.h"
#include "domain/timeoff/calendar/work_schedule.h"
#include "domain/timeoff/leave/availability.h"
#include "domain/timeoff/leave/leave_request.h"
#include "domain/timeoff/leave/leave_rules.h"
#include "domain/timeoff/leave/staffing.h"
#include "domain/timeoff/records/correction.h"
#include "domain/timeoff/records/guild_day.h"
#include "domain/timeoff/records/release_time.h"
#include "domain/timeoff/schedule_kind.h"
#include "time/flsa.h"
#include "time/pay_period.h"
#include "time/timesheet_deadline.h"

namespace rollcall::storage {
class WorkflowReader;
}

namespace rollcall::app::timeoff {

namespace to = rollcall::timeoff;
namespace lv = rollcall::timeoff::leave;

// The workflow-record kind holding one employee's schedule anchor
// (body {"anchor": "YYYY-MM-DD"}).
inline constexpr std::string_view kScheduleAnchorKind = "timeoff-schedule";

// Where each schedule kind's cycle starts and how its platoons are spread.
struct ScheduleAnchorRule {
  Date anchor;
  int platoons = 1;             // >= 1
  int platoon_offset_days = 0;  // days between consecutive platoons' anchors
};

// The time records' limits ([records] in calendar.toml): the policy's own
// figures (POL-8's 45 days, PRO-2.5's three days) and the department's choices
// where it is silent (the supervisor's release-time limit, who is immediate
// family, which ranks take guild days).
struct TimeRecordRules {
  rollcall::timeoff::records::CorrectionWindow correction_window;
  rollcall::timeoff::records::ReleaseTimeRules release;
  rollcall::timeoff::records::GuildRules guild;
};

// config/timeoff/calendar.toml, parsed. Defaults equal the shipped file.
struct CalendarConfig {
  std::string zone{kDefaultAgencyZone};
  PayPeriodConfig pay_periods;
  TimesheetDeadlineRule timesheet_deadline;
  FlsaWorkPeriodConfig flsa_sworn{"sworn", Date::from_ymd(2025, 12, 31), 28};
  FlsaWorkPeriodConfig flsa_civilian{"civilian", Date::from_ymd(2025, 12, 29), 7};
  std::map<to::ScheduleKind, ScheduleAnchorRule> schedules;  // missing kinds: shipped rule
  std::vector<std::pair<unsigned, unsigned>> furlough_grant_month_days{
      {1, 1}, {4, 1}, {7, 1}, {10, 1}};
  int staffing_default_minimum = 2;
  std::map<std::string, int> staffing_minimum;  // by unit code
  // Holiday credits on the actual date for these kinds, the observed date otherwise.
  std::vector<to::ScheduleKind> holiday_actual_date_schedules{to::ScheduleKind::kFourTwo,
                                                              to::ScheduleKind::kTwentyFour};
  std::vector<to::HolidayRule> holidays = to::seattle_paid_holidays();
  TimeRecordRules records;
};

// The shipped config/timeoff/calendar.toml text (compiled in).
const char* default_calendar_toml();
// The shipped config/timeoff/leave.toml text (compiled in): the department's
// bargaining units, in parse_leave_rules() format.
const char* default_leave_units_toml();

// The domain's default_leave_rules_toml() with the [units.*] of `units_toml`
// added (a unit with the same code is replaced). INVALID_ARGUMENT as
// parse_leave_rules, for either text.
Result<lv::LeaveRules> merged_leave_rules(std::string_view units_toml,
                                          std::string_view source = "leave.toml");

// INVALID_ARGUMENT listing every problem as "SOURCE:LINE:COLUMN: KEY: why"
// (TOML syntax, unknown keys, a bad date, weekday, time, schedule kind or
// month-day, lengths out of range).
Result<CalendarConfig> parse_calendar_config(std::string_view text,
                                             std::string_view source = "calendar.toml");

// org::ScheduleType -> the calendar's ScheduleKind.
to::ScheduleKind schedule_kind(org::ScheduleType t);

class TimeoffContext {
 public:
  // Checks the configuration: INVALID_ARGUMENT for pay periods or FLSA periods
  // out of range, holiday rules that do not validate, platoons < 1; NOT_FOUND
  // for an unknown zone.
  static Result<TimeoffContext> create(CalendarConfig calendar, lv::LeaveRules rules);
  // The shipped configuration (calendar.toml, default_leave_rules_toml() and
  // the units of config/timeoff/leave.toml)
  // with the agency zone `zone` (it overrides the file's; the API passes
  // ApiOptions::zone). Built once per zone and cached; INTERNAL if the shipped
  // text does not parse (a unit test proves it does), NOT_FOUND for an
  // unknown zone.
  static Result<std::shared_ptr<const TimeoffContext>> shipped(std::string_view zone);

  const CalendarConfig& calendar() const { return calendar_; }
  const std::string& zone() const { return calendar_.zone; }
  const PayPeriodCalendar& pay_periods() const { return pay_periods_; }
  const lv::LeaveRules& rules() const { return rules_; }

  // --- employees -------------------------------------------------------------
  // The FLSA work periods of the employee's group: sworn or civilian (by category).
  const FlsaWorkPeriods& flsa_for(const org::Employee& e) const;
  // The unit's leave rules, or NOT_FOUND naming the bargaining unit.
  Result<const lv::UnitLeaveRules*> unit_rules(const org::Employee& e) const;
  // The employee's anchor by the anchor rule above.
  Date anchor_of(const org::Employee& e) const;
  // Per-employee anchors (Payroll's), replacing any earlier ones.
  void set_anchors(std::map<org::EmployeeId, Date> anchors) { anchors_ = std::move(anchors); }
  // The employee's work schedule (the calendar module's). Errors of
  // WorkSchedule::create (none for the shipped configuration).
  Result<to::WorkSchedule> schedule_of(const org::Employee& e) const;
  // Their scheduled days in [first, last] as the leave rules want them
  // (leave::WorkSchedule: one Day per scheduled date with its DST-aware minutes).
  Result<lv::WorkSchedule> leave_schedule(const org::Employee& e, Date first, Date last) const;

  // --- calendars -----------------------------------------------------------------
  // 4.010-POL-3: when the timesheets of `period` are due (UTC instant).
  Result<Instant> timesheet_deadline(const PayPeriod& period) const;
  // The paid holidays of `year` (INVALID_ARGUMENT only for a bad rule set,
  // which create() refuses).
  Result<std::vector<to::Holiday>> holidays(int year) const;
  // The date a holiday is credited to an employee on `kind`: actual or observed.
  Date credit_date(const to::Holiday& h, to::ScheduleKind kind) const;
  // The furlough grant dates of `year`, ascending.
  std::vector<Date> furlough_grant_dates(int year) const;
  // 4.010-POL-5: credits scheduled after `today` through December 31 of
  // `through_year` (holidays credited on credit_date for `kind`).
  lv::UpcomingCredits upcoming_credits(to::ScheduleKind kind, Date today, int through_year) const;
  // 4.010-POL-7: the furlough deadline of `year` (the last day of the last full
  // pay period in December); errors of PayPeriodCalendar::last_full_in_december.
  Result<Date> furlough_deadline(int year) const;

  // --- staffing --------------------------------------------------------------------
  // The minimum on duty for the unit with `unit_code` (4.010-PRO-1.2).
  lv::StaffingRules staffing_rules(std::string_view unit_code) const;

 private:
  TimeoffContext(CalendarConfig calendar, lv::LeaveRules rules, PayPeriodCalendar pay,
                 FlsaWorkPeriods sworn, FlsaWorkPeriods civilian)
      : calendar_(std::move(calendar)),
        rules_(std::move(rules)),
        pay_periods_(pay),
        flsa_sworn_(std::move(sworn)),
        flsa_civilian_(std::move(civilian)) {}
  ScheduleAnchorRule anchor_rule(to::ScheduleKind kind) const;

  CalendarConfig calendar_;
  lv::LeaveRules rules_;
  PayPeriodCalendar pay_periods_;
  FlsaWorkPeriods flsa_sworn_;
  FlsaWorkPeriods flsa_civilian_;
  std::map<org::EmployeeId, Date> anchors_;
};

// The per-employee anchors stored as kScheduleAnchorKind records. DATA_LOSS
// for an unreadable body; storage errors as returned.
Result<std::map<org::EmployeeId, Date>> load_schedule_anchors(storage::WorkflowReader& db);

}  // namespace rollcall::app::timeoff
