#include "domain/pmp/plan/plan_workflow.h"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/pmp/review/chain_level.h"

namespace rollcall::pmp::plan {
namespace {

using access::Role;

constexpr std::array<std::pair<PlanState, std::string_view>, 11> kStateNames{{
    {PlanState::kFormSent, "form-sent"},
    {PlanState::kImplementing, "implementing"},
    {PlanState::kSergeantRecommended, "sergeant-recommended"},
    {PlanState::kLieutenantSpecified, "lieutenant-specified"},
    {PlanState::kCaptainReview, "captain-review"},
    {PlanState::kReturnedToLieutenant, "returned-to-lieutenant"},
    {PlanState::kCompletionDesignated, "completion-designated"},
    {PlanState::kReceivedByCoordinator, "received-by-coordinator"},
    {PlanState::kBureauChiefReview, "bureau-chief-review"},
    {PlanState::kReturnedToCaptain, "returned-to-captain"},
    {PlanState::kCompleted, "completed"},
}};

// Who the procedure names for a step (chain_level.h).
using Who = ChainLevel;

std::string_view title_of(Who w) {
  switch (w) {
    case Who::kCoordinator:
      return "the Performance Mentoring Coordinator";
    case Who::kCaptain:
      return "the plan's section captain";
    case Who::kLieutenant:
      return "the plan's lieutenant";
    case Who::kSergeant:
      return "the plan's sergeant";
    case Who::kBureauChief:
      return "the employee's bureau chief";
  }
  return "?";
}

struct Spec {
  ActionKind kind;
  std::string_view name;
  std::string_view step;
  std::string_view title;
  Who who;
  std::vector<PlanState> from;
};

const std::vector<Spec>& specs() {
  using S = PlanState;
  static const std::vector<Spec> kSpecs{
      {ActionKind::kReviewWithEmployee,
       "review-with-employee",
       "3.070-PRO-2.2",
       "review the Mentoring Plan with the employee and sergeant",
       Who::kLieutenant,
       {S::kFormSent}},
      {ActionKind::kLogCoaching,
       "log-coaching",
       "3.070-PRO-2.4",
       "coach and mentor the employee",
       Who::kSergeant,
       {S::kImplementing}},
      {ActionKind::kModifyPlan,
       "modify-plan",
       "3.070-PRO-2.6",
       "modify the Mentoring Plan",
       Who::kSergeant,
       {S::kImplementing}},
      {ActionKind::kSubmitReport,
       "submit-report",
       "3.070-PRO-2.7",
       "submit a progress report",
       Who::kSergeant,
       {S::kImplementing}},
      {ActionKind::kConcurReport,
       "concur-report",
       "3.070-PRO-2.3",
       "concur with a progress report",
       Who::kLieutenant,
       {S::kImplementing}},
      {ActionKind::kReturnReport,
       "return-report",
       "3.070-PRO-2.3",
       "return a progress report to the sergeant",
       Who::kLieutenant,
       {S::kImplementing}},
      {ActionKind::kRecommend,
       "recommend",
       "3.070-PRO-2.9",
       "recommend at the completion of the review period",
       Who::kSergeant,
       {S::kImplementing}},
      {ActionKind::kReturnToSergeant,
       "return-to-sergeant",
       "3.070-PRO-2.10",
       "return the recommendation to the sergeant",
       Who::kLieutenant,
       {S::kSergeantRecommended}},
      {ActionKind::kSpecify,
       "specify",
       "3.070-PRO-2.11",
       "specify whether the employee should be removed from the program",
       Who::kLieutenant,
       {S::kSergeantRecommended, S::kReturnedToLieutenant}},
      {ActionKind::kForwardToCaptain,
       "forward-to-captain",
       "3.070-PRO-2.12",
       "forward the progress reports to the section captain",
       Who::kLieutenant,
       {S::kLieutenantSpecified}},
      {ActionKind::kReturnToLieutenant,
       "return-to-lieutenant",
       "3.070-PRO-2.13",
       "return the progress reports to the lieutenant",
       Who::kCaptain,
       {S::kCaptainReview}},
      {ActionKind::kDesignate,
       "designate",
       "3.070-PRO-2.14",
       "designate completion or an extension",
       Who::kCaptain,
       {S::kCaptainReview, S::kReturnedToCaptain}},
      {ActionKind::kReceive,
       "receive",
       "3.070-PRO-2.15",
       "receive the completed progress reports",
       Who::kCoordinator,
       {S::kCompletionDesignated}},
      {ActionKind::kForwardToBureauChief,
       "forward-to-bureau-chief",
       "3.070-PRO-2.16",
       "forward the progress reports to the bureau chief",
       Who::kCoordinator,
       {S::kReceivedByCoordinator}},
      {ActionKind::kComplete,
       "complete",
       "3.070-PRO-2.18",
       "designate the Mentoring Plan completed",
       Who::kBureauChief,
       {S::kBureauChiefReview}},
      {ActionKind::kDirectAdditionalActions,
       "direct-additional-actions",
       "3.070-PRO-2.18",
       "direct additional actions",
       Who::kBureauChief,
       {S::kBureauChiefReview}},
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

std::string head(const Spec& s) { return std::string(s.step) + " (" + std::string(s.title) + ")"; }

std::string who_may(const Spec& s) {
  return head(s) + " may be taken only by " + std::string(title_of(s.who)) + " (role " +
         std::string(access::to_string(role_of(s.who))) + ")";
}

Status check_role(const Plan& p, const Spec& s, const ActorContext& a) {
  const std::string actor = "employee " + std::to_string(a.employee);
  if (a.employee == p.employee) return denied(who_may(s) + "; " + actor + " is on the plan");
  if (!has_role(a.roles, role_of(s.who))) {
    return denied(who_may(s) + "; " + actor + " does not hold that role");
  }
  if (s.who != Who::kCoordinator && !a.in_chain) {
    return denied(who_may(s) + "; " + actor + " is not in the employee's chain of command");
  }
  return Status::ok();
}

Status check_state(const Plan& p, const Spec& s) {
  if (is_final(p.state)) {
    return failed_precondition(head(s) + ": the plan is " + std::string(to_string(p.state)) +
                               "; PRO-2 is finished");
  }
  if (std::find(s.from.begin(), s.from.end(), p.state) != s.from.end()) return Status::ok();
  std::string expected;
  for (PlanState f : s.from)
    expected += (expected.empty() ? "" : " or ") + std::string(to_string(f));
  return failed_precondition(head(s) + " needs the plan in state " + expected + "; it is " +
                             std::string(to_string(p.state)));
}

Status check_assigned(const Plan& p, const Spec& s, const ActorContext& a) {
  if (s.who == Who::kCoordinator) return Status::ok();
  const org::EmployeeId assigned = assigned_at(p, s.who);
  if (assigned != a.employee) {
    return denied(who_may(s) + "; the plan is assigned to employee " + std::to_string(assigned) +
                  ", not employee " + std::to_string(a.employee));
  }
  return Status::ok();
}

Status need_comments(const Spec& s, const Action& act) {
  if (act.comments.empty()) return invalid_argument(head(s) + " needs comments");
  return Status::ok();
}

void enter(Plan& p, PlanState to, const Action& act) {
  if (to != p.state) p.state_since = act.on;
  p.state = to;
}

std::optional<Date> entered(const Plan& p, PlanState s) {
  for (auto it = p.history.rbegin(); it != p.history.rend(); ++it) {
    if (it->to == s && it->from != s) return it->on;
  }
  return std::nullopt;
}

// The last day of the schedule: the period end, or the end a final
// recommendation put on a plan with no period end.
std::optional<Date> schedule_end(const Plan& p) {
  if (p.period_end) return p.period_end;
  return p.reports_end;
}

const ProgressReport* find_report(const Plan& p, Date due) {
  for (const ProgressReport& r : p.reports) {
    if (r.due == due) return &r;
  }
  return nullptr;
}

ProgressReport* find_report(Plan& p, Date due) {
  return const_cast<ProgressReport*>(find_report(static_cast<const Plan&>(p), due));
}

std::optional<ReportSlot> slot_due(const Plan& p, Date due) {
  for (const ReportSlot& s : report_slots(p, due)) {
    if (s.due == due) return s;
  }
  return std::nullopt;
}

Status submit_report(Plan& p, const Spec& s, const Action& act) {
  if (!act.report_due) return invalid_argument(head(s) + " names the report's due date");
  const Date due = *act.report_due;
  const auto slot = slot_due(p, due);
  if (!slot) {
    return invalid_argument(head(s) + ": no progress report is scheduled for " + due.to_string());
  }
  if (act.on < slot->issued) {
    return failed_precondition(head(s) + ": the form for the report due " + due.to_string() +
                               " is sent on " + slot->issued.to_string() + "; it is " +
                               act.on.to_string());
  }
  ProgressReport* existing = find_report(p, due);
  if (existing && existing->status != ReportStatus::kReturned) {
    return failed_precondition(head(s) + ": the report due " + due.to_string() +
                               " needs to be missing or returned; it is " +
                               std::string(to_string(existing->status)));
  }
  if (act.items.empty()) {
    return invalid_argument(
        "3.070-PRO-2.5: the report needs the checklist of actions/training "
        "taken");
  }
  if (act.pas_reference.empty()) {
    return invalid_argument(
        "3.070-PRO-2.8: the report needs the Performance Appraisal System "
        "(PAS) entry that documents it");
  }
  ProgressReport r;
  if (existing) r = *existing;
  r.due = due;
  r.status = ReportStatus::kSubmitted;
  r.submitted_on = act.on;
  r.checklist = act.items;
  r.pas_reference = act.pas_reference;
  r.plan_version = p.versions.back().version;
  r.comments = act.comments;
  r.decided_on.reset();
  if (existing) {
    *existing = std::move(r);
  } else {
    p.reports.push_back(std::move(r));
    std::sort(p.reports.begin(), p.reports.end(),
              [](const ProgressReport& a, const ProgressReport& b) { return a.due < b.due; });
  }
  return Status::ok();
}

Status decide_report(Plan& p, const Spec& s, const Action& act, bool concur) {
  if (!act.report_due) return invalid_argument(head(s) + " names the report's due date");
  ProgressReport* r = find_report(p, *act.report_due);
  if (!r || r->status != ReportStatus::kSubmitted) {
    return failed_precondition(head(s) + " needs the report due " + act.report_due->to_string() +
                               " in state submitted; it is " +
                               std::string(to_string(r ? r->status : ReportStatus::kMissing)));
  }
  if (!concur) RC_RETURN_IF_ERROR(need_comments(s, act));
  r->status = concur ? ReportStatus::kConcurred : ReportStatus::kReturned;
  r->decided_on = act.on;
  if (!concur) ++r->returns;
  return Status::ok();
}

Status log_coaching(Plan& p, const Spec& s, const Action& act) {
  if (!act.entry) return invalid_argument(head(s) + " needs a coaching entry");
  CoachingEntry e = *act.entry;
  const auto problems = entry_problems(e);
  if (!problems.empty()) {
    std::string m = head(s) + ":";
    for (const auto& x : problems) m += " " + x + ";";
    m.pop_back();
    return invalid_argument(m);
  }
  if (e.date < p.start || e.date > act.on) {
    return invalid_argument(head(s) + ": the entry's date " + e.date.to_string() +
                            " is not between the plan's start " + p.start.to_string() +
                            " and today " + act.on.to_string());
  }
  if (e.kind == CoachingKind::kDebrief && e.subject == DebriefSubject::kIndicatorEvent) {
    if (!act.debrief || act.debrief->event_id != *e.event_id) {
      return invalid_argument(head(s) + ": a debrief of indicator event " +
                              std::to_string(*e.event_id) +
                              " needs that event's debrief restriction (3.070-POL-6)");
    }
    if (!debriefable(*act.debrief)) {
      return invalid_argument("3.070-POL-6: indicator event " + std::to_string(*e.event_id) +
                              " cannot be debriefed: " + act.debrief->reason);
    }
    e.detail = act.debrief->detail;
  }
  p.coaching.push_back(std::move(e));
  return Status::ok();
}

Status recommend(Plan& p, const Spec& s, const Action& act) {
  if (p.period_end && act.on < *p.period_end) {
    return failed_precondition(head(s) + " needs the review period to be complete (period end " +
                               p.period_end->to_string() + "); it is " + act.on.to_string());
  }
  const Date through = p.period_end ? std::min(*p.period_end, act.on) : act.on;
  std::string open;
  for (const ReportSlot& slot : report_slots(p, through)) {
    if (report_status(p, slot.due) != ReportStatus::kConcurred) {
      open += (open.empty() ? "" : ", ") + slot.due.to_string();
    }
  }
  if (!open.empty()) {
    return failed_precondition(head(s) +
                               " needs every progress report due by then concurred "
                               "(3.070-PRO-2.7); not concurred: " +
                               open + "; it is " + act.on.to_string());
  }
  if (!act.recommendation) {
    return invalid_argument(head(s) + ": say whether the employee participated and progressed");
  }
  FinalRecommendation r = *act.recommendation;
  r.on = act.on;
  if (r.comments.empty()) r.comments = act.comments;
  if (r.comments.empty()) return invalid_argument(head(s) + " needs comments");
  p.recommendation = std::move(r);
  p.lieutenant_received = act.on;
  p.corrections_since.reset();
  if (!p.period_end) p.reports_end = act.on;
  return Status::ok();
}

std::optional<Date> plus(std::optional<Date> d, int days) {
  if (!d) return std::nullopt;
  return d->plus_days(days);
}

void earliest(std::optional<Date>& acc, std::optional<Date> d) {
  if (d && (!acc || *d < *acc)) acc = d;
}

}  // namespace

std::string_view to_string(PlanState s) {
  for (const auto& [state, name] : kStateNames) {
    if (state == s) return name;
  }
  return "?";
}

std::optional<PlanState> parse_plan_state(std::string_view s) {
  for (const auto& [state, name] : kStateNames) {
    if (name == s) return state;
  }
  return std::nullopt;
}

bool is_final(PlanState s) { return s == PlanState::kCompleted; }

std::string_view to_string(ActionKind k) { return spec_of(k).name; }
std::string_view step_of(ActionKind k) { return spec_of(k).step; }

std::optional<ActionKind> parse_action_kind(std::string_view s) {
  for (const Spec& spec : specs()) {
    if (spec.name == s) return spec.kind;
  }
  return std::nullopt;
}

std::string_view title_of(ActionKind k) { return spec_of(k).title; }

std::vector<ActionKind> actions_in(PlanState state) {
  std::vector<ActionKind> out;
  for (const Spec& spec : specs()) {
    if (std::find(spec.from.begin(), spec.from.end(), state) != spec.from.end()) {
      out.push_back(spec.kind);
    }
  }
  return out;
}

access::Role role_of(ActionKind k) { return role_of(spec_of(k).who); }

org::EmployeeId assigned_for(const Plan& plan, ActionKind k) {
  return assigned_at(plan, spec_of(k).who);
}

std::optional<ReportStatus> parse_report_status(std::string_view s) {
  for (auto r : {ReportStatus::kMissing, ReportStatus::kSubmitted, ReportStatus::kReturned,
                 ReportStatus::kConcurred}) {
    if (to_string(r) == s) return r;
  }
  return std::nullopt;
}

std::string_view to_string(ReportStatus s) {
  switch (s) {
    case ReportStatus::kMissing:
      return "missing";
    case ReportStatus::kSubmitted:
      return "submitted";
    case ReportStatus::kReturned:
      return "returned";
    case ReportStatus::kConcurred:
      return "concurred";
  }
  return "?";
}

Result<Plan> open_plan(std::int64_t id, const review::Review& review, const ActorContext& actor,
                       Instant at, Date on, const ReportSchedule& schedule) {
  const std::string step = "3.070-PRO-2.1 (send the first progress report form)";
  if (!has_role(actor.roles, Role::kCoordinator)) {
    return denied(step + " may be taken only by the Performance Mentoring Coordinator (role " +
                  std::string(access::to_string(Role::kCoordinator)) + "); employee " +
                  std::to_string(actor.employee) + " does not hold that role");
  }
  if (actor.employee == review.employee) {
    return denied(step + ": employee " + std::to_string(actor.employee) + " is on the plan");
  }
  if (review.state != review::ReviewState::kPlanDesignated) {
    return failed_precondition(
        step + " needs the review in state " +
        std::string(review::to_string(review::ReviewState::kPlanDesignated)) + "; it is " +
        std::string(review::to_string(review.state)));
  }
  if (!review.designation || !review.designation->plan) {
    return invalid_argument(step + ": the review designates no Mentoring Plan");
  }
  if (review.captain == 0 || review.lieutenant == 0 || review.sergeant == 0 ||
      review.bureau_chief == 0) {
    return invalid_argument(step +
                            ": the review lacks its captain, lieutenant, sergeant or "
                            "bureau chief");
  }
  Plan p;
  p.id = id;
  p.review_id = review.id;
  p.employee = review.employee;
  p.coordinator = actor.employee;
  p.captain = review.captain;
  p.lieutenant = review.lieutenant;
  p.sergeant = review.sergeant;
  p.bureau_chief = review.bureau_chief;
  p.designation = *review.designation;
  p.schedule = schedule;
  p.start = on;
  if (auto days = p.designation.days()) p.period_end = on.plus_days(*days - 1);
  p.state = PlanState::kFormSent;
  p.state_since = on;
  p.versions.push_back({1, on, review.sergeant, review.plan_items, ""});
  p.history.push_back({"3.070-PRO-2.1", "open", actor.employee, at, on, PlanState::kFormSent,
                       PlanState::kFormSent, ""});
  return p;
}

Result<Plan> apply(const Plan& plan, const Action& act, const ActorContext& actor) {
  const Spec& s = spec_of(act.kind);
  RC_RETURN_IF_ERROR(check_role(plan, s, actor));
  RC_RETURN_IF_ERROR(check_state(plan, s));
  RC_RETURN_IF_ERROR(check_assigned(plan, s, actor));

  Plan p = plan;
  const PlanState from = p.state;
  using S = PlanState;
  switch (act.kind) {
    case ActionKind::kReviewWithEmployee:  // PRO-2.2
      RC_RETURN_IF_ERROR(need_comments(s, act));
      p.reviewed_with_employee = act.on;
      enter(p, S::kImplementing, act);
      break;
    case ActionKind::kLogCoaching:  // PRO-2.4–2.5
      RC_RETURN_IF_ERROR(log_coaching(p, s, act));
      break;
    case ActionKind::kModifyPlan:  // PRO-2.6
      if (act.items.empty()) return invalid_argument(head(s) + " needs the plan's items");
      if (act.comments.empty()) return invalid_argument(head(s) + " needs the reason");
      p.versions.push_back(
          {p.versions.back().version + 1, act.on, actor.employee, act.items, act.comments});
      break;
    case ActionKind::kSubmitReport:  // PRO-2.7–2.8
      RC_RETURN_IF_ERROR(submit_report(p, s, act));
      break;
    case ActionKind::kConcurReport:  // PRO-2.3
      RC_RETURN_IF_ERROR(decide_report(p, s, act, true));
      break;
    case ActionKind::kReturnReport:  // PRO-2.3
      RC_RETURN_IF_ERROR(decide_report(p, s, act, false));
      break;
    case ActionKind::kRecommend:  // PRO-2.9
      RC_RETURN_IF_ERROR(recommend(p, s, act));
      enter(p, S::kSergeantRecommended, act);
      break;
    case ActionKind::kReturnToSergeant:  // PRO-2.10
      RC_RETURN_IF_ERROR(need_comments(s, act));
      ++p.returns;
      p.corrections_since = act.on;
      p.recommendation.reset();
      p.reports_end.reset();
      enter(p, S::kImplementing, act);
      break;
    case ActionKind::kSpecify:  // PRO-2.10–2.11
      if (!act.remove) return invalid_argument(head(s) + ": say whether to remove the employee");
      p.lieutenant_remove = act.remove;
      enter(p, S::kLieutenantSpecified, act);
      break;
    case ActionKind::kForwardToCaptain:  // PRO-2.12
      p.captain_received = act.on;
      enter(p, S::kCaptainReview, act);
      break;
    case ActionKind::kReturnToLieutenant:  // PRO-2.13
      RC_RETURN_IF_ERROR(need_comments(s, act));
      ++p.returns;
      enter(p, S::kReturnedToLieutenant, act);
      break;
    case ActionKind::kDesignate: {  // PRO-2.14
      const auto& d = act.designation;
      if (!d || (d->complete && d->extension_days != 0) ||
          (!d->complete && d->extension_days <= 0)) {
        return invalid_argument(head(s) +
                                ": designate completion, or an extension of more than 0 days");
      }
      if (d->complete) {
        enter(p, S::kCompletionDesignated, act);
        break;
      }
      const Date from_day = std::max(p.period_end.value_or(act.on), act.on);
      p.period_end = from_day.plus_days(d->extension_days);
      ++p.extensions;
      p.recommendation.reset();
      p.lieutenant_remove.reset();
      p.lieutenant_received.reset();
      p.captain_received.reset();
      p.corrections_since.reset();
      p.reports_end.reset();
      enter(p, S::kImplementing, act);
      break;
    }
    case ActionKind::kReceive:  // PRO-2.15
      enter(p, S::kReceivedByCoordinator, act);
      break;
    case ActionKind::kForwardToBureauChief:  // PRO-2.16
      enter(p, S::kBureauChiefReview, act);
      break;
    case ActionKind::kComplete:  // PRO-2.17–2.18
      p.closed_on = act.on;
      enter(p, S::kCompleted, act);
      break;
    case ActionKind::kDirectAdditionalActions:  // PRO-2.18
      RC_RETURN_IF_ERROR(need_comments(s, act));
      ++p.returns;
      p.captain_received = act.on;
      enter(p, S::kReturnedToCaptain, act);
      break;
  }
  p.history.push_back({std::string(s.step), std::string(s.name), actor.employee, act.at, act.on,
                       from, p.state, act.comments});
  return p;
}

std::vector<ReportSlot> report_slots(const Plan& p, Date through) {
  Date last = through;
  if (auto end = schedule_end(p)) last = std::min(last, *end);
  return report_slots(p.start, last, p.schedule);
}

ReportStatus report_status(const Plan& p, Date due) {
  const ProgressReport* r = find_report(p, due);
  return r ? r->status : ReportStatus::kMissing;
}

std::optional<Date> due(const Plan& p, const PlanDeadlines& d) {
  using S = PlanState;
  switch (p.state) {
    case S::kFormSent:
      return p.state_since.plus_days(d.review_with_employee_days);
    case S::kImplementing: {
      std::optional<Date> when;
      // Far enough to reach the next slot of a plan with no period end.
      Date horizon = std::max(p.state_since, p.start);
      for (const ProgressReport& r : p.reports) horizon = std::max(horizon, r.due);
      for (const ReportSlot& slot : report_slots(p, horizon.plus_days(62))) {
        const ProgressReport* r = find_report(p, slot.due);
        if (!r) {
          earliest(when, slot.due.plus_days(d.report_grace_days));
        } else if (r->status == ReportStatus::kReturned) {
          earliest(when, plus(r->decided_on, d.report_resubmit_days));
        } else if (r->status == ReportStatus::kSubmitted) {
          earliest(when, r->submitted_on.plus_days(d.report_concurrence_days));
        }
      }
      if (p.corrections_since) {
        earliest(when, p.corrections_since->plus_days(d.corrections_days));
      } else if (p.period_end) {
        earliest(when, p.period_end->plus_days(d.final_recommendation_days));
      }
      return when;
    }
    case S::kSergeantRecommended:
    case S::kLieutenantSpecified:
      return plus(p.lieutenant_received, d.lieutenant_days);
    case S::kReturnedToLieutenant:
      return p.state_since.plus_days(d.lieutenant_days);
    case S::kCaptainReview:
    case S::kReturnedToCaptain:
      return plus(p.captain_received, d.captain_days);
    case S::kCompletionDesignated:
    case S::kReceivedByCoordinator:
      return plus(entered(p, S::kCompletionDesignated), d.coordinator_days);
    case S::kBureauChiefReview:
      return p.state_since.plus_days(d.bureau_chief_days);
    case S::kCompleted:
      return std::nullopt;
  }
  return std::nullopt;
}

bool overdue(const Plan& p, Date today, const PlanDeadlines& d) {
  const auto when = due(p, d);
  return when && *when < today;
}

std::vector<Date> overdue_reports(const Plan& p, Date today, const PlanDeadlines& d) {
  std::vector<Date> out;
  if (p.state != PlanState::kFormSent && p.state != PlanState::kImplementing) return out;
  for (const ReportSlot& slot : report_slots(p, today)) {
    const ProgressReport* r = find_report(p, slot.due);
    if (!r && slot.due.plus_days(d.report_grace_days) < today) out.push_back(slot.due);
    if (r && r->status == ReportStatus::kReturned && r->decided_on &&
        r->decided_on->plus_days(d.report_resubmit_days) < today) {
      out.push_back(slot.due);
    }
  }
  return out;
}

}  // namespace rollcall::pmp::plan
