// Compensatory time (4.010-POL-10). Overtime the employee elects to take as
// comp instead of pay is banked at time and a half, up to the balance limit of
// their collective bargaining agreement or the City Personnel Rules (an
// input), and never above the FLSA 7(k) ceiling (480 hours for public safety,
// 240 for other work, 29 U.S.C. 207(o)(3)(A)). Overtime that would bank above
// the limit is paid in cash instead. An employee may ask the Payroll
// supervisor to cash out accumulated comp time.
//
// The balance itself lives in the leave ledger (the leave module); these
// functions take it as an input and say what to post.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/timeoff/records/actor.h"
#include "domain/timeoff/records/record_event.h"

namespace rollcall::timeoff::records {

struct CompTimeRules {
  // Earned minutes = worked minutes × numerator / denominator (time and a half).
  std::int64_t rate_numerator = 3;
  std::int64_t rate_denominator = 2;
  std::int64_t public_safety_ceiling_minutes = std::int64_t{480} * 60;  // FLSA 207(o)(3)(A)
  std::int64_t other_ceiling_minutes = std::int64_t{240} * 60;
};

// The balance limit that applies: the bargaining unit's cap, never above the
// FLSA ceiling for the kind of work.
std::int64_t comp_cap_minutes(std::int64_t bargaining_unit_cap_minutes, bool public_safety,
                              const CompTimeRules& rules = {});

struct CompEarning {
  std::int64_t banked_minutes = 0;         // comp minutes to credit
  std::int64_t banked_worked_minutes = 0;  // overtime worked that was banked
  std::int64_t paid_worked_minutes = 0;    // overtime worked paid in cash (over the cap)
  std::int64_t balance_after = 0;
};

// Banks `worked_minutes` of elected overtime against `balance_minutes`.
// Fractions of a minute round up, so comp is never less than time and a half;
// the banked part is the most whole worked minutes whose comp fits under the
// cap, and the rest is paid. A balance already at or over the cap banks
// nothing. INVALID_ARGUMENT for negative minutes or balance, a non-positive
// cap, or a rate below 1.
Result<CompEarning> earn_comp(std::int64_t worked_minutes, std::int64_t balance_minutes,
                              std::int64_t bargaining_unit_cap_minutes, bool public_safety,
                              const CompTimeRules& rules = {});

enum class CashOutState {
  kRequested,  // "requested"
  kPaid,       // "paid"     Payroll paid it; post a cash-out entry of `minutes`. Final.
  kRefused,    // "refused"  Final.
};
std::string_view to_string(CashOutState s);
std::optional<CashOutState> parse_cash_out_state(std::string_view s);

struct CashOut {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  std::int64_t minutes = 0;
  CashOutState state = CashOutState::kRequested;
  Instant requested_at;
  std::optional<Instant> decided_at;
  org::EmployeeId decided_by = 0;
  std::string comments;
  std::vector<RecordEvent<CashOutState>> history;
};

// The employee asks for pay for `minutes` of comp time.
// PERMISSION_DENIED unless the actor is the employee; INVALID_ARGUMENT if
// minutes are not positive or exceed the available balance.
Result<CashOut> request_cash_out(std::int64_t id, org::EmployeeId employee, std::int64_t minutes,
                                 std::int64_t available_balance_minutes, const Actor& actor,
                                 Instant at);
// The Payroll supervisor pays it. PERMISSION_DENIED unless payroll (not the
// employee); FAILED_PRECONDITION unless requested, or if the balance now is
// below the request.
Result<CashOut> pay_cash_out(const CashOut& c, std::int64_t balance_minutes_now, const Actor& actor,
                             Instant at);
// The Payroll supervisor refuses it. PERMISSION_DENIED unless payroll;
// FAILED_PRECONDITION unless requested; INVALID_ARGUMENT without comments.
Result<CashOut> refuse_cash_out(const CashOut& c, const Actor& actor, Instant at,
                                std::string comments);

}  // namespace rollcall::timeoff::records
