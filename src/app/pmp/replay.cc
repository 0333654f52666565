#include "app/pmp/replay.h"

#include <algorithm>
#include <tuple>

namespace rollcall::app {

pmp::Evaluator replay(const ReplayInput& input) {
  pmp::Evaluator evaluator(pmp::ThresholdHistory(input.threshold_sets), input.options);
  std::vector<pmp::IndicatorEvent> events = pmp::versions_as_known(input.versions, input.known_at);
  // Date order across employees, so each employee's events arrive in order and
  // take the incremental path.
  std::stable_sort(events.begin(), events.end(),
                   [](const pmp::IndicatorEvent& a, const pmp::IndicatorEvent& b) {
                     return std::tie(a.date, a.employee, a.id) < std::tie(b.date, b.employee, b.id);
                   });
  for (const pmp::IndicatorEvent& e : events) {
    if (input.through && e.date > *input.through) break;
    evaluator.add(e);
  }
  return evaluator;
}

std::vector<pmp::Standing> standings_as_of(const pmp::Evaluator& evaluator, Date as_of,
                                           std::optional<org::EmployeeId> employee,
                                           bool reached_only) {
  std::vector<pmp::Standing> out;
  const auto employees = employee ? std::vector<org::EmployeeId>{*employee} : evaluator.employees();
  for (org::EmployeeId e : employees) {
    for (pmp::Standing& s : evaluator.standing(e, as_of)) {
      if (!reached_only || s.reached()) out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace rollcall::app
