#include "domain/timeoff/records/chain_route.h"

#include <optional>
#include <string>

namespace rollcall::timeoff::records {

Result<std::vector<Hop>> route_up_chain(const org::ChainOfCommand& chain, org::EmployeeId sender,
                                        ChainTop top) {
  const bool captain = top == ChainTop::kSectionCaptain;
  const std::optional<org::ChainLink> link = captain ? chain.captain() : chain.bureau_chief();
  if (!link || !link->holder) {
    return failed_precondition(std::string(captain ? "the employee's precinct or section has no "
                                                     "captain"
                                                   : "the employee's bureau has no bureau chief") +
                               " on " + chain.on.to_string());
  }
  return hops_up_chain(chain, sender, link->unit);
}

}  // namespace rollcall::timeoff::records
