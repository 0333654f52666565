// Use cases of the Mentoring Plan (3.070-PRO-2): open a plan from a review
// the bureau chief concurred with, take a step, list plans, and what each
// person has to do. Each write is one transaction: load, decide with the
// domain (domain/pmp/plan), store the new version with its audit record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/pmp/review/review_service.h"
#include "common/status.h"
#include "domain/org/org_snapshot.h"
#include "domain/pmp/plan/plan_workflow.h"
#include "storage/database.h"

namespace rollcall::app::plan {

inline constexpr std::string_view kPlanKind = "pmp-plan";

struct StoredPlan {
  pmp::plan::Plan plan;
  int version = 0;  // the record version; a step must name it
};

using review::ActingAs;

Result<std::vector<StoredPlan>> load_plans(storage::WorkflowReader& db,
                                           std::optional<org::EmployeeId> employee);
// NOT_FOUND for an unknown id.
Result<StoredPlan> load_plan(storage::WorkflowReader& db, std::int64_t id);

// PRO-2.1: a Coordinator opens the plan of review `review_id` and sends the
// first progress-report form. NOT_FOUND for an unknown review; ALREADY_EXISTS
// naming the plan if the review already has one; errors of
// pmp::plan::open_plan (the review must be plan-designated).
Result<StoredPlan> open_plan(storage::Database& db, const org::OrgSnapshot& org,
                             const ActingAs& actor, std::int64_t review_id,
                             const pmp::plan::ReportSchedule& schedule = {});

// One step as the API receives it (fields as pmp::plan::Action).
struct PlanStepRequest {
  pmp::plan::ActionKind kind = pmp::plan::ActionKind::kReviewWithEmployee;
  int expected_version = 0;
  std::string comments;
  std::vector<std::string> items;
  std::optional<Date> report_due;
  std::string pas_reference;
  std::optional<pmp::plan::CoachingEntry> entry;
  std::optional<pmp::plan::FinalRecommendation> recommendation;
  std::optional<bool> remove;
  std::optional<pmp::plan::CaptainDesignation> designation;
};

// Takes one step on plan `id`. A debrief of an indicator event is checked
// against that event's §6 view on the debrief's date (3.070-POL-6): the event
// must be the employee's (INVALID_ARGUMENT otherwise). NOT_FOUND for an
// unknown id; errors of pmp::plan::apply; FAILED_PRECONDITION if the record
// moved past expected_version. Nothing is written on any error.
Result<StoredPlan> take_plan_step(storage::Database& db, const org::OrgSnapshot& org,
                                  const ActingAs& actor, std::int64_t id,
                                  const PlanStepRequest& step);

// The steps `person` may take on `plan` now (their level's steps in the
// current state; Coordinator steps for any Coordinator).
std::vector<pmp::plan::ActionKind> actions_for(const pmp::plan::Plan& plan, org::EmployeeId person,
                                               bool coordinator);

// Whether the plan waits on `person` now: in implementation, the sergeant
// while a report or the final recommendation is outstanding and the
// lieutenant while a report awaits concurrence; otherwise whoever the
// state's steps are assigned to.
bool awaits(const pmp::plan::Plan& plan, org::EmployeeId person, bool coordinator);

}  // namespace rollcall::app::plan
