#include "domain/timeoff/leave/ledger.h"

#include <array>
#include <cassert>
#include <utility>

namespace rollcall::timeoff::leave {
namespace {

constexpr std::array<std::pair<EntryKind, std::string_view>, 8> kNames{{
    {EntryKind::kAccrual, "accrual"},
    {EntryKind::kUsage, "usage"},
    {EntryKind::kAdjustment, "adjustment"},
    {EntryKind::kHolidayCredit, "holiday-credit"},
    {EntryKind::kFurloughGrant, "furlough-grant"},
    {EntryKind::kForfeiture, "forfeiture"},
    {EntryKind::kCashOut, "cash-out"},
    {EntryKind::kYearEndTransfer, "year-end-transfer"},
}};

}  // namespace

std::string_view to_string(EntryKind k) {
  for (const auto& [kind, name] : kNames) {
    if (kind == k) return name;
  }
  return "?";
}

std::optional<EntryKind> parse_entry_kind(std::string_view s) {
  for (const auto& [kind, name] : kNames) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

Minutes balance(std::span<const LedgerEntry> entries, LeaveType bank, Date as_of) {
  Minutes sum = 0;
  for (const LedgerEntry& e : entries) {
    if (e.bank == bank && e.date <= as_of) sum += e.minutes;
  }
  return sum;
}

Minutes committed_after(std::span<const LedgerEntry> entries, LeaveType bank, Date as_of) {
  Minutes sum = 0;
  for (const LedgerEntry& e : entries) {
    if (e.bank != bank || e.date <= as_of) continue;
    if (e.kind == EntryKind::kUsage || e.minutes < 0) sum += e.minutes;
  }
  return sum;
}

Minutes& Balances::operator[](LeaveType bank) {
  switch (bank) {
    case LeaveType::kVacation:
      return vacation;
    case LeaveType::kSick:
      return sick;
    case LeaveType::kHoliday:
      return holiday;
    case LeaveType::kFurlough:
      return furlough;
    case LeaveType::kDelayedFurlough:
      return delayed_furlough;
    case LeaveType::kCompTime:
      return comp_time;
    default:
      assert(false && "not a bank");
      return vacation;
  }
}

Minutes Balances::operator[](LeaveType bank) const {
  return const_cast<Balances&>(*this)[bank];  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

Balances balances(std::span<const LedgerEntry> entries, Date as_of) {
  Balances b;
  for (const LedgerEntry& e : entries) {
    if (e.date <= as_of && is_bank(e.bank)) b[e.bank] += e.minutes;
  }
  return b;
}

}  // namespace rollcall::timeoff::leave
