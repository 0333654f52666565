// The Mentoring Plan of 3.070-PRO-2 ("Implementing and Completing Mentoring
// Plan") as a pure state machine, in the style of review/review_workflow.h.
// PRO-2 numbers steps 11–14 twice; the second run (Coordinator and bureau
// chief) is 3.070-PRO-2.15 … 2.18 here.
//
// A plan starts from a Review that PRO-1 finished in kPlanDesignated
// (open_plan, PRO-2.1) and copies its people: employee, captain, lieutenant,
// sergeant, bureau chief. No storage, no clock reads: the caller loads the
// Plan, states who is acting (review::ActorContext), passes the instant and
// agency-zone date of the action, and stores what comes back.
//
// Each step may be taken only by the role PRO-2 names, only by the person the
// plan is assigned to at that level, and only in the state it follows; no
// state can be skipped. apply() returns:
//   - PERMISSION_DENIED  the actor lacks the step's role, is outside the
//                        employee's chain of command (chain roles), is not the
//                        plan's person at that level, or is the employee; the
//                        message names the step ("3.070-PRO-2.7") and who may take it.
//   - FAILED_PRECONDITION the plan is not in a state the step follows, or the
//                        step's moment has not come: a report whose form is not
//                        yet sent, a final recommendation before the review
//                        period ends or while a progress report due by then is
//                        not concurred; the message names the expected state(s)
//                        and, after "; it is", the current one.
//   - INVALID_ARGUMENT   the content breaks a rule: missing comments, items,
//                        checklist or PAS reference; a report date not on the
//                        schedule; a coaching entry with problems
//                        (coaching_log.h) or dated outside [start, today]; a
//                        debrief of an event §6 allows only as existing;
//                        an extension without days > 0.
// Checks run in that order (role, state, assigned person, content).
//
// Decisions where PRO-2 is silent (as TeleStaff / Odoo-style workflows do):
//   - The review period runs from the day the plan is opened (PRO-2.1) for the
//     designated days: period_end = start + days − 1 (a 30-day plan opened on
//     April 1 ends April 30). "No review necessary" is a plan with no period
//     end: progress reports continue twice monthly until the plan is closed,
//     and the sergeant may recommend (PRO-2.9) whenever the plan has been
//     implemented.
//   - The Coordinator's twice-monthly forms (PRO-2.1) are the schedule
//     (progress_schedule.h): each form is issued on the previous due date.
//   - Modifications (PRO-2.6) are recorded by the sergeant as a new version of
//     the items with a reason; the chain's concurrence is the lieutenant's
//     concurrence on the next progress report, which lists the version.
//   - The lieutenant may return the final recommendation to the sergeant
//     (PRO-2.10) and the captain the lieutenant's (PRO-2.13), as in PRO-1.
//   - An extension (PRO-2.14) lengthens the period by its days from the later
//     of the old period end and the designation date; the plan goes back to
//     implementation and the cycle (reports, 2.9–2.14) repeats. The
//     Coordinator and bureau chief (2.15–2.18) see the plan once the captain
//     designates completion.
//   - The bureau chief's "additional actions" (PRO-2.18) go back to the
//     captain, who oversees the plan (3.070 §2) and designates again:
//     completion, or an extension that sends the sergeant back to work.
//   - Coaching and reports are taken only while the plan is being implemented
//     (after the lieutenant's review with the employee, PRO-2.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/org/org_types.h"
#include "domain/pmp/plan/coaching_log.h"
#include "domain/pmp/plan/debrief_restriction.h"
#include "domain/pmp/plan/progress_schedule.h"
#include "domain/pmp/review/review_workflow.h"
#include "time/civil_date.h"

namespace rollcall::pmp::plan {

using review::ActorContext;

// The states of a plan, each named after the step just completed; to_string
// gives the text stored in SQL (in quotes).
enum class PlanState {
  // PRO-2.1 the Coordinator sent the first PMPR form to the lieutenant. "form-sent"
  kFormSent,
  // PRO-2.2 the lieutenant reviewed the plan with the employee and sergeant;
  // PRO-2.3–2.8 coaching, modifications and progress reports. "implementing"
  kImplementing,
  // PRO-2.9 the sergeant recommended at the end of the period. "sergeant-recommended"
  kSergeantRecommended,
  // PRO-2.10–2.11 the lieutenant reviewed and specified removal or not. "lieutenant-specified"
  kLieutenantSpecified,
  // PRO-2.12 the lieutenant forwarded the reports to the captain (PRO-2.13
  // the captain reviews). "captain-review"
  kCaptainReview,
  // PRO-2.13 the captain returned them to the lieutenant. "returned-to-lieutenant"
  kReturnedToLieutenant,
  // PRO-2.14 the captain designated completion (removal). "completion-designated"
  kCompletionDesignated,
  // PRO-2.15 the Coordinator received the reports. "received-by-coordinator"
  kReceivedByCoordinator,
  // PRO-2.16 the Coordinator forwarded them to the bureau chief. "bureau-chief-review"
  kBureauChiefReview,
  // PRO-2.18 the bureau chief directed additional actions. "returned-to-captain"
  kReturnedToCaptain,
  // PRO-2.18 the bureau chief designated the plan completed. Final. "completed"
  kCompleted,
};
std::string_view to_string(PlanState s);
std::optional<PlanState> parse_plan_state(std::string_view s);
bool is_final(PlanState s);

enum class ActionKind {
  kReviewWithEmployee,       // PRO-2.2  the lieutenant; comments required
  kLogCoaching,              // PRO-2.4–2.5 the sergeant; a CoachingEntry
  kModifyPlan,               // PRO-2.6  the sergeant; new items and a reason (comments)
  kSubmitReport,             // PRO-2.7–2.8 the sergeant; report date, checklist, PAS reference
  kConcurReport,             // PRO-2.3  the lieutenant; report date
  kReturnReport,             // PRO-2.3  the lieutenant; report date, comments required
  kRecommend,                // PRO-2.9  the sergeant; a FinalRecommendation
  kReturnToSergeant,         // PRO-2.10 the lieutenant; comments required
  kSpecify,                  // PRO-2.10–2.11 the lieutenant; remove or not
  kForwardToCaptain,         // PRO-2.12 the lieutenant
  kReturnToLieutenant,       // PRO-2.13 the captain; comments required
  kDesignate,                // PRO-2.14 the captain; completion or extension days
  kReceive,                  // PRO-2.15 a Coordinator
  kForwardToBureauChief,     // PRO-2.16 a Coordinator
  kComplete,                 // PRO-2.17–2.18 the bureau chief
  kDirectAdditionalActions,  // PRO-2.18 the bureau chief; comments required
};
std::string_view to_string(ActionKind k);  // "review-with-employee", …
std::string_view step_of(ActionKind k);    // "3.070-PRO-2.7"
std::optional<ActionKind> parse_action_kind(std::string_view s);
// The step in words: "submit a progress report".
std::string_view title_of(ActionKind k);

// The steps that may be taken in `state`, in PRO-2 order (none when final).
std::vector<ActionKind> actions_in(PlanState state);
// The role a step needs.
access::Role role_of(ActionKind k);

// PRO-2.9: has the employee participated in and progressed in the training
// and coaching?
struct FinalRecommendation {
  bool participated = false;
  bool progressed = false;
  std::string comments;
  Date on;
};

// PRO-2.14: completion (removal from the program) or an extension.
struct CaptainDesignation {
  bool complete = true;
  int extension_days = 0;  // > 0 exactly when !complete
};

// "submitted" | "returned" | "concurred"; "missing" for a slot without a report.
enum class ReportStatus { kMissing, kSubmitted, kReturned, kConcurred };
std::string_view to_string(ReportStatus s);
std::optional<ReportStatus> parse_report_status(std::string_view s);

// One PMPR (PRO-2.7–2.8), for one slot of the schedule.
struct ProgressReport {
  Date due;  // identifies the slot
  ReportStatus status = ReportStatus::kSubmitted;
  Date submitted_on;
  std::vector<std::string> checklist;  // PRO-2.5 actions/training taken
  std::string pas_reference;           // PRO-2.8 the PAS entry documenting it
  int plan_version = 1;                // the plan items it reports on
  std::string comments;
  std::optional<Date> decided_on;  // concurred or returned
  int returns = 0;
};

// One version of the plan's items (PRO-1.9 developed, PRO-2.6 modified).
struct PlanVersion {
  int version = 1;
  Date on;
  org::EmployeeId by = 0;
  std::vector<std::string> items;
  std::string reason;  // empty for version 1
};

struct Action {
  ActionKind kind = ActionKind::kReviewWithEmployee;
  Instant at;  // when it was taken (UTC)
  Date on;     // its agency-zone date
  std::string comments;
  std::vector<std::string> items;      // modify: new items; submit: checklist
  std::optional<Date> report_due;      // submit, concur, return report
  std::string pas_reference;           // submit report
  std::optional<CoachingEntry> entry;  // log coaching
  // Log a debrief of an indicator event: the caller's debrief_view() of that
  // event on the entry's date (required for such a debrief).
  std::optional<DebriefView> debrief;
  std::optional<FinalRecommendation> recommendation;  // recommend (its `on` is ignored)
  std::optional<bool> remove;                         // specify
  std::optional<CaptainDesignation> designation;      // designate
};

struct StepTaken {
  std::string step;  // "3.070-PRO-2.7"
  std::string what;  // to_string(ActionKind) or "open"
  org::EmployeeId actor = 0;
  Instant at;
  Date on;
  PlanState from = PlanState::kFormSent;
  PlanState to = PlanState::kFormSent;
  std::string comments;
};

struct Plan {
  std::int64_t id = 0;
  std::int64_t review_id = 0;
  org::EmployeeId employee = 0;
  org::EmployeeId coordinator = 0;  // who opened it (any Coordinator may act)
  org::EmployeeId captain = 0;
  org::EmployeeId lieutenant = 0;
  org::EmployeeId sergeant = 0;
  org::EmployeeId bureau_chief = 0;
  review::Designation designation;  // PRO-1.15, as concurred
  ReportSchedule schedule;
  Date start;                      // PRO-2.1, the first form sent
  std::optional<Date> period_end;  // last day of the review period; nullopt: no review necessary
  PlanState state = PlanState::kFormSent;
  Date state_since;
  std::optional<Date> reviewed_with_employee;  // PRO-2.2
  std::vector<PlanVersion> versions;           // never empty; back() is current
  std::vector<CoachingEntry> coaching;         // PRO-2.4–2.5, in the order logged
  std::vector<ProgressReport> reports;         // PRO-2.7, one per slot submitted, by due date
  std::optional<FinalRecommendation> recommendation;  // PRO-2.9 of the current round
  std::optional<bool> lieutenant_remove;              // PRO-2.11 of the current round
  std::optional<Date> lieutenant_received;            // PRO-2.9: the recommendation's date
  std::optional<Date> captain_received;               // PRO-2.12, or a bureau chief's return
  std::optional<Date> corrections_since;              // PRO-2.10 returned, until re-recommended
  std::optional<Date> reports_end;  // no period end: the PRO-2.9 date, which ends the schedule
  int extensions = 0;               // PRO-2.14
  int returns = 0;                  // times sent back down the chain
  std::optional<Date> closed_on;    // PRO-2.18 completed
  std::vector<StepTaken> history;
};

// PRO-2.1: a Coordinator, on receipt of the completed review, opens the plan
// and sends the first PMPR form to the lieutenant. The plan starts on `on` in
// kFormSent with the review's people, items (version 1) and designation.
//   PERMISSION_DENIED   the actor is not a Coordinator, or is the employee;
//   FAILED_PRECONDITION the review is not in kPlanDesignated;
//   INVALID_ARGUMENT    the review lacks a lieutenant, sergeant, captain or
//                       bureau chief, or its designation is not a plan.
Result<Plan> open_plan(std::int64_t id, const review::Review& review, const ActorContext& actor,
                       Instant at, Date on, const ReportSchedule& schedule = {});

// The person of `plan` a step is assigned to (0: any Coordinator).
org::EmployeeId assigned_for(const Plan& plan, ActionKind k);

// Takes one step. Never modifies `plan`; on success returns the new plan with
// the step appended to its history. Errors as in the file comment.
Result<Plan> apply(const Plan& plan, const Action& action, const ActorContext& actor);

// The plan's report slots due on or before `through` and on or before the
// end of its schedule: the period end, or for a plan with no period end the
// day of the sergeant's final recommendation once made (PRO-2.9).
std::vector<ReportSlot> report_slots(const Plan& plan, Date through);
// The status of the report for the slot due on `due`.
ReportStatus report_status(const Plan& plan, Date due);

// Days allowed for each awaited step; the department's, with these defaults
// as a starting point (PRO-2 fixes none but "twice monthly").
struct PlanDeadlines {
  int review_with_employee_days = 7;  // form sent → reviewed with the employee (PRO-2.2)
  int report_grace_days = 0;          // a report is late the day after its due date (+ grace)
  int report_resubmit_days = 3;       // a returned report → resubmitted
  int report_concurrence_days = 5;    // submitted → the lieutenant's concurrence (PRO-2.3, 2.7)
  int final_recommendation_days = 7;  // period end → the sergeant's recommendation (PRO-2.9)
  int corrections_days = 7;           // returned to sergeant → re-recommended (PRO-2.10)
  int lieutenant_days = 5;            // recommendation → forwarded to the captain (2.10–2.12),
                                      // or a captain's return → forwarded again
  int captain_days = 7;               // captain's receipt → designation (PRO-2.13–2.14)
  int coordinator_days = 3;           // designation → forwarded to the bureau chief (2.15–2.16)
  int bureau_chief_days = 10;         // bureau chief review → final disposition (2.17–2.18)
};

// When the next awaited step is due: while implementing, the earliest of the
// outstanding reports (missing, returned or awaiting concurrence) and the
// final recommendation (none for a plan with no period end); nullopt when
// completed.
std::optional<Date> due(const Plan& plan, const PlanDeadlines& deadlines);
// True if the awaited step is due before `today` (due on `today` is not late).
bool overdue(const Plan& plan, Date today, const PlanDeadlines& deadlines);
// Due dates of the slots whose report is late on `today`, in order: missing
// and due + grace < today, or returned and returned-on + resubmit days <
// today. None outside kFormSent / kImplementing.
std::vector<Date> overdue_reports(const Plan& plan, Date today, const PlanDeadlines& deadlines);

}  // namespace rollcall::pmp::plan
