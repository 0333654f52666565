#include "domain/timeoff/records/routing.h"

namespace rollcall::timeoff::records {

bool Routing::delivered() const { return !hops.empty() && hops.back().received.has_value(); }

std::optional<org::EmployeeId> Routing::holder() const {
  std::optional<org::EmployeeId> out;
  for (const Hop& h : hops) {
    if (!h.received) break;
    out = h.recipient;
  }
  return out;
}

std::optional<Instant> Routing::received_by(org::EmployeeId recipient) const {
  for (const Hop& h : hops) {
    if (h.recipient == recipient && h.received) return h.received;
  }
  return std::nullopt;
}

std::vector<Hop> hops_up_chain(const org::ChainOfCommand& chain, org::EmployeeId sender,
                               org::UnitId top) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < chain.links.size(); ++i) {
    const auto& h = chain.links[i].holder;
    if (h && h->employee == sender) start = i + 1;
  }
  std::vector<Hop> hops;
  for (std::size_t i = start; i < chain.links.size(); ++i) {
    const org::ChainLink& link = chain.links[i];
    if (link.holder && link.holder->employee != sender && link.holder->employee != chain.employee) {
      hops.push_back(Hop{link.holder->employee, std::string(link.title()), std::nullopt});
    }
    if (link.unit == top) break;
  }
  return hops;
}

Result<Routing> send_through(std::vector<Hop> hops, Instant sent) {
  if (hops.empty()) return invalid_argument("a routing needs at least one recipient");
  for (const Hop& h : hops) {
    if (h.recipient == 0) return invalid_argument("a routing names no one at " + h.title);
  }
  Routing r{std::move(hops)};
  r.hops.front().received = sent;
  return r;
}

Result<Routing> forward(const Routing& routing, org::EmployeeId by, Instant at) {
  const auto holder = routing.holder();
  if (!holder || *holder != by) {
    return Status(StatusCode::kPermissionDenied, "only the current holder forwards it; employee " +
                                                     std::to_string(by) + " does not hold it");
  }
  if (routing.delivered()) return failed_precondition("it has already reached its last recipient");
  Routing r = routing;
  for (Hop& h : r.hops) {
    if (!h.received) {
      h.received = at;
      break;
    }
  }
  return r;
}

}  // namespace rollcall::timeoff::records
