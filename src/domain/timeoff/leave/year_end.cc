#include "domain/timeoff/leave/year_end.h"

#include <algorithm>

namespace rollcall::timeoff::leave {
namespace {

bool furlough_bank(LeaveType b) {
  return b == LeaveType::kFurlough || b == LeaveType::kDelayedFurlough;
}

const ExtensionRequest* extension_for(std::span<const ExtensionRequest> exts, LeaveType bank,
                                      int year) {
  for (const ExtensionRequest& e : exts) {
    if (e.year == year && e.granted && e.state == ExtensionState::kSentToPayroll &&
        std::find(e.banks.begin(), e.banks.end(), bank) != e.banks.end()) {
      return &e;
    }
  }
  return nullptr;
}

LedgerEntry entry(const PlanItem& item, LeaveType bank, Minutes minutes, EntryKind kind, int year) {
  LedgerEntry e;
  e.employee = item.employee;
  e.bank = bank;
  e.taken_as = bank;
  e.date = item.date;
  e.minutes = minutes;
  e.kind = kind;
  e.source = "year-end " + std::to_string(year);
  e.reason = item.reason;
  return e;
}

}  // namespace

std::string_view to_string(PlanItemKind k) {
  switch (k) {
    case PlanItemKind::kForfeit:
      return "forfeit";
    case PlanItemKind::kCover:
      return "cover";
    case PlanItemKind::kPayAdjustment:
      return "pay-adjustment";
    case PlanItemKind::kCarry:
      return "carry";
  }
  return "?";
}

Result<YearEndPlan> plan_year_end(const YearEndRules& rules, int year, Date furlough_deadline,
                                  std::span<const EmployeeYearEnd> employees) {
  if (furlough_deadline.year() != year || furlough_deadline.month() != 12) {
    return invalid_argument("furlough_deadline: " + furlough_deadline.to_string() +
                            " is not in December " + std::to_string(year) +
                            " (the end of the last full pay period in December)");
  }
  const Date dec31 = Date::from_ymd(year, 12, 31);
  YearEndPlan plan;
  plan.year = year;
  plan.furlough_deadline = furlough_deadline;
  // Furlough banks first: their deadline comes first.
  std::vector<LeaveType> order = rules.use_or_lose;
  std::stable_partition(order.begin(), order.end(), furlough_bank);

  for (const EmployeeYearEnd& emp : employees) {
    Balances at_furlough, at_year_end;
    for (const LedgerEntry& e : emp.entries) {
      if (!is_bank(e.bank)) continue;
      if (e.date <= furlough_deadline) at_furlough[e.bank] += e.minutes;
      if (e.date <= dec31) at_year_end[e.bank] += e.minutes;
    }
    auto at_deadline = [&](LeaveType b) {
      return furlough_bank(b) ? at_furlough[b] : at_year_end[b];
    };
    auto deadline_of = [&](LeaveType b) { return furlough_bank(b) ? furlough_deadline : dec31; };
    // What each bank can still give, starting from its balance at year end
    // (use-or-lose banks: at their deadline).
    Balances remaining = at_year_end;
    for (LeaveType b : order) remaining[b] = at_deadline(b);

    for (LeaveType b : order) {
      Minutes deficit = -at_deadline(b);
      if (deficit <= 0) continue;
      for (LeaveType from : rules.cover_order) {
        if (from == b || deficit == 0 || remaining[from] <= 0) continue;
        const Minutes take = std::min(deficit, remaining[from]);
        remaining[from] -= take;
        remaining[b] += take;
        deficit -= take;
        plan.items.push_back({emp.employee, PlanItemKind::kCover, b, from, take, dec31,
                              "negative " + std::string(to_string(b)) + " covered from " +
                                  std::string(to_string(from)) + " (4.010-POL-7)"});
      }
      if (deficit > 0) {
        remaining[b] += deficit;
        plan.items.push_back({emp.employee, PlanItemKind::kPayAdjustment, b, std::nullopt, deficit,
                              dec31,
                              "negative " + std::string(to_string(b)) +
                                  " recovered by pay adjustment (4.010-POL-7)"});
      }
    }
    for (LeaveType b : order) {
      const Minutes left = remaining[b];
      if (left <= 0) continue;
      if (const ExtensionRequest* ext = extension_for(emp.extensions, b, year)) {
        plan.items.push_back({emp.employee, PlanItemKind::kCarry, b, std::nullopt, left, ext->until,
                              "extension " + std::to_string(ext->id) + " until " +
                                  ext->until.to_string() + " (4.010-POL-7)"});
      } else {
        plan.items.push_back({emp.employee, PlanItemKind::kForfeit, b, std::nullopt, left,
                              deadline_of(b),
                              "unused " + std::string(to_string(b)) + " lost at the " +
                                  deadline_of(b).to_string() + " deadline (4.010-POL-7)"});
      }
    }
  }
  return plan;
}

std::vector<LedgerEntry> ledger_entries(const YearEndPlan& plan) {
  std::vector<LedgerEntry> out;
  for (const PlanItem& item : plan.items) {
    switch (item.kind) {
      case PlanItemKind::kForfeit:
        out.push_back(entry(item, item.bank, -item.minutes, EntryKind::kForfeiture, plan.year));
        break;
      case PlanItemKind::kCover:
        out.push_back(
            entry(item, *item.from, -item.minutes, EntryKind::kYearEndTransfer, plan.year));
        out.push_back(entry(item, item.bank, item.minutes, EntryKind::kYearEndTransfer, plan.year));
        break;
      case PlanItemKind::kPayAdjustment:
        out.push_back(entry(item, item.bank, item.minutes, EntryKind::kAdjustment, plan.year));
        break;
      case PlanItemKind::kCarry:
        break;
    }
  }
  return out;
}

}  // namespace rollcall::timeoff::leave
