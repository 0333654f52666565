#include "time/flsa.h"

#include <array>

#include "time/repeating_period.h"

namespace rollcall {
namespace {

// 29 CFR 553.230(c), law enforcement column, indexed by days - 7. Rows 7..20
// checked against the regulation's table as reprinted in the Statutes at Large
// (110 Stat. 4385); the regulation rounds 171 * days / 28 to whole hours and
// lists 23 days as 141, so the table is authoritative, not the formula.
constexpr std::array<int, 22> kLawEnforcementMaxHours = {
    43,  49,  55,  61,  67,  73,  79,  86,  92,  98,  104,  // 7 .. 17
    110, 116, 122, 128, 134, 141, 147, 153, 159, 165, 171,  // 18 .. 28
};

}  // namespace

Result<int> flsa_law_enforcement_max_hours(int days) {
  if (days < kFlsaMinWorkPeriodDays || days > kFlsaMaxWorkPeriodDays) {
    return invalid_argument("an FLSA 7(k) work period is 7 to 28 days long, not " +
                            std::to_string(days));
  }
  return kLawEnforcementMaxHours[static_cast<std::size_t>(days - kFlsaMinWorkPeriodDays)];
}

Result<FlsaWorkPeriods> FlsaWorkPeriods::create(const FlsaWorkPeriodConfig& config) {
  auto limit = flsa_law_enforcement_max_hours(config.length_days);
  if (!limit.is_ok()) {
    return invalid_argument("work period of group '" + config.group +
                            "': " + limit.status().message());
  }
  return FlsaWorkPeriods(config, *limit);
}

FlsaWorkPeriod FlsaWorkPeriods::at_start(Date start) const {
  return FlsaWorkPeriod{start, start.plus_days(config_.length_days - 1), config_.length_days,
                        max_hours_};
}

FlsaWorkPeriod FlsaWorkPeriods::containing(Date d) const {
  return at_start(period_start_containing(config_.anchor, config_.length_days, d));
}

std::vector<FlsaWorkPeriod> FlsaWorkPeriods::in_range(Date first, Date last) const {
  std::vector<FlsaWorkPeriod> out;
  if (last < first) return out;
  for (FlsaWorkPeriod p = containing(first); p.start <= last; p = at_start(p.end.plus_days(1))) {
    out.push_back(p);
  }
  return out;
}

}  // namespace rollcall
