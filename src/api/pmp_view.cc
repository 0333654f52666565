#include "api/pmp_view.h"

#include <algorithm>
#include <memory>

#include "app/pmp/replay.h"

namespace rollcall::api {

bool in_force(const pmp::ThresholdSet& set) {
  return set.starting_point || set.chief_approved_on.has_value();
}

PmpView PmpView::build(std::vector<pmp::IndicatorEvent> versions,
                       std::vector<pmp::ThresholdSet> sets, Date through) {
  PmpView v;
  v.versions = std::move(versions);
  v.sets = std::move(sets);
  for (const auto& s : v.sets) {
    if (in_force(s)) v.sets_in_force.push_back(s);
  }
  for (const auto& e : v.versions) {
    auto& slot = v.latest[e.id];
    if (slot == nullptr || slot->version < e.version) slot = &e;
  }
  app::ReplayInput input{v.versions, v.sets_in_force, std::nullopt, through, {}};
  input.options.start_reviews = true;
  v.evaluator_ = std::make_shared<pmp::Evaluator>(app::replay(input));
  v.triggers = v.evaluator_->triggers();
  std::stable_sort(v.triggers.begin(), v.triggers.end(),
                   [](const pmp::Trigger& a, const pmp::Trigger& b) { return a.date < b.date; });
  for (std::size_t i = 0; i < v.triggers.size(); ++i) {
    v.triggers_by_employee[v.triggers[i].employee].push_back(i);
  }
  return v;
}

std::vector<const pmp::IndicatorEvent*> PmpView::events_of(org::EmployeeId e) const {
  std::vector<const pmp::IndicatorEvent*> out;
  for (const auto& [id, ev] : latest) {
    if (ev->employee == e) out.push_back(ev);
  }
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return a->date < b->date || (a->date == b->date && a->id < b->id);
  });
  return out;
}

std::vector<pmp::Standing> PmpView::standing(org::EmployeeId e, Date day) const {
  return app::standings_as_of(*evaluator_, day, e, /*reached_only=*/false);
}

}  // namespace rollcall::api
