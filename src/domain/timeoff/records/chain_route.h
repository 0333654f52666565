// Where a document "through the chain of command" goes (4.010-PRO-1.3 to the
// section captain; POL-7, POL-8, POL-9, PRO-2.4 to the bureau chief): the hops
// of routing.h from the link above the sender up to that level of the
// subject's chain, computed from the chain on the day it is sent.
#pragma once

#include <vector>

#include "common/status.h"
#include "domain/org/org_snapshot.h"
#include "domain/timeoff/records/routing.h"

namespace rollcall::timeoff::records {

enum class ChainTop {
  kSectionCaptain,  // the precinct or section captain (or non-sworn equivalent)
  kBureauChief,
};

// hops_up_chain(chain, sender, the unit at `top`). FAILED_PRECONDITION naming
// the level and the chain's date when the chain has no such level or its
// position is vacant. Empty when the sender holds `top`.
Result<std::vector<Hop>> route_up_chain(const org::ChainOfCommand& chain, org::EmployeeId sender,
                                        ChainTop top);

}  // namespace rollcall::timeoff::records
