// 4.010-POL-7 year end: "Employees will use all their furloughs by the end of
// the last full pay period in December" and "all their holidays by December
// 31st"; "The Payroll Unit will adjust employee negative holiday or furlough
// balances at the end of the year using paid leave (vacation, holiday, comp
// time) and/or pay adjustments"; "Employees will lose paid holidays or
// furloughs if not used by the listed deadlines."
//
// plan_year_end() is the dry run Payroll reviews; ledger_entries() turns an
// accepted plan into entries. Pure, one pass over each employee's entries.
//
// The settlement, per employee, for each use-or-lose bank (YearEndRules):
//   - its balance at its deadline: furlough and delayed furlough at
//     `furlough_deadline` (from the pay-period calendar), others December 31;
//     an entry dated on the deadline counts, one dated January 1 does not;
//   - negative: covered from the banks of cover_order (not itself), each up to
//     its positive balance on December 31 less what was already taken, in
//     order; what is left becomes a pay adjustment. Dated December 31.
//   - positive: forfeited on its deadline ("forfeit"), unless an extension for
//     that bank and year is granted and sent to Payroll: then it is carried
//     ("carry", no entry) to the extension's date. A bank drawn to cover
//     another's deficit forfeits only what remains.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/timeoff/leave/leave_rules.h"
#include "domain/timeoff/leave/ledger.h"
#include "domain/timeoff/leave/year_end_extension.h"

namespace rollcall::timeoff::leave {

enum class PlanItemKind {
  kForfeit,        // "forfeit"         unused balance lost at the deadline
  kCover,          // "cover"           negative balance covered from another bank
  kPayAdjustment,  // "pay-adjustment"  the rest of a negative balance, recovered from pay
  kCarry,          // "carry"           kept past the deadline by an extension
};
std::string_view to_string(PlanItemKind k);

struct PlanItem {
  org::EmployeeId employee = 0;
  PlanItemKind kind = PlanItemKind::kForfeit;
  LeaveType bank = LeaveType::kHoliday;  // the use-or-lose bank settled
  std::optional<LeaveType> from;         // kCover: the bank drawn
  Minutes minutes = 0;                   // always positive
  Date date;                             // when the entry is dated; kCarry: the extension's date
  std::string reason;
  friend bool operator==(const PlanItem&, const PlanItem&) = default;
};

struct EmployeeYearEnd {
  org::EmployeeId employee = 0;
  std::span<const LedgerEntry> entries;          // the employee's ledger
  std::span<const ExtensionRequest> extensions;  // the employee's extensions (any state)
};

struct YearEndPlan {
  int year = 0;
  Date furlough_deadline;
  std::vector<PlanItem> items;  // by employee as given, then bank order
};

// INVALID_ARGUMENT ("furlough_deadline") unless furlough_deadline is in
// December of `year`.
Result<YearEndPlan> plan_year_end(const YearEndRules& rules, int year, Date furlough_deadline,
                                  std::span<const EmployeeYearEnd> employees);

// The entries an accepted plan posts (source "year-end YEAR"): a forfeiture
// (-), a pair of year-end transfers for a cover (- from, + bank), an
// adjustment (+) for a pay adjustment; nothing for a carry.
std::vector<LedgerEntry> ledger_entries(const YearEndPlan& plan);

}  // namespace rollcall::timeoff::leave
