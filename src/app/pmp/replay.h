// Replaying indicator events through the threshold engine: the history of
// triggers (`rollcall triggers`) and where everyone stands on a date
// (`rollcall evaluate`).
#pragma once

#include <optional>
#include <vector>

#include "domain/pmp/evaluator.h"

namespace rollcall::app {

struct ReplayInput {
  std::vector<pmp::IndicatorEvent> versions;  // every version of every event
  std::vector<pmp::ThresholdSet> threshold_sets;
  // Use the versions recorded at or before this instant ("as known then");
  // nullopt uses the latest versions ("as known now").
  std::optional<Instant> known_at;
  // Only events dated on or before this date are replayed.
  std::optional<Date> through;
  pmp::EvaluatorOptions options;
};

// Feeds the selected versions to an Evaluator in date order and returns it,
// holding every trigger and the reviews they started.
pmp::Evaluator replay(const ReplayInput& input);

// Standing of every employee (or one) as of `as_of`, only indicators with at
// least one counted event; `reached_only` keeps those at or over threshold.
std::vector<pmp::Standing> standings_as_of(const pmp::Evaluator& evaluator, Date as_of,
                                           std::optional<org::EmployeeId> employee,
                                           bool reached_only);

}  // namespace rollcall::app
