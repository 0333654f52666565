// FLSA section 7(k) work periods for law enforcement (29 CFR 553.224,
// 553.230) and the section 7(o) comp-time ceiling. 4.010-POL-1 (time off as
// the FLSA prescribes) and 4.010-POL-12 (circle furloughs within FLSA
// allowances, the replacement day off in the same FLSA period).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "time/civil_date.h"

namespace rollcall {

inline constexpr int kFlsaMinWorkPeriodDays = 7;   // 29 CFR 553.224(a)
inline constexpr int kFlsaMaxWorkPeriodDays = 28;  // 29 CFR 553.224(a)

// 29 U.S.C. 207(o)(3)(A): employees in public safety (law enforcement) may
// accrue at most 480 hours of comp time; 240 for other work.
inline constexpr int kPublicSafetyCompTimeCeilingHours = 480;
inline constexpr int kOtherCompTimeCeilingHours = 240;

// The law-enforcement maximum hours standard for a work period of `days` days:
// the table of 29 CFR 553.230(c), hard-coded (rounded by the regulation, not
// prorated here: 28 -> 171, 14 -> 86, 7 -> 43). Hours worked above it are
// overtime. INVALID_ARGUMENT if `days` is outside 7..28.
Result<int> flsa_law_enforcement_max_hours(int days);

// A group's 7(k) work period: any fixed, regularly recurring period of 7 to 28
// consecutive days (it need not match the pay period or the duty cycle),
// given by its first day and length. Employers may use different periods for
// different groups (29 CFR 553.224(b)); `group` names one, for messages.
struct FlsaWorkPeriodConfig {
  std::string group = "sworn";
  Date anchor = Date::from_ymd(2025, 12, 31);
  int length_days = 28;
};

struct FlsaWorkPeriod {
  Date start;  // first day
  Date end;    // last day (inclusive)
  int length_days = 0;
  int max_hours = 0;  // the 553.230 limit for length_days

  std::int64_t max_minutes() const { return std::int64_t{max_hours} * 60; }
  bool contains(Date d) const { return start <= d && d <= end; }
  friend bool operator==(const FlsaWorkPeriod&, const FlsaWorkPeriod&) = default;
};

class FlsaWorkPeriods {
 public:
  // INVALID_ARGUMENT if length_days is outside 7..28 (the message names the group).
  static Result<FlsaWorkPeriods> create(const FlsaWorkPeriodConfig& config);

  const FlsaWorkPeriodConfig& config() const { return config_; }
  int max_hours() const { return max_hours_; }

  // The work period containing `d` (always exists).
  FlsaWorkPeriod containing(Date d) const;
  // Every work period overlapping the closed range [first, last], in order;
  // empty if last < first.
  std::vector<FlsaWorkPeriod> in_range(Date first, Date last) const;

 private:
  FlsaWorkPeriods(FlsaWorkPeriodConfig config, int max_hours)
      : config_(std::move(config)), max_hours_(max_hours) {}
  FlsaWorkPeriod at_start(Date start) const;

  FlsaWorkPeriodConfig config_;
  int max_hours_ = 0;
};

}  // namespace rollcall
