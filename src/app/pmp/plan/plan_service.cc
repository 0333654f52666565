#include "app/pmp/plan/plan_service.h"

#include <algorithm>

#include "app/pmp/plan/plan_codec.h"
#include "domain/access/access.h"

namespace rollcall::app::plan {
namespace {

namespace pl = pmp::plan;
namespace rv = pmp::review;

Result<StoredPlan> from_record(const storage::WorkflowRecord& w) {
  RC_ASSIGN_OR_RETURN(pl::Plan p, plan_from_json(w.body_json, w.id));
  return StoredPlan{std::move(p), w.version};
}

Result<StoredPlan> latest(storage::WorkflowReader& db, std::int64_t id) {
  RC_ASSIGN_OR_RETURN(auto versions, db.workflow_versions(id));
  if (versions.empty() || versions.back().kind != kPlanKind) {
    return not_found("plan " + std::to_string(id) + " does not exist");
  }
  return from_record(versions.back());
}

// The latest version of the employee's indicator event `id`.
Result<pmp::IndicatorEvent> employee_event(storage::PmpReader& db, org::EmployeeId employee,
                                           std::int64_t id) {
  RC_ASSIGN_OR_RETURN(auto versions, db.event_versions(employee));
  std::optional<pmp::IndicatorEvent> found;
  for (auto& v : versions) {
    if (v.id == id && (!found || v.version > found->version)) found = std::move(v);
  }
  if (!found) {
    return invalid_argument("entry.event_id: event " + std::to_string(id) +
                            " is not one of the employee's indicator events");
  }
  return *found;
}

}  // namespace

Result<std::vector<StoredPlan>> load_plans(storage::WorkflowReader& db,
                                           std::optional<org::EmployeeId> employee) {
  RC_ASSIGN_OR_RETURN(auto records, db.workflow_records(std::string(kPlanKind), employee));
  std::vector<StoredPlan> out;
  out.reserve(records.size());
  for (const auto& w : records) {
    RC_ASSIGN_OR_RETURN(StoredPlan s, from_record(w));
    out.push_back(std::move(s));
  }
  return out;
}

Result<StoredPlan> load_plan(storage::WorkflowReader& db, std::int64_t id) {
  return latest(db, id);
}

Result<StoredPlan> open_plan(storage::Database& db, const org::OrgSnapshot& org,
                             const ActingAs& actor, std::int64_t review_id,
                             const pl::ReportSchedule& schedule) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(review::StoredReview r, review::load_review(*tx, review_id));
  const org::EmployeeId employee = r.review.employee;
  RC_ASSIGN_OR_RETURN(
      pl::Plan plan,
      pl::open_plan(0, r.review, review::actor_context(org, actor.employee, employee, actor.on),
                    actor.at, actor.on, schedule));
  RC_ASSIGN_OR_RETURN(auto existing, load_plans(*tx, employee));
  for (const StoredPlan& p : existing) {
    if (p.plan.review_id == review_id) {
      return already_exists("review " + std::to_string(review_id) + " already has plan " +
                            std::to_string(p.plan.id));
    }
  }
  RC_ASSIGN_OR_RETURN(
      std::int64_t id,
      tx->insert_workflow_record(std::string(kPlanKind), employee,
                                 std::string(pl::to_string(plan.state)), plan_to_json(plan)));
  RC_RETURN_IF_ERROR(tx->commit());
  plan.id = id;
  return StoredPlan{std::move(plan), 1};
}

Result<StoredPlan> take_plan_step(storage::Database& db, const org::OrgSnapshot& org,
                                  const ActingAs& actor, std::int64_t id,
                                  const PlanStepRequest& step) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(StoredPlan current, latest(*tx, id));
  const org::EmployeeId subject = current.plan.employee;
  pl::Action action;
  action.kind = step.kind;
  action.at = actor.at;
  action.on = actor.on;
  action.comments = step.comments;
  action.items = step.items;
  action.report_due = step.report_due;
  action.pas_reference = step.pas_reference;
  action.entry = step.entry;
  action.recommendation = step.recommendation;
  action.remove = step.remove;
  action.designation = step.designation;
  const rv::ActorContext ctx = review::actor_context(org, actor.employee, subject, actor.on);
  // §6: a debrief of an indicator event is held at the detail its view on the
  // debrief's date allows; the domain refuses one the view forbids. Only
  // someone who may take the step gets this far with an event id.
  if (step.kind == pl::ActionKind::kLogCoaching && step.entry && step.entry->event_id) {
    RC_ASSIGN_OR_RETURN(pmp::IndicatorEvent e, employee_event(*tx, subject, *step.entry->event_id));
    action.debrief = pl::debrief_view(e, std::nullopt, step.entry->date);
  }
  RC_ASSIGN_OR_RETURN(pl::Plan next, pl::apply(current.plan, action, ctx));
  if (current.version != step.expected_version) {
    return failed_precondition("plan " + std::to_string(id) + " is at version " +
                               std::to_string(current.version) + ", not " +
                               std::to_string(step.expected_version) +
                               ": someone acted on it first; reload it and try again");
  }
  RC_RETURN_IF_ERROR(tx->add_workflow_version(id, std::string(kPlanKind), current.version,
                                              std::string(pl::to_string(next.state)),
                                              plan_to_json(next)));
  RC_RETURN_IF_ERROR(tx->commit());
  return StoredPlan{std::move(next), current.version + 1};
}

std::vector<pl::ActionKind> actions_for(const pl::Plan& plan, org::EmployeeId person,
                                        bool coordinator) {
  std::vector<pl::ActionKind> out;
  if (plan.employee == person) return out;
  for (pl::ActionKind k : pl::actions_in(plan.state)) {
    const org::EmployeeId assigned = pl::assigned_for(plan, k);
    if (assigned == person || (assigned == 0 && coordinator)) out.push_back(k);
  }
  return out;
}

bool awaits(const pl::Plan& plan, org::EmployeeId person, bool coordinator) {
  if (pl::is_final(plan.state) || plan.employee == person) return false;
  if (plan.state == pl::PlanState::kImplementing) {
    if (person == plan.lieutenant) {
      const bool waiting = std::any_of(plan.reports.begin(), plan.reports.end(), [](const auto& r) {
        return r.status == pl::ReportStatus::kSubmitted;
      });
      if (waiting) return true;
    }
    return person == plan.sergeant && pl::due(plan, pl::PlanDeadlines{}).has_value();
  }
  return !actions_for(plan, person, coordinator).empty();
}

}  // namespace rollcall::app::plan
