// 3.070 data as the API reads it: every event version, the threshold sets in
// force, and the triggers a replay finds (the same engine as `rollcall
// triggers`: each trigger is assumed to open a review until issue 5 records
// real ones). Immutable once built; rebuilt when the data changes.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "domain/pmp/evaluator.h"

namespace rollcall::api {

struct PmpView {
  std::vector<pmp::IndicatorEvent> versions;     // every version of every event
  std::vector<pmp::ThresholdSet> sets;           // all stored, newest effective last
  std::vector<pmp::ThresholdSet> sets_in_force;  // the starting point and approved sets
  std::vector<pmp::Trigger> triggers;            // by date
  std::map<std::int64_t, const pmp::IndicatorEvent*> latest;  // event id -> latest version
  std::map<org::EmployeeId, std::vector<std::size_t>> triggers_by_employee;

  static PmpView build(std::vector<pmp::IndicatorEvent> versions,
                       std::vector<pmp::ThresholdSet> sets, Date through);
  // An employee's latest event versions, by date.
  std::vector<const pmp::IndicatorEvent*> events_of(org::EmployeeId e) const;
  // Standing on each indicator as of `day` (counted against the replayed reviews).
  std::vector<pmp::Standing> standing(org::EmployeeId e, Date day) const;

 private:
  std::shared_ptr<pmp::Evaluator> evaluator_;
};

// 3.070-POL-3: only the shipped starting point and sets the Chief approved
// are used to evaluate.
bool in_force(const pmp::ThresholdSet& set);

}  // namespace rollcall::api
