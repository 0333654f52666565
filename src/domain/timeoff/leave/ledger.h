// The leave ledger (ARCHITECTURE.md, "Leave is a ledger"): balances are never
// stored; every change is an entry in signed minutes, and a balance is the sum
// of a bank's entries dated on or before a date. Entries are never edited: a
// mistake is corrected by a new adjustment entry.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/org/org_types.h"
#include "domain/timeoff/leave/leave_type.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::leave {

enum class EntryKind {
  kAccrual,          // "accrual"            earned per pay period (accrual.h)
  kUsage,            // "usage"              leave taken (negative), or its reversal
  kAdjustment,       // "adjustment"         a correction or a year-end pay adjustment
  kHolidayCredit,    // "holiday-credit"     credited on a holiday
  kFurloughGrant,    // "furlough-grant"     credited on a furlough grant date
  kForfeiture,       // "forfeiture"         lost at a deadline (4.010-POL-7)
  kCashOut,          // "cash-out"           paid out (4.010-POL-10 comp time)
  kYearEndTransfer,  // "year-end-transfer"  moved between banks by the year-end run
};
std::string_view to_string(EntryKind k);
std::optional<EntryKind> parse_entry_kind(std::string_view s);

struct LedgerEntry {
  std::int64_t id = 0;  // assigned by storage; 0 until stored
  org::EmployeeId employee = 0;
  LeaveType bank = LeaveType::kVacation;  // the balance it changes (is_bank)
  // For usage: the leave type taken (family-medical charged to sick); else == bank.
  LeaveType taken_as = LeaveType::kVacation;
  Date date;
  Minutes minutes = 0;  // signed: + earned, - used or lost
  EntryKind kind = EntryKind::kAdjustment;
  std::string source;  // what produced it: "request 17", "pay-period 2026-01-13", "year-end 2026"
  std::string reason;  // in words, for people
};

// Sum of `bank` entries dated on or before `as_of` (of any employee in
// `entries`: pass one employee's entries).
Minutes balance(std::span<const LedgerEntry> entries, LeaveType bank, Date as_of);

// What is already committed after `as_of`: the `bank`'s usage entries dated
// later, net of their reversals (a cancelled request), plus any other negative
// entry dated later. Future credits are not counted (not yet earned). A
// request must leave room for these.
Minutes committed_after(std::span<const LedgerEntry> entries, LeaveType bank, Date as_of);

// The balance of every bank at once, in one pass.
struct Balances {
  Minutes vacation = 0, sick = 0, holiday = 0, furlough = 0, delayed_furlough = 0, comp_time = 0;
  Minutes& operator[](LeaveType bank);  // asserts is_bank(bank)
  Minutes operator[](LeaveType bank) const;
};
Balances balances(std::span<const LedgerEntry> entries, Date as_of);

}  // namespace rollcall::timeoff::leave
