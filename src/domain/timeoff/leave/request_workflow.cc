#include "domain/timeoff/leave/request_workflow.h"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/timeoff/leave/consecutive_days.h"

namespace rollcall::timeoff::leave {
namespace {

using access::Role;

constexpr std::array<std::pair<StepKind, std::string_view>, 8> kStepNames{{
    {StepKind::kApprove, "approve"},
    {StepKind::kDeny, "deny"},
    {StepKind::kForwardToCaptain, "forward-to-captain"},
    {StepKind::kCaptainApprove, "captain-approve"},
    {StepKind::kCaptainDeny, "captain-deny"},
    {StepKind::kRecord, "record"},
    {StepKind::kCancel, "cancel"},
    {StepKind::kForward, "forward"},
}};

enum class Who { kSergeant, kCaptain, kEmployeeOrSergeant, kHolder };

struct Spec {
  StepKind kind;
  Who who;
  std::vector<RequestState> from;
};

const Spec& spec_of(StepKind k) {
  using S = RequestState;
  static const std::vector<Spec> kSpecs{
      {StepKind::kApprove, Who::kSergeant, {S::kSubmitted}},
      {StepKind::kDeny, Who::kSergeant, {S::kSubmitted}},
      {StepKind::kForwardToCaptain, Who::kSergeant, {S::kSergeantApproved}},
      {StepKind::kCaptainApprove, Who::kCaptain, {S::kCaptainReview}},
      {StepKind::kCaptainDeny, Who::kCaptain, {S::kCaptainReview}},
      {StepKind::kRecord, Who::kSergeant, {S::kApproved}},
      {StepKind::kCancel,
       Who::kEmployeeOrSergeant,
       {S::kSubmitted, S::kSergeantApproved, S::kCaptainReview, S::kApproved, S::kRecorded}},
      {StepKind::kForward, Who::kHolder, {S::kCaptainReview, S::kApproved, S::kDenied}},
  };
  for (const Spec& s : kSpecs) {
    if (s.kind == k) return s;
  }
  return kSpecs.front();
}

// The clause a step implements, by path.
std::string clause_of(StepKind k, bool captain_path) {
  switch (k) {
    case StepKind::kApprove:
    case StepKind::kDeny:
      return captain_path ? "4.010-PRO-1.2" : "4.010-POL-2";
    case StepKind::kForwardToCaptain:
      return "4.010-PRO-1.3";
    case StepKind::kCaptainApprove:
    case StepKind::kCaptainDeny:
      return "4.010-PRO-1.4";
    case StepKind::kRecord:
      return captain_path ? "4.010-PRO-1.5" : "4.010-POL-2";
    case StepKind::kCancel:
      return "4.010-POL-2";
    case StepKind::kForward:
      return "4.010-PRO-1.3";  // PRO-1.4 on the way back: see forward_clause()
  }
  return "4.010-POL-2";
}

std::string_view who_text(Who w) {
  switch (w) {
    case Who::kSergeant:
      return "the employee's sergeant/supervisor";
    case Who::kCaptain:
      return "the section captain (or non-sworn equivalent) in the employee's chain of command";
    case Who::kEmployeeOrSergeant:
      return "the employee or their sergeant/supervisor";
    case Who::kHolder:
      return "the link of the chain of command now holding the form";
  }
  return "?";
}

bool has_role(const std::vector<Role>& roles, Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

bool is_sergeant(const ActorContext& a) {
  return a.first_line || (has_role(a.roles, Role::kSupervisor) && a.in_chain);
}

Status denied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }

Status check_role(org::EmployeeId employee, Who who, std::string_view clause, std::string_view what,
                  const ActorContext& a) {
  const std::string head = std::string(clause) + " (" + std::string(what) +
                           ") may be taken only by " + std::string(who_text(who)) + "; employee " +
                           std::to_string(a.employee);
  if (who == Who::kEmployeeOrSergeant) {
    if (a.employee == employee || is_sergeant(a)) return Status::ok();
    return denied(head + " is neither");
  }
  if (who == Who::kHolder) return Status::ok();  // checked against the routing in apply()
  if (a.employee == employee) return denied(head + " is the requester");
  if (who == Who::kSergeant && !is_sergeant(a)) {
    return denied(head + " is not a supervisor in the employee's chain of command");
  }
  if (who == Who::kCaptain && !(has_role(a.roles, Role::kCaptain) && a.in_chain)) {
    return denied(head + " is not a captain in the employee's chain of command");
  }
  return Status::ok();
}

Status check_state(const LeaveRequest& r, const Spec& s, std::string_view clause) {
  if (std::find(s.from.begin(), s.from.end(), r.state) != s.from.end()) return Status::ok();
  std::string expected;
  for (RequestState f : s.from)
    expected += (expected.empty() ? "" : " or ") + std::string(to_string(f));
  return failed_precondition(std::string(clause) + " (" + std::string(to_string(s.kind)) +
                             ") needs the request in state " + expected + "; it is " +
                             std::string(to_string(r.state)));
}

void enter(LeaveRequest& r, RequestState to, std::string clause, std::string_view what,
           org::EmployeeId actor, Instant at, Date on, std::string comments) {
  r.history.push_back(
      {std::move(clause), std::string(what), actor, at, on, r.state, to, std::move(comments)});
  if (to != r.state) r.state_since = on;
  r.state = to;
}

std::vector<LedgerEntry> usage_entries(const LeaveRequest& r, int sign, std::string_view reason) {
  std::vector<LedgerEntry> out;
  if (!r.charge) return out;
  for (const LeaveDay& d : r.days) {
    LedgerEntry e;
    e.employee = r.employee;
    e.bank = *r.charge;
    e.taken_as = r.type;
    e.date = d.date;
    e.minutes = sign * d.minutes;
    e.kind = EntryKind::kUsage;
    e.source = "request " + std::to_string(r.id);
    e.reason = std::string(reason);
    out.push_back(std::move(e));
  }
  return out;
}

// The request a valid draft becomes (not yet in any state's history).
Result<LeaveRequest> build(std::int64_t id, org::EmployeeId employee, const RequestDraft& draft,
                           const LeaveContext& ctx) {
  RC_ASSIGN_OR_RETURN(
      std::vector<LeaveDay> days,
      validate_draft(draft, ctx.unit, ctx.limits, ctx.work, ctx.others, id, ctx.today));
  LeaveRequest r;
  r.id = id;
  r.employee = employee;
  r.type = draft.type;
  r.charge = charge_of(draft, *ctx.unit.find(draft.type));
  r.first = draft.first;
  r.last = draft.last;
  r.days = std::move(days);
  r.note = draft.note;
  r.state_since = ctx.today;
  return r;
}

}  // namespace

std::string_view to_string(StepKind k) {
  for (const auto& [kind, name] : kStepNames) {
    if (kind == k) return name;
  }
  return "?";
}

std::optional<StepKind> parse_step_kind(std::string_view s) {
  for (const auto& [kind, name] : kStepNames) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

Result<LeaveRequest> submit(std::int64_t id, org::EmployeeId employee, const RequestDraft& draft,
                            const ActorContext& actor, const LeaveContext& ctx, Instant at) {
  if (actor.employee != employee) {
    return denied("4.010-POL-2 (submit) may be taken only by the employee; employee " +
                  std::to_string(actor.employee) + " is not employee " + std::to_string(employee));
  }
  RC_ASSIGN_OR_RETURN(LeaveRequest r, build(id, employee, draft, ctx));
  const ConsecutiveBlock block = consecutive_block(r.first, r.last, id, ctx.others, ctx.work);
  r.consecutive_days = block.days;
  r.joined_with = block.joined_with;
  r.captain_path = block.days > ctx.limits.captain_review_over_days;
  RC_RETURN_IF_ERROR(check_balance(r, ctx.unit, ctx.schedule, ctx.ledger, ctx.others, ctx.upcoming,
                                   ctx.today, "4.010-POL-5"));
  const std::string clause = r.captain_path ? "4.010-PRO-1.1" : "4.010-POL-2";
  r.history.push_back({clause, "submit", actor.employee, at, ctx.today, RequestState::kSubmitted,
                       RequestState::kSubmitted, draft.note});
  return r;
}

const records::Routing* form_in_transit(const LeaveRequest& r) {
  if (r.state == RequestState::kCaptainReview && r.to_captain && !r.to_captain->delivered()) {
    return &*r.to_captain;
  }
  if (r.back_to_sergeant && !r.back_to_sergeant->delivered()) return &*r.back_to_sergeant;
  return nullptr;
}

namespace {

std::string holder_text(const records::Routing& routing) {
  for (const records::Hop& h : routing.hops) {
    if (h.received && routing.holder() == h.recipient) {
      return "the " + h.title + " (employee " + std::to_string(h.recipient) + ")";
    }
  }
  return "nobody";
}

// Sends the form along `hops` at `at`; no routing for an empty list (Step::route).
Result<std::optional<records::Routing>> send(const std::vector<records::Hop>& hops, Instant at) {
  if (hops.empty()) return std::optional<records::Routing>{};
  RC_ASSIGN_OR_RETURN(records::Routing r, records::send_through(hops, at));
  return std::optional<records::Routing>{std::move(r)};
}

Result<StepResult> forward_form(const LeaveRequest& request, const Step& step,
                                const ActorContext& actor, const LeaveContext& ctx) {
  const records::Routing* routing = form_in_transit(request);
  const bool down = request.state != RequestState::kCaptainReview;
  const std::string clause = down ? "4.010-PRO-1.4" : "4.010-PRO-1.3";
  if (routing == nullptr) {
    return failed_precondition(clause +
                               " (forward): the form is not on its way through the chain of "
                               "command; it is " +
                               std::string(to_string(request.state)));
  }
  auto moved = records::forward(*routing, actor.employee, step.at);
  if (!moved.is_ok()) {
    if (moved.status().code() == StatusCode::kPermissionDenied) {
      return denied(clause + " (forward) may be taken only by the link holding the form, " +
                    holder_text(*routing) + "; employee " + std::to_string(actor.employee) +
                    " does not hold it");
    }
    return moved.status();
  }
  StepResult out{request, {}};
  LeaveRequest& r = out.request;
  (down ? r.back_to_sergeant : r.to_captain) = std::move(*moved);
  enter(r, r.state, clause, to_string(step.kind), actor.employee, step.at, ctx.today,
        step.comments);
  return out;
}

}  // namespace

Result<StepResult> apply(const LeaveRequest& request, const Step& step, const ActorContext& actor,
                         const LeaveContext& ctx) {
  if (step.kind == StepKind::kForward) return forward_form(request, step, actor, ctx);
  const Spec& s = spec_of(step.kind);
  const std::string clause = clause_of(step.kind, request.captain_path);
  RC_RETURN_IF_ERROR(check_role(request.employee, s.who, clause, to_string(step.kind), actor));
  RC_RETURN_IF_ERROR(check_state(request, s, clause));
  // The captain's path cannot be skipped, and the short path has no captain.
  if (step.kind == StepKind::kForwardToCaptain && !request.captain_path) {
    return failed_precondition(
        clause + " (forward-to-captain): the request is " +
        std::to_string(request.consecutive_days) + " consecutive days, not over " +
        std::to_string(ctx.limits.captain_review_over_days) + "; the sergeant decides it");
  }
  if (step.kind == StepKind::kCancel &&
      (request.state == RequestState::kApproved || request.state == RequestState::kRecorded) &&
      !(ctx.today < request.first)) {
    return failed_precondition("4.010-POL-2 (cancel): the leave began on " +
                               request.first.to_string() +
                               "; only leave not yet taken can be cancelled");
  }
  // PRO-1.3: the captain decides once the form has come up the chain to them;
  // PRO-1.5: the sergeant records once the decision has come back down.
  const bool captain_step =
      step.kind == StepKind::kCaptainApprove || step.kind == StepKind::kCaptainDeny;
  if (captain_step && request.to_captain && !request.to_captain->delivered()) {
    return failed_precondition(clause + " (" + std::string(to_string(step.kind)) +
                               "): the form is still on its way up the chain of command, with " +
                               holder_text(*request.to_captain) + " (4.010-PRO-1.3)");
  }
  if (step.kind == StepKind::kRecord && request.back_to_sergeant &&
      !request.back_to_sergeant->delivered()) {
    return failed_precondition(clause +
                               " (record): the captain's decision is still on its way back down "
                               "the chain of command, with " +
                               holder_text(*request.back_to_sergeant) + " (4.010-PRO-1.4)");
  }
  if ((step.kind == StepKind::kDeny || step.kind == StepKind::kCaptainDeny) &&
      step.comments.empty()) {
    return invalid_argument(clause + " (" + std::string(to_string(step.kind)) +
                            "): comments: a denial needs a reason");
  }
  StepResult out{request, {}};
  LeaveRequest& r = out.request;
  switch (step.kind) {
    case StepKind::kApprove:
      RC_RETURN_IF_ERROR(check_balance(r, ctx.unit, ctx.schedule, ctx.ledger, ctx.others,
                                       ctx.upcoming, ctx.today, "4.010-POL-6"));
      r.sergeant = actor.employee;
      enter(r, r.captain_path ? RequestState::kSergeantApproved : RequestState::kApproved, clause,
            to_string(step.kind), actor.employee, step.at, ctx.today, step.comments);
      break;
    case StepKind::kDeny:
      r.sergeant = actor.employee;
      r.denial_reason = step.comments;
      enter(r, RequestState::kDenied, clause, to_string(step.kind), actor.employee, step.at,
            ctx.today, step.comments);
      break;
    case StepKind::kForwardToCaptain: {
      RC_ASSIGN_OR_RETURN(r.to_captain, send(step.route, step.at));
      enter(r, RequestState::kCaptainReview, clause, to_string(step.kind), actor.employee, step.at,
            ctx.today, step.comments);
      break;
    }
    case StepKind::kCaptainApprove: {
      RC_ASSIGN_OR_RETURN(r.back_to_sergeant, send(step.route, step.at));
      r.captain = actor.employee;
      enter(r, RequestState::kApproved, clause, to_string(step.kind), actor.employee, step.at,
            ctx.today, step.comments);
      break;
    }
    case StepKind::kCaptainDeny: {
      RC_ASSIGN_OR_RETURN(r.back_to_sergeant, send(step.route, step.at));
      r.captain = actor.employee;
      r.denial_reason = step.comments;
      enter(r, RequestState::kDenied, clause, to_string(step.kind), actor.employee, step.at,
            ctx.today, step.comments);
      break;
    }
    case StepKind::kForward:  // handled by forward_form()
      break;
    case StepKind::kRecord:
      out.entries = usage_entries(r, -1, std::string(to_string(r.type)) + " taken");
      enter(r, RequestState::kRecorded, clause, to_string(step.kind), actor.employee, step.at,
            ctx.today, step.comments);
      break;
    case StepKind::kCancel:
      if (r.state == RequestState::kRecorded) {
        out.entries = usage_entries(r, +1, "cancelled before it was taken");
      }
      enter(r, RequestState::kCancelled, clause, to_string(step.kind), actor.employee, step.at,
            ctx.today, step.comments);
      break;
  }
  return out;
}

Result<StepResult> record_unscheduled(std::int64_t id, org::EmployeeId employee,
                                      const RequestDraft& draft, const CallIn& call,
                                      const ActorContext& actor, const LeaveContext& ctx,
                                      Instant at) {
  RC_RETURN_IF_ERROR(
      check_role(employee, Who::kSergeant, "4.010-POL-2", "record an unscheduled absence", actor));
  if (call.called_at >= call.shift_start) {
    return failed_precondition(
        "4.010-POL-2: the employee called in after the shift started; it is not an approved "
        "unscheduled absence (see 4.010-POL-9)");
  }
  if (draft.first != draft.last) {
    return invalid_argument("last: an unscheduled absence covers one shift; " +
                            draft.last.to_string() + " is not first " + draft.first.to_string());
  }
  RC_ASSIGN_OR_RETURN(LeaveRequest r, build(id, employee, draft, ctx));
  r.unscheduled = true;
  r.called_in_before_shift = true;
  r.consecutive_days = 1;
  RC_RETURN_IF_ERROR(check_balance(r, ctx.unit, ctx.schedule, ctx.ledger, ctx.others, ctx.upcoming,
                                   ctx.today, "4.010-POL-5"));
  r.sergeant = actor.employee;
  r.history.push_back({"4.010-POL-2", "call-in", employee, call.called_at, ctx.today,
                       RequestState::kSubmitted, RequestState::kSubmitted, draft.note});
  enter(r, RequestState::kApproved, "4.010-POL-2", "approve", actor.employee, at, ctx.today, "");
  StepResult out{r, usage_entries(r, -1, std::string(to_string(r.type)) + " taken (unscheduled)")};
  enter(out.request, RequestState::kRecorded, "4.010-POL-2", "record", actor.employee, at,
        ctx.today, "");
  return out;
}

}  // namespace rollcall::timeoff::leave
