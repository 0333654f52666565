#include "app/pmp/review/review_service.h"

#include <algorithm>

#include "app/pmp/review/review_codec.h"
#include "domain/access/access.h"

namespace rollcall::app::review {
namespace {

namespace rv = pmp::review;

Result<StoredReview> from_record(const storage::WorkflowRecord& w) {
  RC_ASSIGN_OR_RETURN(rv::Review r, review_from_json(w.body_json, w.id));
  return StoredReview{std::move(r), w.version};
}

Result<StoredReview> latest(storage::WorkflowReader& db, std::int64_t id) {
  RC_ASSIGN_OR_RETURN(auto versions, db.workflow_versions(id));
  if (versions.empty() || versions.back().kind != kReviewKind) {
    return not_found("review " + std::to_string(id) + " does not exist");
  }
  return from_record(versions.back());
}

void order_by_due(std::vector<InboxItem>& items) {
  std::stable_sort(items.begin(), items.end(), [](const InboxItem& a, const InboxItem& b) {
    if (a.overdue != b.overdue) return a.overdue;
    if (a.due != b.due) return a.due.has_value() && (!b.due || *a.due < *b.due);
    return a.review->review.id < b.review->review.id;
  });
}

InboxItem item_of(const StoredReview& s, Date today, const rv::ReviewDeadlines& d) {
  return InboxItem{&s, rv::awaited(s.review), rv::due(s.review, d),
                   rv::overdue(s.review, today, d)};
}

}  // namespace

rv::ActorContext actor_context(const org::OrgSnapshot& org, org::EmployeeId actor,
                               org::EmployeeId subject, Date on) {
  return rv::ActorContext{actor, access::roles_on(org, actor, on),
                          org.in_chain_of(actor, subject, on)};
}

Result<std::vector<StoredReview>> load_reviews(storage::WorkflowReader& db,
                                               std::optional<org::EmployeeId> employee) {
  RC_ASSIGN_OR_RETURN(auto records, db.workflow_records(std::string(kReviewKind), employee));
  std::vector<StoredReview> out;
  out.reserve(records.size());
  for (const auto& w : records) {
    RC_ASSIGN_OR_RETURN(StoredReview s, from_record(w));
    out.push_back(std::move(s));
  }
  return out;
}

Result<StoredReview> load_review(storage::WorkflowReader& db, std::int64_t id) {
  return latest(db, id);
}

Result<StoredReview> open_review(storage::Database& db, const org::OrgSnapshot& org,
                                 const ActingAs& actor, org::EmployeeId employee,
                                 rv::ReviewTrigger trigger) {
  if (org.employee(employee) == nullptr) {
    return not_found("employee " + std::to_string(employee) + " does not exist");
  }
  const rv::ActorContext ctx = actor_context(org, actor.employee, employee, actor.on);
  // Decide before touching storage: a refused step writes nothing.
  RC_ASSIGN_OR_RETURN(rv::Review review,
                      rv::identify(0, employee, std::move(trigger), ctx, actor.at, actor.on));
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(auto existing, tx->workflow_records(std::string(kReviewKind), employee));
  for (const auto& w : existing) {
    auto s = rv::parse_review_state(w.state);
    if (s && !rv::is_final(*s)) {
      return already_exists("employee " + std::to_string(employee) + " already has open review " +
                            std::to_string(w.id) + " (" + w.state +
                            "); new crossings attach to it");
    }
  }
  RC_ASSIGN_OR_RETURN(
      std::int64_t id,
      tx->insert_workflow_record(std::string(kReviewKind), employee,
                                 std::string(rv::to_string(review.state)), review_to_json(review)));
  RC_RETURN_IF_ERROR(tx->commit());
  review.id = id;
  return StoredReview{std::move(review), 1};
}

Result<StoredReview> take_step(storage::Database& db, const org::OrgSnapshot& org,
                               const ActingAs& actor, std::int64_t id, const StepRequest& step) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(StoredReview current, latest(*tx, id));
  const org::EmployeeId subject = current.review.employee;
  rv::Action action;
  action.kind = step.kind;
  action.at = actor.at;
  action.on = actor.on;
  action.comments = step.comments;
  action.recommendation = step.recommendation;
  action.items = step.items;
  action.designation = step.designation;
  if (step.assignee) {
    action.assignee = rv::Assignee{*step.assignee, access::roles_on(org, *step.assignee, actor.on),
                                   org.in_chain_of(*step.assignee, subject, actor.on)};
  }
  RC_ASSIGN_OR_RETURN(
      rv::Review next,
      rv::apply(current.review, action, actor_context(org, actor.employee, subject, actor.on)));
  if (current.version != step.expected_version) {
    return failed_precondition("review " + std::to_string(id) + " is at version " +
                               std::to_string(current.version) + ", not " +
                               std::to_string(step.expected_version) +
                               ": someone acted on it first; reload it and try again");
  }
  RC_RETURN_IF_ERROR(tx->add_workflow_version(id, std::string(kReviewKind), current.version,
                                              std::string(rv::to_string(next.state)),
                                              review_to_json(next)));
  RC_RETURN_IF_ERROR(tx->commit());
  return StoredReview{std::move(next), current.version + 1};
}

std::vector<InboxItem> inbox(const std::vector<StoredReview>& reviews, const org::OrgSnapshot& org,
                             org::EmployeeId person, Date today,
                             const rv::ReviewDeadlines& deadlines) {
  const auto roles = access::roles_on(org, person, today);
  const bool coordinator =
      std::find(roles.begin(), roles.end(), access::Role::kCoordinator) != roles.end();
  std::vector<InboxItem> out;
  for (const StoredReview& s : reviews) {
    if (rv::is_final(s.review.state) || s.review.employee == person) continue;
    InboxItem item = item_of(s, today, deadlines);
    const bool mine =
        item.awaited.assigned == person || (item.awaited.assigned == 0 && coordinator &&
                                            item.awaited.role == access::Role::kCoordinator);
    if (mine) out.push_back(item);
  }
  order_by_due(out);
  return out;
}

std::vector<InboxItem> pipeline(const std::vector<StoredReview>& reviews, Date today,
                                const rv::ReviewDeadlines& deadlines) {
  std::vector<InboxItem> out;
  for (const StoredReview& s : reviews) {
    if (!rv::is_final(s.review.state)) out.push_back(item_of(s, today, deadlines));
  }
  order_by_due(out);
  return out;
}

}  // namespace rollcall::app::review
