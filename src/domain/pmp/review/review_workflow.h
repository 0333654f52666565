// The Performance Mentoring Review of 3.070-PRO-1 ("Documenting the PMR and
// Creating the Mentoring Plan"), steps 1–19, as a pure state machine.
//
// No storage, no API, no clock reads: the caller loads a Review, states who is
// acting (ActorContext, precomputed from OrgSnapshot and access::roles_on on
// the day), passes the instant and the agency-zone date of the action, and
// stores the Review that comes back (with the audit record) in one transaction.
//
// Each step may be taken only by the role PRO-1 names for it, only by the
// person assigned to the review at that level, and only in the state the step
// follows; no state can be skipped. apply() returns:
//   - PERMISSION_DENIED  the actor lacks the step's role, is outside the
//                        employee's chain of command (chain roles), is not the
//                        person assigned at that level, or is the employee;
//                        the message names the step and who may take it.
//   - FAILED_PRECONDITION the review is not in a state the step follows (a
//                        skipped or repeated step); the message names the
//                        expected state(s) and the current one.
//   - INVALID_ARGUMENT   the step's content breaks a rule: an assignee without
//                        the right role or outside the chain, missing
//                        comments, strategies or checklist items, a
//                        designation that is not one of 30/60/90/other/none.
// Checks run in that order (role, state, content).
//
// Deadlines are data (ReviewDeadlines); due() says when the step awaited in
// the current state is due.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/access/access.h"
#include "domain/org/org_types.h"
#include "domain/pmp/indicator.h"
#include "time/civil_date.h"

namespace rollcall::pmp::review {

// The states of a review, in PRO-1 order; each is named after the step just
// completed, and the step awaited in it is the next one. to_string() gives the
// text stored in SQL (in quotes below).
enum class ReviewState {
  // PRO-1.1 the Coordinator identified the employee. "identified"
  kIdentified,
  // PRO-1.2 the Coordinator notified the section captain. "captain-notified"
  kCaptainNotified,
  // PRO-1.3 the captain assigned a lieutenant in the chain. "lieutenant-assigned"
  kLieutenantAssigned,
  // PRO-1.4 the lieutenant reviewed the factors and circumstances. "lieutenant-reviewed"
  kLieutenantReviewed,
  // PRO-1.5–6 the lieutenant assigned the sergeant and directed coaching
  // strategies: the sergeant's receipt. "sergeant-assigned"
  kSergeantAssigned,
  // PRO-1.7 the sergeant reviewed the triggering incidents. "sergeant-reviewed"
  kSergeantReviewed,
  // PRO-1.8 the sergeant recommended a plan or no action. "sergeant-recommended"
  kSergeantRecommended,
  // PRO-1.9 the sergeant developed the Mentoring Plan. "plan-developed"
  kPlanDeveloped,
  // PRO-1.10 the sergeant submitted the plan or the no-action review.
  // "submitted-to-lieutenant"
  kSubmittedToLieutenant,
  // PRO-1.11–12 the lieutenant reviewed it and directed corrections.
  // "returned-to-sergeant"
  kReturnedToSergeant,
  // PRO-1.11, 13 the lieutenant reviewed it and recommended; it is with the
  // captain (the captain's receipt, PRO-1.14). "captain-review"
  kCaptainReview,
  // PRO-1.14 the captain returned it to the lieutenant. "returned-to-lieutenant"
  kReturnedToLieutenant,
  // PRO-1.15 the captain designated a plan or none and the review period.
  // "captain-designated"
  kCaptainDesignated,
  // PRO-1.16 the captain forwarded it to the Coordinator. "forwarded-to-coordinator"
  kForwardedToCoordinator,
  // PRO-1.17 the Coordinator received it. "received-by-coordinator"
  kReceivedByCoordinator,
  // PRO-1.18 the Coordinator forwarded it to the bureau chief. "bureau-chief-review"
  kBureauChiefReview,
  // PRO-1.18 the bureau chief returned it for additional action. "returned-to-captain"
  kReturnedToCaptain,
  // PRO-1.18 the bureau chief concurred with no plan. Final. "closed-no-plan"
  kClosedNoPlan,
  // PRO-1.18 the bureau chief concurred with a plan; PRO-2 follows. Final for
  // PRO-1. "plan-designated"
  kPlanDesignated,
};
std::string_view to_string(ReviewState s);
std::optional<ReviewState> parse_review_state(std::string_view s);
// True for kClosedNoPlan and kPlanDesignated: PRO-1 is finished.
bool is_final(ReviewState s);

// The steps. Step 1 (identify) opens a review: see identify().
enum class ActionKind {
  kNotifyCaptain,              // PRO-1.2  Coordinator; names the section captain
  kAssignLieutenant,           // PRO-1.3  the captain; names a lieutenant in the chain
  kReviewCircumstances,        // PRO-1.4  the lieutenant; comments required
  kAssignSergeant,             // PRO-1.5–6 the lieutenant; names the sergeant, lists strategies
  kReviewIncidents,            // PRO-1.7  the sergeant
  kRecommend,                  // PRO-1.8  the sergeant; plan or no action
  kDevelopPlan,                // PRO-1.9  the sergeant; the plan's checklist items
  kSubmit,                     // PRO-1.10 the sergeant
  kReturnToSergeant,           // PRO-1.12 the lieutenant; comments required
  kLieutenantRecommend,        // PRO-1.11, 13 the lieutenant; plan or no action
  kReturnToLieutenant,         // PRO-1.14 the captain; comments required
  kDesignate,                  // PRO-1.15 the captain; a Designation
  kForwardToCoordinator,       // PRO-1.16 the captain
  kReceive,                    // PRO-1.17 Coordinator
  kForwardToBureauChief,       // PRO-1.18 Coordinator; names the bureau chief
  kConcur,                     // PRO-1.18 the bureau chief
  kReturnForAdditionalAction,  // PRO-1.18 the bureau chief; comments required
  kAssist,                     // PRO-1.19 Coordinator; a note, in any open state, no state change
};
std::string_view to_string(ActionKind k);  // "notify-captain", …
// The clause id of the step: "3.070-PRO-1.3".
std::string_view step_of(ActionKind k);
// The inverse of to_string(ActionKind); nullopt for an unknown name.
std::optional<ActionKind> parse_action_kind(std::string_view s);

// A review opened from a trigger (3.070 §1).
struct ReviewTrigger {
  Indicator indicator = Indicator::kA;
  Date date;                            // the crossing date
  std::vector<std::int64_t> event_ids;  // the events behind it
};

enum class Recommendation { kMentoringPlan, kNoAction };
std::string_view to_string(Recommendation r);  // "plan" | "no-action"
std::optional<Recommendation> parse_recommendation(std::string_view s);

// 3.070 §2: a plan with a 30, 60 or 90 day review period, "other" (a number of
// days), or "no review necessary"; or no plan at all.
enum class ReviewPeriod { k30Days, k60Days, k90Days, kOther, kNoReviewNecessary };
std::string_view to_string(ReviewPeriod p);  // "30" | "60" | "90" | "other" | "no-review"
std::optional<ReviewPeriod> parse_review_period(std::string_view s);
struct Designation {
  bool plan = false;
  ReviewPeriod period = ReviewPeriod::kNoReviewNecessary;  // kNoReviewNecessary when !plan
  int other_days = 0;                                      // > 0 only with kOther
  // Length of the review period in days; nullopt for none.
  std::optional<int> days() const;
  friend bool operator==(const Designation&, const Designation&) = default;
};

// Who is acting, as the caller found them on the day of the action.
struct ActorContext {
  org::EmployeeId employee = 0;
  std::vector<access::Role> roles;  // access::roles_on(org, employee, on)
  bool in_chain = false;            // org.in_chain_of(employee, review.employee, on)
};

// Someone a step assigns the review to; checked like an actor.
struct Assignee {
  org::EmployeeId employee = 0;
  std::vector<access::Role> roles;
  bool in_chain = false;
};

struct Action {
  ActionKind kind = ActionKind::kAssist;
  Instant at;  // when it was taken (UTC)
  Date on;     // the agency-zone date of `at` (the caller converts)
  std::string comments;
  std::optional<Assignee> assignee;              // notify, assign, forward to bureau chief
  std::optional<Recommendation> recommendation;  // recommend, lieutenant recommend
  std::vector<std::string> items;                // strategies (5–6) or checklist items (9)
  std::optional<Designation> designation;        // designate
};

// One entry of the review's history.
struct StepTaken {
  std::string step;  // "3.070-PRO-1.3"
  std::string what;  // to_string(ActionKind) or "identify"
  org::EmployeeId actor = 0;
  Instant at;
  Date on;
  ReviewState from = ReviewState::kIdentified;
  ReviewState to = ReviewState::kIdentified;
  std::string comments;
};

struct Review {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  ReviewTrigger trigger;
  org::EmployeeId coordinator = 0;  // who identified it (any Coordinator may act)
  // Assigned people; 0 until the step that assigns them.
  org::EmployeeId captain = 0;       // PRO-1.2
  org::EmployeeId lieutenant = 0;    // PRO-1.3
  org::EmployeeId sergeant = 0;      // PRO-1.5
  org::EmployeeId bureau_chief = 0;  // PRO-1.18
  ReviewState state = ReviewState::kIdentified;
  Date state_since;                                       // the date the current state was entered
  std::optional<Date> lieutenant_received;                // PRO-1.3
  std::optional<Date> sergeant_received;                  // PRO-1.10 "within two weeks of receipt"
  std::optional<Date> corrections_since;                  // PRO-1.12: returned, until resubmitted
  std::optional<Date> captain_received;                   // PRO-1.16 "within one week of receipt"
  std::vector<std::string> coaching_strategies;           // PRO-1.6
  std::vector<std::string> plan_items;                    // PRO-1.9 checklist
  std::optional<Recommendation> sergeant_recommendation;  // PRO-1.8
  std::optional<Recommendation> lieutenant_recommendation;  // PRO-1.13
  std::optional<Designation> designation;                   // PRO-1.15
  int returns = 0;  // how many times it went back down the chain
  std::vector<StepTaken> history;
};

// PRO-1.1: a Coordinator identifies the employee who met the criteria. The
// review starts in kIdentified. PERMISSION_DENIED unless `actor` holds
// Role::kCoordinator or if the actor is the employee.
Result<Review> identify(std::int64_t id, org::EmployeeId employee, ReviewTrigger trigger,
                        const ActorContext& actor, Instant at, Date on);

// Takes one step. Never modifies `review`; on success returns the new review
// with the step appended to its history. Errors as in the file comment.
Result<Review> apply(const Review& review, const Action& action, const ActorContext& actor);

// Who acts next, and with which steps: what an inbox shows. In a final state
// `actions` is empty.
struct Awaited {
  std::vector<ActionKind> actions;  // the steps that may follow now (assist excluded)
  access::Role role = access::Role::kCoordinator;
  org::EmployeeId assigned = 0;  // the person at that level; 0: any Coordinator
  std::string_view step;         // clause id of the first of `actions`
  std::string_view what;         // that step in words: "notify the section captain"
};
Awaited awaited(const Review& review);

// Days allowed for the step awaited in each state. Policy fixes two (PRO-1.10
// and PRO-1.16); the rest are the department's, with these defaults as a
// starting point. Each counts from the day the state was entered unless said.
struct ReviewDeadlines {
  int notify_captain_days = 3;     // identified → captain notified (PRO-1.2)
  int assign_lieutenant_days = 5;  // captain notified → lieutenant assigned (PRO-1.3)
  int assign_sergeant_days = 5;    // lieutenant assigned → sergeant assigned (PRO-1.4–6),
                                   // counted from the lieutenant's assignment
  int sergeant_submit_days = 14;   // PRO-1.10: from the sergeant's receipt (assignment)
  int corrections_days = 7;        // returned to sergeant → resubmitted (PRO-1.12)
  int lieutenant_review_days = 5;  // submitted / returned to lieutenant → sent on (PRO-1.11–13)
  int captain_forward_days = 7;    // PRO-1.16: from the captain's receipt; after a bureau
                                   // chief's return, from the return
  int coordinator_forward_days = 3;  // forwarded to coordinator → forwarded to chief (17–18)
  int bureau_chief_days = 10;        // bureau chief review → concur or return (PRO-1.18)
};

// When the step awaited in the review's current state is due; nullopt in a
// final state.
std::optional<Date> due(const Review& review, const ReviewDeadlines& deadlines);
// True if the awaited step is due before `today` (due on `today` is not late).
bool overdue(const Review& review, Date today, const ReviewDeadlines& deadlines);

}  // namespace rollcall::pmp::review
