// 3.070 §6: what a sergeant owes a plan each work week, and whether each week
// of the plan's period had it.
//
// Per work week (Sunday–Saturday unless configured):
//   - at least `ride_alongs` ride-alongs longer than `ride_along_longer_than_minutes`
//     ("longer than one hour in duration at least twice per work week");
//   - at least `accompaniments` accompaniments on calls / traffic stops /
//     citizen contacts ("at least four … per work week");
//   - an after-action debrief of each of the employee's indicator events dated
//     in the week that §6 allows to be debriefed (debrief_restriction.h):
//     one logged for that event dated within `debrief_within_days` of it.
//     Significant events and arrests are not known to the system, so their
//     debriefs are logged but not required.
//
// Partial weeks (the plan starts or ends mid-week): by default the ride-along
// and accompaniment minimums are prorated by the plan's days in that week,
// rounded up (a plan that starts on a Thursday owes ceil(2 × 3/7) = 1
// ride-along and ceil(4 × 3/7) = 2 accompaniments), as scheduling products
// prorate weekly minimums; kExempt owes nothing those weeks and kFull owes the
// whole week. Debriefs are owed in any week.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pmp/indicator_event.h"
#include "domain/pmp/plan/plan_workflow.h"
#include "time/civil_date.h"

namespace rollcall::pmp::plan {

// "prorate" | "exempt" | "full"
enum class PartialWeek { kProrate, kExempt, kFull };
std::string_view to_string(PartialWeek p);
std::optional<PartialWeek> parse_partial_week(std::string_view s);

struct WeeklyRules {
  std::chrono::weekday week_starts = std::chrono::Sunday;
  int ride_alongs = 2;
  int ride_along_longer_than_minutes = 60;
  int accompaniments = 4;
  int debrief_within_days = 7;
  PartialWeek partial = PartialWeek::kProrate;
};

// An indicator event of the employee and the date they gave OPA a statement
// and were interviewed, if any (for debrief_view).
struct EventForDebrief {
  IndicatorEvent event;
  std::optional<Date> opa_interview;
};

struct WeekCompliance {
  Date week_start;  // the work week's first day (may be before the plan starts)
  Date first;       // its first and last days inside the plan's period
  Date last;
  int ride_alongs_required = 0;
  int ride_alongs_done = 0;
  int accompaniments_required = 0;
  int accompaniments_done = 0;
  std::vector<std::int64_t> debriefs_required;  // event ids, in date order
  std::vector<std::int64_t> debriefs_missing;   // window closed by `through`, none logged
  std::vector<std::int64_t> debriefs_pending;   // window still open on `through`, none logged
  bool compliant = false;  // nothing missing (pending debriefs are not missing yet)
  // What is missing, in words: "ride-alongs over 60 minutes: 1 of 2",
  // "accompaniments: 3 of 4", "debrief of indicator event 17".
  std::vector<std::string> missing;
};

// The work weeks of the plan's period from its start to the earliest of its
// period end, its closing and `through`, keeping only weeks whose last day in
// the period is on or before `through` (a week still under way is not judged).
// A plan with no period end runs to `through`. `events` may hold anyone's
// events; only the plan employee's, dated in the period, are considered.
std::vector<WeekCompliance> weekly_compliance(const Plan& plan,
                                              const std::vector<EventForDebrief>& events,
                                              Date through, const WeeklyRules& rules = {});

}  // namespace rollcall::pmp::plan
