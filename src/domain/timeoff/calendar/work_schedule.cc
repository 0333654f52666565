#include "domain/timeoff/calendar/work_schedule.h"

#include <algorithm>
#include <string>
#include <utility>

#include "time/repeating_period.h"
#include "time/zone.h"

namespace rollcall::timeoff {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

constexpr int kNineEightyCycleDays = 14;

bool is_rotation(ScheduleKind k) {
  return k == ScheduleKind::kFourTwo || k == ScheduleKind::kTwentyFour;
}

std::string kind_text(ScheduleKind k) { return std::string(to_string(k)); }

}  // namespace

WorkScheduleSpec default_schedule_spec(ScheduleKind kind, Date anchor) {
  using std::chrono::Friday;
  using std::chrono::Monday;
  using std::chrono::Thursday;
  using std::chrono::Tuesday;
  using std::chrono::Wednesday;
  WorkScheduleSpec s;
  s.kind = kind;
  s.anchor = anchor;
  switch (kind) {
    case ScheduleKind::kFourTwo:
      s.shift_start = hours(7);
      s.shift_length = hours(10);
      s.days_on = 4;
      s.days_off = 2;
      break;
    case ScheduleKind::kFiveEight:
      s.shift_start = hours(8);
      s.shift_length = hours(8);
      s.weekdays = {Monday, Tuesday, Wednesday, Thursday, Friday};
      break;
    case ScheduleKind::kNineEighty:
      s.shift_start = hours(7);
      s.shift_length = hours(9);
      s.weekdays = {Monday, Tuesday, Wednesday, Thursday, Friday};
      break;
    case ScheduleKind::kFourTen:
      s.shift_start = hours(7);
      s.shift_length = hours(10);
      s.weekdays = {Monday, Tuesday, Wednesday, Thursday};
      break;
    case ScheduleKind::kTwentyFour:
      s.shift_start = hours(7);
      s.shift_length = hours(24);
      s.days_on = 1;
      s.days_off = 2;
      break;
  }
  return s;
}

Result<WorkSchedule> WorkSchedule::create(WorkScheduleSpec spec) {
  const std::string kind = kind_text(spec.kind);
  if (spec.shift_length <= minutes(0) || spec.shift_length > hours(24)) {
    return invalid_argument(kind + " schedule: a shift lasts more than 0 and at most 24 hours");
  }
  if (spec.shift_start < minutes(0) || spec.shift_start >= hours(24)) {
    return invalid_argument(kind + " schedule: the shift start is a time of day (00:00-23:59)");
  }
  if (is_rotation(spec.kind)) {
    if (spec.days_on < 1 || spec.days_off < 0) {
      return invalid_argument(kind + " schedule: a rotation needs at least one day on and no " +
                              "negative days off");
    }
  } else {
    if (spec.weekdays.empty()) {
      return invalid_argument(kind + " schedule: no working weekdays");
    }
    for (std::size_t i = 0; i < spec.weekdays.size(); ++i) {
      if (!spec.weekdays[i].ok()) return invalid_argument(kind + " schedule: not a weekday");
      for (std::size_t j = 0; j < i; ++j) {
        if (spec.weekdays[i] == spec.weekdays[j]) {
          return invalid_argument(kind + " schedule: a working weekday is listed twice");
        }
      }
    }
  }
  if (spec.kind == ScheduleKind::kNineEighty) {
    const NineEightyRule& r = spec.nine_eighty;
    auto in_cycle = [](int day) { return day >= 0 && day < kNineEightyCycleDays; };
    if (!in_cycle(r.eight_hour_day) || !in_cycle(r.regular_day_off)) {
      return invalid_argument(
          "9-80 schedule: the eight-hour day and the day off are days 0-13 "
          "of the two-week cycle");
    }
    if (r.eight_hour_day == r.regular_day_off) {
      return invalid_argument("9-80 schedule: the eight-hour day cannot be the day off");
    }
    if (r.short_day_length <= minutes(0) || r.short_day_length > hours(24)) {
      return invalid_argument(
          "9-80 schedule: the short day lasts more than 0 and at most 24 "
          "hours");
    }
    if (r.split_after <= minutes(0) || r.split_after >= r.short_day_length) {
      return invalid_argument("9-80 schedule: the FLSA week must split the short day");
    }
    const WorkSchedule probe(spec);
    if (!probe.works_weekday(spec.anchor.plus_days(r.eight_hour_day)) ||
        !probe.works_weekday(spec.anchor.plus_days(r.regular_day_off))) {
      return invalid_argument(
          "9-80 schedule: the eight-hour day and the day off must fall on "
          "working weekdays");
    }
  }
  RC_RETURN_IF_ERROR(check_zone(spec.zone));
  return WorkSchedule(std::move(spec));
}

bool WorkSchedule::works_weekday(Date d) const {
  const std::chrono::weekday wd{d.sys_days()};
  return std::find(spec_.weekdays.begin(), spec_.weekdays.end(), wd) != spec_.weekdays.end();
}

std::chrono::minutes WorkSchedule::nominal_minutes(Date d) const {
  switch (spec_.kind) {
    case ScheduleKind::kFourTwo:
    case ScheduleKind::kTwentyFour: {
      const int day = day_in_period(spec_.anchor, spec_.days_on + spec_.days_off, d);
      return day < spec_.days_on ? spec_.shift_length : minutes(0);
    }
    case ScheduleKind::kFiveEight:
    case ScheduleKind::kFourTen:
      return works_weekday(d) ? spec_.shift_length : minutes(0);
    case ScheduleKind::kNineEighty: {
      if (!works_weekday(d)) return minutes(0);
      const int day = day_in_period(spec_.anchor, kNineEightyCycleDays, d);
      if (day == spec_.nine_eighty.regular_day_off) return minutes(0);
      if (day == spec_.nine_eighty.eight_hour_day) return spec_.nine_eighty.short_day_length;
      return spec_.shift_length;
    }
  }
  return minutes(0);
}

bool WorkSchedule::is_scheduled(Date d) const { return nominal_minutes(d) > minutes(0); }

std::optional<Shift> WorkSchedule::shift_on(Date d) const {
  const minutes nominal = nominal_minutes(d);
  if (nominal <= minutes(0)) return std::nullopt;
  // The zone was checked in create(); local_instant only fails for an unknown zone.
  auto start = local_instant(d, spec_.shift_start, spec_.zone);
  auto end = local_instant(d, spec_.shift_start + nominal, spec_.zone);
  if (!start.is_ok() || !end.is_ok()) return std::nullopt;
  return Shift{d, *start, *end, std::chrono::duration_cast<minutes>(*end - *start).count()};
}

std::int64_t WorkSchedule::scheduled_minutes(Date d) const {
  const auto shift = shift_on(d);
  return shift ? shift->minutes : 0;
}

std::int64_t WorkSchedule::scheduled_minutes(Date first, Date last) const {
  std::int64_t total = 0;
  for (Date d = first; d <= last; d = d.plus_days(1)) total += scheduled_minutes(d);
  return total;
}

int WorkSchedule::scheduled_days(Date first, Date last) const {
  int n = 0;
  for (Date d = first; d <= last; d = d.plus_days(1)) n += is_scheduled(d) ? 1 : 0;
  return n;
}

std::vector<Date> WorkSchedule::scheduled_dates(Date first, Date last) const {
  std::vector<Date> out;
  for (Date d = first; d <= last; d = d.plus_days(1)) {
    if (is_scheduled(d)) out.push_back(d);
  }
  return out;
}

WorkSchedule::Split WorkSchedule::split_at_week_boundary(Date d) const {
  const std::int64_t total = scheduled_minutes(d);
  if (spec_.kind != ScheduleKind::kNineEighty || total == 0 ||
      day_in_period(spec_.anchor, kNineEightyCycleDays, d) != spec_.nine_eighty.eight_hour_day) {
    return Split{total, 0};
  }
  const auto before = elapsed_local_minutes(
      d, spec_.shift_start, spec_.shift_start + spec_.nine_eighty.split_after, spec_.zone);
  const std::int64_t b = before.is_ok() ? *before : spec_.nine_eighty.split_after.count();
  return Split{b, total - b};
}

}  // namespace rollcall::timeoff
