#include "app/timeoff/timeoff_context.h"

#include <algorithm>
#include <mutex>

#include <nlohmann/json.hpp>

#include "domain/timeoff/leave/default_leave_rules.h"
#include "domain/timeoff/leave/leave_rules_toml.h"
#include "storage/database.h"
#include "time/repeating_period.h"

namespace rollcall::app::timeoff {
namespace {

// The shipped anchor rules (the same as config/timeoff/calendar.toml).
ScheduleAnchorRule shipped_rule(to::ScheduleKind kind) {
  switch (kind) {
    case to::ScheduleKind::kFourTwo:
      return {Date::from_ymd(2026, 1, 1), 6, 1};
    case to::ScheduleKind::kTwentyFour:
      return {Date::from_ymd(2026, 1, 1), 3, 1};
    case to::ScheduleKind::kNineEighty:
      return {Date::from_ymd(2025, 12, 29), 2, 7};
    case to::ScheduleKind::kFiveEight:
    case to::ScheduleKind::kFourTen:
      break;
  }
  return {Date::from_ymd(2025, 12, 29), 1, 0};
}

}  // namespace

to::ScheduleKind schedule_kind(org::ScheduleType t) {
  switch (t) {
    case org::ScheduleType::k4_2:
      return to::ScheduleKind::kFourTwo;
    case org::ScheduleType::k5_8:
      return to::ScheduleKind::kFiveEight;
    case org::ScheduleType::k9_80:
      return to::ScheduleKind::kNineEighty;
    case org::ScheduleType::k4_10:
      return to::ScheduleKind::kFourTen;
    case org::ScheduleType::k24Hour:
      return to::ScheduleKind::kTwentyFour;
  }
  return to::ScheduleKind::kFiveEight;
}

Result<lv::LeaveRules> merged_leave_rules(std::string_view units_toml, std::string_view source) {
  RC_ASSIGN_OR_RETURN(lv::LeaveRules rules,
                      lv::parse_leave_rules(lv::default_leave_rules_toml(), "default leave rules"));
  RC_ASSIGN_OR_RETURN(lv::LeaveRules extra, lv::parse_leave_rules(units_toml, source));
  for (auto& u : extra.units) {
    auto same = std::find_if(rules.units.begin(), rules.units.end(),
                             [&](const lv::UnitLeaveRules& x) { return x.unit == u.unit; });
    if (same != rules.units.end()) {
      *same = std::move(u);
    } else {
      rules.units.push_back(std::move(u));
    }
  }
  return rules;
}

Result<TimeoffContext> TimeoffContext::create(CalendarConfig calendar, lv::LeaveRules rules) {
  RC_RETURN_IF_ERROR(check_zone(calendar.zone));
  RC_ASSIGN_OR_RETURN(PayPeriodCalendar pay, PayPeriodCalendar::create(calendar.pay_periods));
  RC_ASSIGN_OR_RETURN(FlsaWorkPeriods sworn, FlsaWorkPeriods::create(calendar.flsa_sworn));
  RC_ASSIGN_OR_RETURN(FlsaWorkPeriods civilian, FlsaWorkPeriods::create(calendar.flsa_civilian));
  RC_RETURN_IF_ERROR(to::validate(calendar.holidays));
  for (const auto& [kind, rule] : calendar.schedules) {
    if (rule.platoons < 1 || rule.platoon_offset_days < 0) {
      return invalid_argument("schedules." + std::string(to::to_string(kind)) +
                              ": platoons must be at least 1 and the offset not negative");
    }
  }
  return TimeoffContext(std::move(calendar), std::move(rules), pay, std::move(sworn),
                        std::move(civilian));
}

Result<std::shared_ptr<const TimeoffContext>> TimeoffContext::shipped(std::string_view zone) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const TimeoffContext>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(zone); it != cache.end()) return it->second;
  auto calendar = parse_calendar_config(default_calendar_toml(), "calendar.toml (shipped)");
  if (!calendar) return internal_error(calendar.status().message());
  auto rules = merged_leave_rules(default_leave_units_toml(), "leave.toml (shipped)");
  if (!rules) return internal_error(rules.status().message());
  calendar->zone = std::string(zone);
  RC_ASSIGN_OR_RETURN(TimeoffContext ctx, create(std::move(*calendar), std::move(*rules)));
  auto shared = std::make_shared<const TimeoffContext>(std::move(ctx));
  cache.emplace(std::string(zone), shared);
  return shared;
}

const FlsaWorkPeriods& TimeoffContext::flsa_for(const org::Employee& e) const {
  return e.category == org::Category::kSworn ? flsa_sworn_ : flsa_civilian_;
}

Result<const lv::UnitLeaveRules*> TimeoffContext::unit_rules(const org::Employee& e) const {
  const lv::UnitLeaveRules* u = rules_.unit(e.bargaining_unit);
  if (u == nullptr) {
    return not_found("employee " + e.serial + "'s bargaining unit \"" + e.bargaining_unit +
                     "\" has no leave rules (4.010-POL-1)");
  }
  return u;
}

ScheduleAnchorRule TimeoffContext::anchor_rule(to::ScheduleKind kind) const {
  auto it = calendar_.schedules.find(kind);
  return it != calendar_.schedules.end() ? it->second : shipped_rule(kind);
}

Date TimeoffContext::anchor_of(const org::Employee& e) const {
  if (auto it = anchors_.find(e.id); it != anchors_.end()) return it->second;
  const ScheduleAnchorRule r = anchor_rule(schedule_kind(e.schedule));
  const std::int64_t platoon = e.id - floor_div(e.id, r.platoons) * r.platoons;  // id mod n
  return r.anchor.plus_days(platoon * r.platoon_offset_days);
}

Result<to::WorkSchedule> TimeoffContext::schedule_of(const org::Employee& e) const {
  to::WorkScheduleSpec spec = to::default_schedule_spec(schedule_kind(e.schedule), anchor_of(e));
  spec.zone = calendar_.zone;
  return to::WorkSchedule::create(std::move(spec));
}

Result<lv::WorkSchedule> TimeoffContext::leave_schedule(const org::Employee& e, Date first,
                                                        Date last) const {
  RC_ASSIGN_OR_RETURN(to::WorkSchedule ws, schedule_of(e));
  std::vector<lv::WorkSchedule::Day> days;
  for (Date d = first; d <= last; d = d.plus_days(1)) {
    const std::int64_t m = ws.scheduled_minutes(d);
    if (m > 0) days.push_back({d, m});
  }
  return lv::WorkSchedule(std::move(days));
}

Result<Instant> TimeoffContext::timesheet_deadline(const PayPeriod& period) const {
  return rollcall::timesheet_deadline(period.end, calendar_.zone, calendar_.timesheet_deadline);
}

Result<std::vector<to::Holiday>> TimeoffContext::holidays(int year) const {
  return to::holidays_in_year(calendar_.holidays, year);
}

Date TimeoffContext::credit_date(const to::Holiday& h, to::ScheduleKind kind) const {
  const auto& actual = calendar_.holiday_actual_date_schedules;
  return std::find(actual.begin(), actual.end(), kind) != actual.end() ? h.actual : h.observed;
}

std::vector<Date> TimeoffContext::furlough_grant_dates(int year) const {
  std::vector<Date> out;
  for (auto [m, d] : calendar_.furlough_grant_month_days) out.push_back(Date::from_ymd(year, m, d));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

lv::UpcomingCredits TimeoffContext::upcoming_credits(to::ScheduleKind kind, Date today,
                                                     int through_year) const {
  lv::UpcomingCredits up;
  for (int y = today.year(); y <= through_year; ++y) {
    auto hs = holidays(y);
    if (hs) {
      for (const auto& h : *hs) {
        const Date d = credit_date(h, kind);
        if (d > today && d.year() <= through_year) up.holidays.push_back(d);
      }
    }
    for (Date d : furlough_grant_dates(y)) {
      if (d > today) up.furlough_grants.push_back(d);
    }
  }
  std::sort(up.holidays.begin(), up.holidays.end());
  return up;
}

Result<Date> TimeoffContext::furlough_deadline(int year) const {
  RC_ASSIGN_OR_RETURN(PayPeriod p, pay_periods_.last_full_in_december(year));
  return p.end;
}

lv::StaffingRules TimeoffContext::staffing_rules(std::string_view unit_code) const {
  auto it = calendar_.staffing_minimum.find(std::string(unit_code));
  return lv::StaffingRules{
      it != calendar_.staffing_minimum.end() ? it->second : calendar_.staffing_default_minimum};
}

Result<std::map<org::EmployeeId, Date>> load_schedule_anchors(storage::WorkflowReader& db) {
  RC_ASSIGN_OR_RETURN(auto records, db.workflow_records(std::string(kScheduleAnchorKind), {}));
  std::map<org::EmployeeId, Date> out;
  for (const auto& r : records) {
    auto body = nlohmann::json::parse(r.body_json, nullptr, false);
    if (body.is_discarded() || !body.contains("anchor") || !body["anchor"].is_string()) {
      return data_loss("schedule record " + std::to_string(r.id) + " has no readable anchor");
    }
    auto d = Date::parse(body["anchor"].get<std::string>());
    if (!d)
      return data_loss("schedule record " + std::to_string(r.id) + ": " + d.status().message());
    out[r.employee] = *d;
  }
  return out;
}

}  // namespace rollcall::app::timeoff
