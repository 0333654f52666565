// Use cases of the Performance Mentoring Review (3.070-PRO-1): open a review
// from a trigger, take a step, list reviews, and each person's inbox. Each
// write is one transaction: load the record, decide with the domain state
// machine (domain/pmp/review), store the new version with its audit record.
//
// Who is acting comes from the organisation on the day of the action
// (OrgSnapshot + access::roles_on + in_chain_of); callers never pass roles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/org/org_snapshot.h"
#include "domain/pmp/review/review_workflow.h"
#include "storage/database.h"

namespace rollcall::app::review {

// The workflow-record kind of a review.
inline constexpr std::string_view kReviewKind = "pmp-review";

struct StoredReview {
  pmp::review::Review review;
  int version = 0;  // the record version; a step must name it (optimistic concurrency)
};

// Who is acting, as the organisation stands on `on`.
pmp::review::ActorContext actor_context(const org::OrgSnapshot& org, org::EmployeeId actor,
                                        org::EmployeeId subject, Date on);

// Every review (of one employee if given), by id. DATA_LOSS if a stored body
// is unreadable.
Result<std::vector<StoredReview>> load_reviews(storage::WorkflowReader& db,
                                               std::optional<org::EmployeeId> employee);
// NOT_FOUND for an unknown id.
Result<StoredReview> load_review(storage::WorkflowReader& db, std::int64_t id);

// Who acts and when.
struct ActingAs {
  org::EmployeeId employee = 0;
  std::string name;  // the audit actor (the account's username)
  Instant at;
  Date on;  // the agency-zone date of `at`
};

// PRO-1.1: the Coordinator opens a review of `employee` from a trigger.
// PERMISSION_DENIED as identify(); ALREADY_EXISTS naming the open review if
// the employee has one (ARCHITECTURE.md: new crossings attach to it);
// NOT_FOUND for an unknown employee.
Result<StoredReview> open_review(storage::Database& db, const org::OrgSnapshot& org,
                                 const ActingAs& actor, org::EmployeeId employee,
                                 pmp::review::ReviewTrigger trigger);

// One step, as the API receives it. The assignee is named by employee id and
// checked on the day like the actor.
struct StepRequest {
  pmp::review::ActionKind kind = pmp::review::ActionKind::kAssist;
  int expected_version = 0;
  std::string comments;
  std::optional<org::EmployeeId> assignee;
  std::optional<pmp::review::Recommendation> recommendation;
  std::vector<std::string> items;
  std::optional<pmp::review::Designation> designation;
};

// Takes one step on review `id`. NOT_FOUND for an unknown id; errors of
// pmp::review::apply; FAILED_PRECONDITION if the record moved past
// expected_version. Nothing is written on any error.
Result<StoredReview> take_step(storage::Database& db, const org::OrgSnapshot& org,
                               const ActingAs& actor, std::int64_t id, const StepRequest& step);

// One task in someone's inbox.
struct InboxItem {
  const StoredReview* review = nullptr;  // points into the vector passed in
  pmp::review::Awaited awaited;
  std::optional<Date> due;
  bool overdue = false;
};

// The reviews awaiting `person` on `today`: those whose awaited step is
// assigned to them, and, for a Coordinator, those any Coordinator may take.
// Ordered by due date, overdue first.
std::vector<InboxItem> inbox(const std::vector<StoredReview>& reviews, const org::OrgSnapshot& org,
                             org::EmployeeId person, Date today,
                             const pmp::review::ReviewDeadlines& deadlines);

// Every open review with its awaited step and due date: the Coordinator's
// pipeline (3.070-PRO-1.19), ordered by due date.
std::vector<InboxItem> pipeline(const std::vector<StoredReview>& reviews, Date today,
                                const pmp::review::ReviewDeadlines& deadlines);

}  // namespace rollcall::app::review
