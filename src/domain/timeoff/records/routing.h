// The routing of a document "through the chain of command" (4.010-POL-8
// exception emails, POL-9 AWOL memo copies, PRO-1.3/1.4 the Request for
// Authorized Absence up to the section captain and back, PRO-2.4 form 2.27
// copies): an
// ordered list of hops. The sender hands it to the first hop; each hop then
// forwards it to the next, and the record keeps who received it and when.
// Plain values: never modified in place by the functions that return a copy.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/org/org_snapshot.h"
#include "domain/org/org_types.h"

namespace rollcall::timeoff::records {

struct Hop {
  org::EmployeeId recipient = 0;
  std::string title;                // "lieutenant", "section captain", "bureau chief", …
  std::optional<Instant> received;  // nullopt until it reaches this hop
};

struct Routing {
  std::vector<Hop> hops;

  // True when the last hop has received it.
  bool delivered() const;
  // Who holds it now (the last hop that received it); nullopt before sending.
  std::optional<org::EmployeeId> holder() const;
  // When `recipient` received it; nullopt if not (yet) or not on the route.
  std::optional<Instant> received_by(org::EmployeeId recipient) const;
};

// The hops of `chain` from the link above `sender` (from the first link when
// the sender holds none of them, e.g. an acting supervisor from elsewhere) up
// to and including the link of unit `top`, skipping vacant positions, the
// sender and the chain's own employee. Empty when the sender holds `top`.
std::vector<Hop> hops_up_chain(const org::ChainOfCommand& chain, org::EmployeeId sender,
                               org::UnitId top);

// A routing to `hops` in order, handed to the first hop at `sent`.
// INVALID_ARGUMENT if `hops` is empty or names employee 0.
Result<Routing> send_through(std::vector<Hop> hops, Instant sent);

// The current holder `by` forwards it to the next hop at `at`.
// PERMISSION_DENIED if `by` is not the current holder; FAILED_PRECONDITION if
// it is already delivered.
Result<Routing> forward(const Routing& routing, org::EmployeeId by, Instant at);

}  // namespace rollcall::timeoff::records
