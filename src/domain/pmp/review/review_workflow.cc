#include "domain/pmp/review/review_workflow.h"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/pmp/review/chain_level.h"

namespace rollcall::pmp::review {
namespace {

using access::Role;

constexpr std::array<std::pair<ReviewState, std::string_view>, 19> kStateNames{{
    {ReviewState::kIdentified, "identified"},
    {ReviewState::kCaptainNotified, "captain-notified"},
    {ReviewState::kLieutenantAssigned, "lieutenant-assigned"},
    {ReviewState::kLieutenantReviewed, "lieutenant-reviewed"},
    {ReviewState::kSergeantAssigned, "sergeant-assigned"},
    {ReviewState::kSergeantReviewed, "sergeant-reviewed"},
    {ReviewState::kSergeantRecommended, "sergeant-recommended"},
    {ReviewState::kPlanDeveloped, "plan-developed"},
    {ReviewState::kSubmittedToLieutenant, "submitted-to-lieutenant"},
    {ReviewState::kReturnedToSergeant, "returned-to-sergeant"},
    {ReviewState::kCaptainReview, "captain-review"},
    {ReviewState::kReturnedToLieutenant, "returned-to-lieutenant"},
    {ReviewState::kCaptainDesignated, "captain-designated"},
    {ReviewState::kForwardedToCoordinator, "forwarded-to-coordinator"},
    {ReviewState::kReceivedByCoordinator, "received-by-coordinator"},
    {ReviewState::kBureauChiefReview, "bureau-chief-review"},
    {ReviewState::kReturnedToCaptain, "returned-to-captain"},
    {ReviewState::kClosedNoPlan, "closed-no-plan"},
    {ReviewState::kPlanDesignated, "plan-designated"},
}};

// Who the procedure names for a step (chain_level.h).
using Who = ChainLevel;

std::string_view title_of(Who w) {
  switch (w) {
    case Who::kCoordinator:
      return "the Performance Mentoring Coordinator";
    case Who::kCaptain:
      return "the section captain in the employee's chain of command";
    case Who::kLieutenant:
      return "the lieutenant in the employee's chain of command";
    case Who::kSergeant:
      return "the employee's sergeant";
    case Who::kBureauChief:
      return "the employee's bureau chief";
  }
  return "?";
}

struct Spec {
  ActionKind kind;
  std::string_view name;   // to_string(ActionKind)
  std::string_view step;   // clause id
  std::string_view title;  // what the step does, in words
  Who who;
  std::vector<ReviewState> from;  // states the step may follow; empty: any open state
};

const std::vector<Spec>& specs() {
  using S = ReviewState;
  static const std::vector<Spec> kSpecs{
      {ActionKind::kNotifyCaptain,
       "notify-captain",
       "3.070-PRO-1.2",
       "notify the section captain",
       Who::kCoordinator,
       {S::kIdentified}},
      {ActionKind::kAssignLieutenant,
       "assign-lieutenant",
       "3.070-PRO-1.3",
       "assign a lieutenant",
       Who::kCaptain,
       {S::kCaptainNotified}},
      {ActionKind::kReviewCircumstances,
       "review-circumstances",
       "3.070-PRO-1.4",
       "review the factors and circumstances",
       Who::kLieutenant,
       {S::kLieutenantAssigned}},
      {ActionKind::kAssignSergeant,
       "assign-sergeant",
       "3.070-PRO-1.5",
       "assign the sergeant and direct coaching strategies",
       Who::kLieutenant,
       {S::kLieutenantReviewed}},
      {ActionKind::kReviewIncidents,
       "review-incidents",
       "3.070-PRO-1.7",
       "review the triggering incidents",
       Who::kSergeant,
       {S::kSergeantAssigned}},
      {ActionKind::kRecommend,
       "recommend",
       "3.070-PRO-1.8",
       "recommend a plan or no action",
       Who::kSergeant,
       {S::kSergeantReviewed, S::kReturnedToSergeant}},
      {ActionKind::kDevelopPlan,
       "develop-plan",
       "3.070-PRO-1.9",
       "develop the Mentoring Plan",
       Who::kSergeant,
       {S::kSergeantRecommended}},
      {ActionKind::kSubmit,
       "submit",
       "3.070-PRO-1.10",
       "submit the review",
       Who::kSergeant,
       {S::kSergeantRecommended, S::kPlanDeveloped}},
      {ActionKind::kReturnToSergeant,
       "return-to-sergeant",
       "3.070-PRO-1.12",
       "direct corrections",
       Who::kLieutenant,
       {S::kSubmittedToLieutenant, S::kReturnedToLieutenant}},
      {ActionKind::kLieutenantRecommend,
       "lieutenant-recommend",
       "3.070-PRO-1.13",
       "review and recommend to the captain",
       Who::kLieutenant,
       {S::kSubmittedToLieutenant, S::kReturnedToLieutenant}},
      {ActionKind::kReturnToLieutenant,
       "return-to-lieutenant",
       "3.070-PRO-1.14",
       "return the review down the chain",
       Who::kCaptain,
       {S::kCaptainReview, S::kReturnedToCaptain}},
      {ActionKind::kDesignate,
       "designate",
       "3.070-PRO-1.15",
       "designate a plan or none and the review period",
       Who::kCaptain,
       {S::kCaptainReview, S::kReturnedToCaptain}},
      {ActionKind::kForwardToCoordinator,
       "forward-to-coordinator",
       "3.070-PRO-1.16",
       "forward the review to the Coordinator",
       Who::kCaptain,
       {S::kCaptainDesignated}},
      {ActionKind::kReceive,
       "receive",
       "3.070-PRO-1.17",
       "receive the completed review",
       Who::kCoordinator,
       {S::kForwardedToCoordinator}},
      {ActionKind::kForwardToBureauChief,
       "forward-to-bureau-chief",
       "3.070-PRO-1.18",
       "forward the review to the bureau chief",
       Who::kCoordinator,
       {S::kReceivedByCoordinator}},
      {ActionKind::kConcur,
       "concur",
       "3.070-PRO-1.18",
       "concur with the review",
       Who::kBureauChief,
       {S::kBureauChiefReview}},
      {ActionKind::kReturnForAdditionalAction,
       "return-for-additional-action",
       "3.070-PRO-1.18",
       "return the review for additional action",
       Who::kBureauChief,
       {S::kBureauChiefReview}},
      {ActionKind::kAssist,
       "assist",
       "3.070-PRO-1.19",
       "provide assistance",
       Who::kCoordinator,
       {}},
  };
  return kSpecs;
}

const Spec& spec_of(ActionKind k) {
  for (const Spec& s : specs()) {
    if (s.kind == k) return s;
  }
  return specs().back();
}

Status denied(std::string m) { return permission_denied(std::move(m)); }

std::string who_may(const Spec& s) {
  return std::string(s.step) + " (" + std::string(s.title) + ") may be taken only by " +
         std::string(title_of(s.who)) + " (role " + std::string(access::to_string(role_of(s.who))) +
         ")";
}

// Role and chain of command: may this person take this kind of step at all?
Status check_role(const Review& r, const Spec& s, const ActorContext& a) {
  const std::string actor = "employee " + std::to_string(a.employee);
  if (a.employee == r.employee) {
    return denied(who_may(s) + "; " + actor + " is the subject of the review");
  }
  if (!has_role(a.roles, role_of(s.who))) {
    return denied(who_may(s) + "; " + actor + " does not hold that role");
  }
  if (s.who != Who::kCoordinator && !a.in_chain) {
    return denied(who_may(s) + "; " + actor + " is not in the employee's chain of command");
  }
  return Status::ok();
}

Status check_state(const Review& r, const Spec& s) {
  if (is_final(r.state)) {
    return failed_precondition(std::string(s.step) + " (" + std::string(s.title) +
                               "): the review is " + std::string(to_string(r.state)) +
                               "; PRO-1 is finished");
  }
  if (s.from.empty() || std::find(s.from.begin(), s.from.end(), r.state) != s.from.end()) {
    return Status::ok();
  }
  std::string expected;
  for (ReviewState f : s.from) {
    expected += (expected.empty() ? "" : " or ") + std::string(to_string(f));
  }
  return failed_precondition(std::string(s.step) + " (" + std::string(s.title) +
                             ") needs the review in state " + expected + "; it is " +
                             std::string(to_string(r.state)));
}

// The person assigned at the step's level.
Status check_assigned(const Review& r, const Spec& s, const ActorContext& a) {
  if (s.who == Who::kCoordinator) return Status::ok();
  const org::EmployeeId assigned = assigned_at(r, s.who);
  if (assigned != a.employee) {
    return denied(who_may(s) + "; the review is assigned to employee " + std::to_string(assigned) +
                  ", not employee " + std::to_string(a.employee));
  }
  return Status::ok();
}

Status check_assignee(const Review& r, const Spec& s, const Action& act, Who who) {
  if (!act.assignee) {
    return invalid_argument(std::string(s.step) + " (" + std::string(s.title) + ") names " +
                            std::string(title_of(who)));
  }
  const Assignee& x = *act.assignee;
  const std::string name = "employee " + std::to_string(x.employee);
  if (x.employee == r.employee) {
    return invalid_argument(std::string(s.step) + ": " + name + " is the subject of the review");
  }
  if (!has_role(x.roles, role_of(who))) {
    return invalid_argument(std::string(s.step) + ": " + name + " is not " +
                            std::string(title_of(who)) + " (role " +
                            std::string(access::to_string(role_of(who))) + ")");
  }
  if (!x.in_chain) {
    return invalid_argument(std::string(s.step) + ": " + name +
                            " is not in the employee's chain of command");
  }
  return Status::ok();
}

Status need_comments(const Spec& s, const Action& act) {
  if (act.comments.empty()) {
    return invalid_argument(std::string(s.step) + " (" + std::string(s.title) + ") needs comments");
  }
  return Status::ok();
}

Status check_designation(const std::optional<Designation>& d) {
  if (!d) return invalid_argument("3.070-PRO-1.15: a designation is required");
  if (!d->plan) {
    if (d->period != ReviewPeriod::kNoReviewNecessary || d->other_days != 0) {
      return invalid_argument("3.070-PRO-1.15: no plan takes no review period");
    }
    return Status::ok();
  }
  if (d->period == ReviewPeriod::kOther && d->other_days <= 0) {
    return invalid_argument("3.070-PRO-1.15: \"other\" needs a number of days greater than 0");
  }
  if (d->period != ReviewPeriod::kOther && d->other_days != 0) {
    return invalid_argument("3.070-PRO-1.15: a number of days goes only with \"other\"");
  }
  return Status::ok();
}

void enter(Review& r, ReviewState to, const Action& act) {
  if (to != r.state) r.state_since = act.on;
  r.state = to;
}

std::optional<Date> entered(const Review& r, ReviewState s) {
  for (auto it = r.history.rbegin(); it != r.history.rend(); ++it) {
    if (it->to == s && it->from != s) return it->on;
  }
  return std::nullopt;
}

std::optional<Date> plus(std::optional<Date> d, int days) {
  if (!d) return std::nullopt;
  return d->plus_days(days);
}

}  // namespace

std::string_view to_string(ReviewState s) {
  for (const auto& [state, name] : kStateNames) {
    if (state == s) return name;
  }
  return "?";
}

std::optional<ReviewState> parse_review_state(std::string_view s) {
  for (const auto& [state, name] : kStateNames) {
    if (name == s) return state;
  }
  return std::nullopt;
}

bool is_final(ReviewState s) {
  return s == ReviewState::kClosedNoPlan || s == ReviewState::kPlanDesignated;
}

std::string_view to_string(ActionKind k) { return spec_of(k).name; }

std::optional<ActionKind> parse_action_kind(std::string_view s) {
  for (const Spec& spec : specs()) {
    if (spec.name == s) return spec.kind;
  }
  return std::nullopt;
}

std::optional<Recommendation> parse_recommendation(std::string_view s) {
  if (s == "plan") return Recommendation::kMentoringPlan;
  if (s == "no-action") return Recommendation::kNoAction;
  return std::nullopt;
}

std::optional<ReviewPeriod> parse_review_period(std::string_view s) {
  for (auto p : {ReviewPeriod::k30Days, ReviewPeriod::k60Days, ReviewPeriod::k90Days,
                 ReviewPeriod::kOther, ReviewPeriod::kNoReviewNecessary}) {
    if (to_string(p) == s) return p;
  }
  return std::nullopt;
}

Awaited awaited(const Review& r) {
  Awaited out;
  if (is_final(r.state)) return out;
  for (const Spec& s : specs()) {
    if (s.from.empty()) continue;  // assist: any open state, never awaited
    if (std::find(s.from.begin(), s.from.end(), r.state) == s.from.end()) continue;
    // PRO-1.9 follows a recommendation of a plan only; PRO-1.10 follows a
    // recommendation of no action directly.
    if (r.state == ReviewState::kSergeantRecommended) {
      const bool plan = r.sergeant_recommendation == Recommendation::kMentoringPlan;
      if (s.kind == ActionKind::kDevelopPlan && !plan) continue;
      if (s.kind == ActionKind::kSubmit && plan) continue;
    }
    if (out.actions.empty()) {
      out.role = role_of(s.who);
      out.step = s.step;
      out.what = s.title;
      out.assigned = assigned_at(r, s.who);
    }
    out.actions.push_back(s.kind);
  }
  return out;
}
std::string_view step_of(ActionKind k) { return spec_of(k).step; }

std::string_view to_string(Recommendation r) {
  return r == Recommendation::kMentoringPlan ? "plan" : "no-action";
}

std::string_view to_string(ReviewPeriod p) {
  switch (p) {
    case ReviewPeriod::k30Days:
      return "30";
    case ReviewPeriod::k60Days:
      return "60";
    case ReviewPeriod::k90Days:
      return "90";
    case ReviewPeriod::kOther:
      return "other";
    case ReviewPeriod::kNoReviewNecessary:
      return "no-review";
  }
  return "?";
}

std::optional<int> Designation::days() const {
  if (!plan) return std::nullopt;
  switch (period) {
    case ReviewPeriod::k30Days:
      return 30;
    case ReviewPeriod::k60Days:
      return 60;
    case ReviewPeriod::k90Days:
      return 90;
    case ReviewPeriod::kOther:
      return other_days;
    case ReviewPeriod::kNoReviewNecessary:
      return std::nullopt;
  }
  return std::nullopt;
}

Result<Review> identify(std::int64_t id, org::EmployeeId employee, ReviewTrigger trigger,
                        const ActorContext& actor, Instant at, Date on) {
  const std::string step = "3.070-PRO-1.1 (identify the employee)";
  if (!has_role(actor.roles, Role::kCoordinator)) {
    return denied(step + " may be taken only by the Performance Mentoring Coordinator (role " +
                  std::string(access::to_string(Role::kCoordinator)) + "); employee " +
                  std::to_string(actor.employee) + " does not hold that role");
  }
  if (actor.employee == employee) {
    return denied(step + ": employee " + std::to_string(actor.employee) +
                  " is the subject of the review");
  }
  Review r;
  r.id = id;
  r.employee = employee;
  r.trigger = std::move(trigger);
  r.coordinator = actor.employee;
  r.state = ReviewState::kIdentified;
  r.state_since = on;
  r.history.push_back({"3.070-PRO-1.1", "identify", actor.employee, at, on,
                       ReviewState::kIdentified, ReviewState::kIdentified, ""});
  return r;
}

Result<Review> apply(const Review& review, const Action& act, const ActorContext& actor) {
  const Spec& s = spec_of(act.kind);
  RC_RETURN_IF_ERROR(check_role(review, s, actor));
  RC_RETURN_IF_ERROR(check_state(review, s));
  RC_RETURN_IF_ERROR(check_assigned(review, s, actor));

  Review r = review;
  const ReviewState from = r.state;
  using S = ReviewState;
  switch (act.kind) {
    case ActionKind::kNotifyCaptain:  // PRO-1.2
      RC_RETURN_IF_ERROR(check_assignee(r, s, act, Who::kCaptain));
      r.captain = act.assignee->employee;
      enter(r, S::kCaptainNotified, act);
      break;
    case ActionKind::kAssignLieutenant:  // PRO-1.3
      RC_RETURN_IF_ERROR(check_assignee(r, s, act, Who::kLieutenant));
      r.lieutenant = act.assignee->employee;
      r.lieutenant_received = act.on;
      enter(r, S::kLieutenantAssigned, act);
      break;
    case ActionKind::kReviewCircumstances:  // PRO-1.4
      RC_RETURN_IF_ERROR(need_comments(s, act));
      enter(r, S::kLieutenantReviewed, act);
      break;
    case ActionKind::kAssignSergeant:  // PRO-1.5 and PRO-1.6
      RC_RETURN_IF_ERROR(check_assignee(r, s, act, Who::kSergeant));
      if (act.items.empty()) {
        return invalid_argument(
            "3.070-PRO-1.6: direct at least one coaching and mentoring strategy (3.070 §6)");
      }
      r.sergeant = act.assignee->employee;
      r.coaching_strategies = act.items;
      r.sergeant_received = act.on;
      enter(r, S::kSergeantAssigned, act);
      break;
    case ActionKind::kReviewIncidents:  // PRO-1.7
      enter(r, S::kSergeantReviewed, act);
      break;
    case ActionKind::kRecommend:  // PRO-1.8
      if (!act.recommendation) {
        return invalid_argument("3.070-PRO-1.8: recommend a plan or no action");
      }
      r.sergeant_recommendation = act.recommendation;
      if (*act.recommendation == Recommendation::kNoAction) r.plan_items.clear();
      enter(r, S::kSergeantRecommended, act);
      break;
    case ActionKind::kDevelopPlan:  // PRO-1.9
      if (r.sergeant_recommendation != Recommendation::kMentoringPlan) {
        return failed_precondition(
            "3.070-PRO-1.9 (develop the Mentoring Plan) needs a recommendation of a plan; the "
            "sergeant recommended no action: submit instead");
      }
      if (act.items.empty()) {
        return invalid_argument("3.070-PRO-1.9: the plan needs at least one checklist item");
      }
      r.plan_items = act.items;
      enter(r, S::kPlanDeveloped, act);
      break;
    case ActionKind::kSubmit:  // PRO-1.10
      if (r.state == S::kSergeantRecommended &&
          r.sergeant_recommendation == Recommendation::kMentoringPlan) {
        return failed_precondition(
            "3.070-PRO-1.10 (submit the review) needs the review in state plan-developed when a "
            "plan is recommended (3.070-PRO-1.9); it is sergeant-recommended");
      }
      r.corrections_since.reset();
      enter(r, S::kSubmittedToLieutenant, act);
      break;
    case ActionKind::kReturnToSergeant:  // PRO-1.11–12
      RC_RETURN_IF_ERROR(need_comments(s, act));
      r.corrections_since = act.on;
      ++r.returns;
      enter(r, S::kReturnedToSergeant, act);
      break;
    case ActionKind::kLieutenantRecommend:  // PRO-1.11, 13
      if (!act.recommendation) {
        return invalid_argument("3.070-PRO-1.13: recommend a plan or no action");
      }
      r.lieutenant_recommendation = act.recommendation;
      r.captain_received = act.on;  // each receipt starts the captain's week
      enter(r, S::kCaptainReview, act);
      break;
    case ActionKind::kReturnToLieutenant:  // PRO-1.14
      RC_RETURN_IF_ERROR(need_comments(s, act));
      ++r.returns;
      enter(r, S::kReturnedToLieutenant, act);
      break;
    case ActionKind::kDesignate:  // PRO-1.15
      RC_RETURN_IF_ERROR(check_designation(act.designation));
      r.designation = act.designation;
      enter(r, S::kCaptainDesignated, act);
      break;
    case ActionKind::kForwardToCoordinator:  // PRO-1.16
      enter(r, S::kForwardedToCoordinator, act);
      break;
    case ActionKind::kReceive:  // PRO-1.17
      enter(r, S::kReceivedByCoordinator, act);
      break;
    case ActionKind::kForwardToBureauChief:  // PRO-1.18
      RC_RETURN_IF_ERROR(check_assignee(r, s, act, Who::kBureauChief));
      r.bureau_chief = act.assignee->employee;
      enter(r, S::kBureauChiefReview, act);
      break;
    case ActionKind::kConcur:  // PRO-1.18 concurrence
      enter(r, r.designation && r.designation->plan ? S::kPlanDesignated : S::kClosedNoPlan, act);
      break;
    case ActionKind::kReturnForAdditionalAction:  // PRO-1.18 return
      RC_RETURN_IF_ERROR(need_comments(s, act));
      ++r.returns;
      r.captain_received = act.on;
      enter(r, S::kReturnedToCaptain, act);
      break;
    case ActionKind::kAssist:  // PRO-1.19
      RC_RETURN_IF_ERROR(need_comments(s, act));
      break;
  }
  r.history.push_back({std::string(s.step), std::string(s.name), actor.employee, act.at, act.on,
                       from, r.state, act.comments});
  return r;
}

std::optional<Date> due(const Review& r, const ReviewDeadlines& d) {
  using S = ReviewState;
  switch (r.state) {
    case S::kIdentified:
      return r.state_since.plus_days(d.notify_captain_days);
    case S::kCaptainNotified:
      return r.state_since.plus_days(d.assign_lieutenant_days);
    case S::kLieutenantAssigned:
    case S::kLieutenantReviewed:
      return plus(r.lieutenant_received, d.assign_sergeant_days);
    case S::kSergeantAssigned:
    case S::kSergeantReviewed:
    case S::kSergeantRecommended:
    case S::kPlanDeveloped:
    case S::kReturnedToSergeant:
      if (r.corrections_since) return plus(r.corrections_since, d.corrections_days);
      return plus(r.sergeant_received, d.sergeant_submit_days);
    case S::kSubmittedToLieutenant:
    case S::kReturnedToLieutenant:
      return r.state_since.plus_days(d.lieutenant_review_days);
    case S::kCaptainReview:
    case S::kCaptainDesignated:
    case S::kReturnedToCaptain:
      return plus(r.captain_received, d.captain_forward_days);
    case S::kForwardedToCoordinator:
    case S::kReceivedByCoordinator:
      return plus(entered(r, S::kForwardedToCoordinator), d.coordinator_forward_days);
    case S::kBureauChiefReview:
      return r.state_since.plus_days(d.bureau_chief_days);
    case S::kClosedNoPlan:
    case S::kPlanDesignated:
      return std::nullopt;
  }
  return std::nullopt;
}

bool overdue(const Review& r, Date today, const ReviewDeadlines& d) {
  const auto when = due(r, d);
  return when && *when < today;
}

}  // namespace rollcall::pmp::review
