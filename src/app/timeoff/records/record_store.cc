#include "app/timeoff/records/record_store.h"

#include "domain/access/access.h"

namespace rollcall::app::records {

tr::Actor actor_on(const org::OrgSnapshot& org, org::EmployeeId actor, org::EmployeeId subject,
                   Date on) {
  return tr::Actor{actor, access::roles_on(org, actor, on), org.in_chain_of(actor, subject, on)};
}

Status check_version(std::string_view what, std::int64_t id, int stored,
                     std::optional<int> expected) {
  if (!expected || *expected == stored) return Status::ok();
  return failed_precondition(std::string(what) + " " + std::to_string(id) + " is at version " +
                             std::to_string(stored) + ", not " + std::to_string(*expected) +
                             ": someone acted on it first; reload it and try again");
}

}  // namespace rollcall::app::records
