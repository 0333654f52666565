// The indicator criteria of 3.070 §1 and their thresholds.
//
// A threshold is "count events within N months": as of date D the window is
// (D − N calendar months, D], with month-end clamping (Date::minus_months).
// Thresholds are data, versioned with an effective date (ARCHITECTURE.md,
// habit 4); nothing here hard-codes a number.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "time/civil_date.h"

namespace rollcall::pmp {

// A supervisory recommendations, B use of force (Type II/III or any firearms
// discharge), C preventable vehicle collisions, D OPA/EEO complaints, E claims
// and lawsuits naming the employee, F vehicle pursuits, G the aggregate of A–F.
enum class Indicator { kA, kB, kC, kD, kE, kF, kG };
inline constexpr std::array<Indicator, 7> kAllIndicators{
    Indicator::kA, Indicator::kB, Indicator::kC, Indicator::kD,
    Indicator::kE, Indicator::kF, Indicator::kG};

std::string_view to_string(Indicator i);                       // "A" … "G"
std::optional<Indicator> parse_indicator(std::string_view s);  // "A" … "G" (either case)
std::string_view describe(Indicator i);                        // "use of force", …

// Reached when at least `count` qualifying events fall in the last `months` months.
struct ThresholdRule {
  int count = 1;
  int months = 12;
  friend bool operator==(const ThresholdRule&, const ThresholdRule&) = default;
};

// One table of 3.070 §1. An indicator absent from the table is not evaluated.
using ThresholdTable = std::map<Indicator, ThresholdRule>;

// A versioned threshold configuration: both tables of 3.070 §1 plus who
// recommended and approved it (3.070 §3: the Committee recommends, the Chief
// approves). A set applies from `effective_from` until the next set's date.
struct ThresholdSet {
  std::int64_t id = 0;
  std::string name;
  Date effective_from;
  // True for the shipped defaults: a starting point for the Committee, not a
  // department decision.
  bool starting_point = false;
  ThresholdTable initial;        // no PMR initiated within recent_review_months
  ThresholdTable recent_review;  // a PMR was initiated within recent_review_months
  int recent_review_months = 12;
  std::string committee_recommendation;  // text of the Committee's recommendation
  std::optional<Date> committee_recommended_on;
  std::string chief_approved_by;
  std::optional<Date> chief_approved_on;
};

}  // namespace rollcall::pmp
