#include "domain/timeoff/records/comp_time.h"

#include <algorithm>
#include <utility>

namespace rollcall::timeoff::records {
namespace {

using access::Role;

Status not_requested(const CashOut& c) {
  return failed_precondition("the cash-out request is " + std::string(to_string(c.state)) +
                             "; Payroll decides only a requested one");
}

}  // namespace

std::int64_t comp_cap_minutes(std::int64_t bargaining_unit_cap_minutes, bool public_safety,
                              const CompTimeRules& rules) {
  const std::int64_t ceiling =
      public_safety ? rules.public_safety_ceiling_minutes : rules.other_ceiling_minutes;
  return std::min(bargaining_unit_cap_minutes, ceiling);
}

Result<CompEarning> earn_comp(std::int64_t worked_minutes, std::int64_t balance_minutes,
                              std::int64_t bargaining_unit_cap_minutes, bool public_safety,
                              const CompTimeRules& rules) {
  if (worked_minutes < 0 || balance_minutes < 0) {
    return invalid_argument("overtime minutes and the comp balance cannot be negative");
  }
  if (bargaining_unit_cap_minutes <= 0) {
    return invalid_argument("the bargaining unit's comp cap must be positive");
  }
  const std::int64_t num = rules.rate_numerator;
  const std::int64_t den = rules.rate_denominator;
  if (den <= 0 || num < den) return invalid_argument("the comp rate must be at least 1");
  const std::int64_t cap = comp_cap_minutes(bargaining_unit_cap_minutes, public_safety, rules);
  const std::int64_t room = std::max<std::int64_t>(0, cap - balance_minutes);
  // ceil(w × num / den) <= room  ⇔  w <= floor(room × den / num)
  const std::int64_t bankable = std::min(worked_minutes, room * den / num);
  CompEarning e;
  e.banked_worked_minutes = bankable;
  e.banked_minutes = (bankable * num + den - 1) / den;
  e.paid_worked_minutes = worked_minutes - bankable;
  e.balance_after = balance_minutes + e.banked_minutes;
  return e;
}

std::string_view to_string(CashOutState s) {
  switch (s) {
    case CashOutState::kRequested:
      return "requested";
    case CashOutState::kPaid:
      return "paid";
    case CashOutState::kRefused:
      return "refused";
  }
  return "?";
}

std::optional<CashOutState> parse_cash_out_state(std::string_view s) {
  for (auto v : {CashOutState::kRequested, CashOutState::kPaid, CashOutState::kRefused}) {
    if (to_string(v) == s) return v;
  }
  return std::nullopt;
}

Result<CashOut> request_cash_out(std::int64_t id, org::EmployeeId employee, std::int64_t minutes,
                                 std::int64_t available_balance_minutes, const Actor& actor,
                                 Instant at) {
  if (actor.employee != employee) {
    return denied(actor, "4.010-POL-10: the employee asks the Payroll supervisor for comp pay");
  }
  if (minutes <= 0)
    return invalid_argument("hours: a cash-out is for a positive number of minutes");
  if (minutes > available_balance_minutes) {
    return invalid_argument("hours: a cash-out of " + std::to_string(minutes) +
                            " minutes exceeds the available comp balance of " +
                            std::to_string(available_balance_minutes));
  }
  CashOut c;
  c.id = id;
  c.employee = employee;
  c.minutes = minutes;
  c.requested_at = at;
  c.history.push_back({"request", actor.employee, at, CashOutState::kRequested, ""});
  return c;
}

Result<CashOut> pay_cash_out(const CashOut& c, std::int64_t balance_minutes_now, const Actor& actor,
                             Instant at) {
  if (!holds(actor, Role::kPayroll) || actor.employee == c.employee) {
    return denied(actor, "4.010-POL-10: the Payroll supervisor pays accumulated comp time");
  }
  if (c.state != CashOutState::kRequested) return not_requested(c);
  if (balance_minutes_now < c.minutes) {
    return failed_precondition("the comp balance is now " + std::to_string(balance_minutes_now) +
                               " minutes, below the " + std::to_string(c.minutes) + " requested");
  }
  CashOut out = c;
  out.state = CashOutState::kPaid;
  out.decided_at = at;
  out.decided_by = actor.employee;
  out.history.push_back({"pay", actor.employee, at, CashOutState::kPaid, ""});
  return out;
}

Result<CashOut> refuse_cash_out(const CashOut& c, const Actor& actor, Instant at,
                                std::string comments) {
  if (!holds(actor, Role::kPayroll) || actor.employee == c.employee) {
    return denied(actor, "4.010-POL-10: the Payroll supervisor decides comp cash-outs");
  }
  if (c.state != CashOutState::kRequested) return not_requested(c);
  if (comments.empty()) return invalid_argument("comments: refusing a cash-out says why");
  CashOut out = c;
  out.state = CashOutState::kRefused;
  out.decided_at = at;
  out.decided_by = actor.employee;
  out.comments = comments;
  out.history.push_back(
      {"refuse", actor.employee, at, CashOutState::kRefused, std::move(comments)});
  return out;
}

}  // namespace rollcall::timeoff::records
