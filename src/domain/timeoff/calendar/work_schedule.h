// Work schedules (4.010): which dates an employee is scheduled to work and for
// how many minutes. Leave rules ask it how much leave a day off costs
// (4.010-POL-5/6), circle furloughs ask it which normal work day can be taken
// off in the same FLSA period (4.010-POL-12), timesheets compare against it.
//
// A shift belongs to the date it starts on (a 22:00-06:00 night shift is the
// work of its first day, as Kronos/UKG and TeleStaff attribute it by default).
// Its minutes are computed from instants in the agency zone: a night shift
// across the spring-forward change is an hour short, across fall-back an hour
// long; a 24-hour shift on those days lasts 23 or 25 hours.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/timeoff/schedule_kind.h"
#include "time/civil_date.h"
#include "time/zone.h"

namespace rollcall::timeoff {

// 9-80: a 14-day cycle starting at WorkScheduleSpec::anchor (normally a
// Monday) with nine-hour days on the work weekdays, except one eight-hour day
// and one regular day off. The FLSA workweek boundary falls inside the
// eight-hour day (after `split_after` of it), so each FLSA week holds 40 hours:
// with the defaults, week 1 Fri 4h + Mon-Thu 36h and week 2 Mon-Thu 36h + Fri
// 4h, the second Friday being the regular day off.
struct NineEightyRule {
  int eight_hour_day = 4;    // day of the cycle (0..13): Friday of week one
  int regular_day_off = 11;  // day of the cycle (0..13): Friday of week two
  std::chrono::minutes short_day_length = std::chrono::hours(8);
  std::chrono::minutes split_after = std::chrono::hours(4);  // FLSA week starts here
};

// Everything that defines a schedule; data, usually from configuration.
struct WorkScheduleSpec {
  ScheduleKind kind = ScheduleKind::kFiveEight;
  // First day of a rotation cycle: day 1 of "4 on" (4-2), the on-duty day
  // (24-hour), day 0 of the 14-day cycle (9-80). Unused by 5-8 and 4-10.
  Date anchor;
  std::chrono::minutes shift_start = std::chrono::hours(7);  // local time of day
  std::chrono::minutes shift_length = std::chrono::hours(8);
  // Rotations (4-2, 24-hour): days on, then days off, repeating from anchor.
  int days_on = 0;
  int days_off = 0;
  // Fixed-week kinds (5-8, 4-10) and the 9-80's working weekdays.
  std::vector<std::chrono::weekday> weekdays;
  NineEightyRule nine_eighty;
  std::string zone{kDefaultAgencyZone};  // the agency zone (IANA), from configuration
};

// The defaults a mature scheduler ships for each kind, anchored at `anchor`:
//   4-2      4 on / 2 off, 10-hour shifts from 07:00 (SPD patrol's 4-2 uses
//            10-hour days; the length is data)
//   5-8      Monday-Friday, 8 hours from 08:00
//   9-80     Monday-Friday, 9 hours from 07:00; see NineEightyRule
//   4-10     Monday-Thursday, 10 hours from 07:00
//   24-hour  1 on / 2 off, 24 hours from 07:00
WorkScheduleSpec default_schedule_spec(ScheduleKind kind, Date anchor);

// One scheduled shift.
struct Shift {
  Date date;                 // the date it starts
  Instant start;             // UTC
  Instant end;               // UTC
  std::int64_t minutes = 0;  // end - start: DST-aware
};

class WorkSchedule {
 public:
  // INVALID_ARGUMENT if the spec is inconsistent: shift_length not in (0, 24h],
  // shift_start not in [0, 24h), a rotation with days_on < 1 or days_off < 0,
  // no weekdays for 5-8/4-10/9-80 or a repeated one, a 9-80 whose eight-hour
  // day or day off is not 0..13, is the same day, or is not a working weekday,
  // or a split_after outside (0, short_day_length). NOT_FOUND if the zone is
  // unknown.
  static Result<WorkSchedule> create(WorkScheduleSpec spec);

  const WorkScheduleSpec& spec() const { return spec_; }
  ScheduleKind kind() const { return spec_.kind; }

  // Is `d` a scheduled work day?
  bool is_scheduled(Date d) const;
  // The nominal (wall-clock) length of the shift on `d`; 0 if not scheduled.
  std::chrono::minutes nominal_minutes(Date d) const;
  // The shift starting on `d`, with DST-aware minutes; nullopt if not scheduled.
  std::optional<Shift> shift_on(Date d) const;
  // Scheduled minutes on `d` (DST-aware); 0 if not scheduled.
  std::int64_t scheduled_minutes(Date d) const;

  // Over the closed range [first, last] (empty and 0 if last < first):
  std::int64_t scheduled_minutes(Date first, Date last) const;
  int scheduled_days(Date first, Date last) const;
  std::vector<Date> scheduled_dates(Date first, Date last) const;

  // 9-80 only: the minutes of the day `d` that fall before and after the FLSA
  // workweek boundary. For every other day (and every other kind) all
  // scheduled minutes are "before" and none "after".
  struct Split {
    std::int64_t before = 0;
    std::int64_t after = 0;
  };
  Split split_at_week_boundary(Date d) const;

 private:
  explicit WorkSchedule(WorkScheduleSpec spec) : spec_(std::move(spec)) {}
  bool works_weekday(Date d) const;

  WorkScheduleSpec spec_;
};

}  // namespace rollcall::timeoff
