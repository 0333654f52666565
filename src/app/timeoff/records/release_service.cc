#include "app/timeoff/records/release_service.h"

#include <algorithm>

#include "domain/timeoff/leave/ledger.h"
#include "time/instant.h"

namespace rollcall::app::records {
namespace {

// The bank that pays release time that is not release time (the unit's rule,
// sick leave by default).
lv::LeaveType charged_bank(const TimeoffContext& cal, const org::Employee* e) {
  if (e != nullptr) {
    if (auto unit = cal.unit_rules(*e); unit) {
      if (const lv::LeaveTypeRule* r = unit.value()->find(lv::LeaveType::kReleaseTime);
          r != nullptr && r->charged_as_if_not_qualifying) {
        return *r->charged_as_if_not_qualifying;
      }
    }
  }
  return lv::LeaveType::kSick;
}

// Posts the sick-leave charge once (keyed by the record's source text).
Status post_charge(storage::Transaction& tx, const TimeoffContext& cal, const org::OrgSnapshot& org,
                   const tr::ReleaseTime& rt, const std::string& why) {
  const std::string source = "release-time " + std::to_string(rt.id);
  RC_ASSIGN_OR_RETURN(auto entries, tx.ledger_entries(rt.employee));
  if (std::any_of(entries.begin(), entries.end(),
                  [&](const lv::LedgerEntry& x) { return x.source == source; })) {
    return Status::ok();
  }
  const lv::LeaveType bank = charged_bank(cal, org.employee(rt.employee));
  std::vector<lv::LedgerEntry> post{lv::LedgerEntry{0, rt.employee, bank, bank, rt.first_day,
                                                    -rt.total_minutes(), lv::EntryKind::kUsage,
                                                    source, why + " (4.010-PRO-2 note)"}};
  return tx.insert_ledger_entries(post);
}

}  // namespace

Result<Instant> release_cutoff(const TimeoffContext& cal, const tr::ReleaseTime& rt) {
  return cal.timesheet_deadline(cal.pay_periods().containing(rt.last_day));
}

Result<StoredRelease> create_release(storage::Database& db, const org::OrgSnapshot& org,
                                     const ActingAs& acting, org::EmployeeId employee,
                                     const ReleaseRequest& request,
                                     const tr::ReleaseTimeRules& rules) {
  const org::Employee* e = org.employee(employee);
  if (e == nullptr) return not_found("employee " + std::to_string(employee) + " does not exist");
  const tr::Actor actor = actor_on(org, acting.employee, employee, acting.on);
  const tr::ReleaseInput input{e->category == org::Category::kSworn,
                               request.relationship,
                               request.emergency,
                               request.unforeseen_medical_emergency,
                               request.first_day,
                               request.last_day,
                               request.minutes};
  return create_record<tr::ReleaseTime>(
      db, acting, [&](storage::Transaction&) -> Result<tr::ReleaseTime> {
        if (acting.employee == employee) {
          return tr::request_release(0, employee, input, actor, acting.at);
        }
        return tr::offer_release(0, employee, input, actor, acting.at, rules);
      });
}

std::string_view to_string(ReleaseAction a) {
  switch (a) {
    case ReleaseAction::kApprove:
      return "approve";
    case ReleaseAction::kDeny:
      return "deny";
    case ReleaseAction::kCompleteForm:
      return "complete-form";
    case ReleaseAction::kForward:
      return "forward";
    case ReleaseAction::kForwardCopy:
      return "forward-copy";
    case ReleaseAction::kAuthorizeMore:
      return "authorize-additional";
    case ReleaseAction::kReceive:
      return "receive";
    case ReleaseAction::kInformFml:
      return "inform-fml";
    case ReleaseAction::kSettle:
      return "settle";
  }
  return "?";
}

std::optional<ReleaseAction> parse_release_action(std::string_view s) {
  for (auto a :
       {ReleaseAction::kApprove, ReleaseAction::kDeny, ReleaseAction::kCompleteForm,
        ReleaseAction::kForward, ReleaseAction::kForwardCopy, ReleaseAction::kAuthorizeMore,
        ReleaseAction::kReceive, ReleaseAction::kInformFml, ReleaseAction::kSettle}) {
    if (to_string(a) == s) return a;
  }
  return std::nullopt;
}

Result<StoredRelease> release_step(storage::Database& db, const org::OrgSnapshot& org,
                                   const TimeoffContext& cal, const ActingAs& acting,
                                   std::int64_t id, const ReleaseStep& step,
                                   const tr::ReleaseTimeRules& rules) {
  return step_record<tr::ReleaseTime>(
      db, acting, id, step.expected,
      [&](const tr::ReleaseTime& rt, storage::Transaction& tx) -> Result<tr::ReleaseTime> {
        const tr::Actor actor = actor_on(org, acting.employee, rt.employee, acting.on);
        auto fml_if_needed = [&](int days) -> Result<org::EmployeeId> {
          if (days <= rules.fml_copy_after_days) return org::EmployeeId{0};
          return holder_of(org, access::Role::kFmlCoordinator, acting.on);
        };
        switch (step.action) {
          case ReleaseAction::kApprove:
            return tr::approve_release(rt, step.unforeseen_medical_emergency, actor, acting.at,
                                       rules);
          case ReleaseAction::kDeny: {
            RC_ASSIGN_OR_RETURN(tr::ReleaseTime next,
                                tr::deny_release(rt, actor, acting.at, step.comments));
            RC_RETURN_IF_ERROR(
                post_charge(tx, cal, org, next, "release time denied: charged as sick leave"));
            return next;
          }
          case ReleaseAction::kCompleteForm:
            return tr::complete_form(rt, actor, acting.at);
          case ReleaseAction::kForward: {
            if (!tr::supervises(actor, rt.employee)) {
              return tr::forward_form(rt, {}, actor, acting.at, rules);  // its PERMISSION_DENIED
            }
            tr::ForwardInput in;
            RC_ASSIGN_OR_RETURN(in.payroll,
                                holder_of(org, access::Role::kPayroll, acting.on, rt.employee));
            RC_ASSIGN_OR_RETURN(
                in.chain_to_bureau_chief,
                chain_to_bureau_chief(org, rt.employee, acting.employee, acting.on));
            RC_ASSIGN_OR_RETURN(in.fml_coordinator, fml_if_needed(rt.consecutive_days()));
            return tr::forward_form(rt, in, actor, acting.at, rules);
          }
          case ReleaseAction::kForwardCopy:
            return tr::forward_copy(rt, actor, acting.at);
          case ReleaseAction::kAuthorizeMore: {
            const Date last = step.new_last_day.value_or(rt.last_day);
            const int days =
                static_cast<int>(last.days_since_epoch() - rt.first_day.days_since_epoch()) + 1;
            org::EmployeeId fml = 0;
            if (rt.state == tr::ReleaseState::kForwarded ||
                rt.state == tr::ReleaseState::kReceived) {
              RC_ASSIGN_OR_RETURN(fml, fml_if_needed(days));
            }
            return tr::authorize_additional(rt, step.extra_minutes, step.new_last_day, fml, actor,
                                            acting.at, rules);
          }
          case ReleaseAction::kReceive:
            return tr::receive_form(rt, actor, acting.at);
          case ReleaseAction::kInformFml:
            return tr::inform_fml_option(rt, actor, acting.at);
          case ReleaseAction::kSettle: {
            if (!tr::holds(actor, access::Role::kPayroll)) {
              return tr::denied(actor, "only Payroll settles release time");
            }
            RC_ASSIGN_OR_RETURN(Instant cutoff, release_cutoff(cal, rt));
            if (acting.at <= cutoff) {
              return failed_precondition("release time " + std::to_string(rt.id) +
                                         " is settled after the cut-off " + format_utc(cutoff));
            }
            const tr::ChargeDecision d = tr::charge(rt, cutoff);
            if (d.charge == tr::ReleaseCharge::kUndecided) {
              return failed_precondition("release time " + std::to_string(rt.id) +
                                         " is still requested: " + d.reason);
            }
            if (d.charge == tr::ReleaseCharge::kSickLeave) {
              RC_RETURN_IF_ERROR(
                  post_charge(tx, cal, org, rt, "charged as sick leave: " + d.reason));
            }
            tr::ReleaseTime next = rt;
            next.history.push_back(
                tr::ReleaseEvent{"settle", acting.employee, acting.at, rt.state,
                                 std::string(tr::to_string(d.charge)) + ": " + d.reason});
            return next;
          }
        }
        return invalid_argument("unknown release-time action");
      });
}

}  // namespace rollcall::app::records
