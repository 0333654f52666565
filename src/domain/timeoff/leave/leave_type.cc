#include "domain/timeoff/leave/leave_type.h"

#include <utility>

namespace rollcall::timeoff::leave {
namespace {

constexpr std::array<std::pair<LeaveType, std::string_view>, 15> kNames{{
    {LeaveType::kVacation, "vacation"},
    {LeaveType::kSick, "sick"},
    {LeaveType::kHoliday, "holiday"},
    {LeaveType::kFurlough, "furlough"},
    {LeaveType::kDelayedFurlough, "delayed-furlough"},
    {LeaveType::kCompTime, "comp-time"},
    {LeaveType::kReleaseTime, "release-time"},
    {LeaveType::kFamilyMedical, "family-medical"},
    {LeaveType::kMilitary, "military"},
    {LeaveType::kJuryDuty, "jury-duty"},
    {LeaveType::kFuneral, "funeral"},
    {LeaveType::kDomesticViolence, "dv-sa-stalking"},
    {LeaveType::kWithoutPay, "without-pay"},
    {LeaveType::kGuildDay, "guild-day"},
    {LeaveType::kAwol, "awol"},
}};

}  // namespace

std::string_view to_string(LeaveType t) {
  for (const auto& [k, name] : kNames) {
    if (k == t) return name;
  }
  return "?";
}

std::optional<LeaveType> parse_leave_type(std::string_view s) {
  for (const auto& [k, name] : kNames) {
    if (name == s) return k;
  }
  return std::nullopt;
}

std::string leave_type_choices() {
  std::string out;
  for (const auto& [k, name] : kNames) out += (out.empty() ? "" : "|") + std::string(name);
  return out;
}

bool is_bank(LeaveType t) {
  switch (t) {
    case LeaveType::kVacation:
    case LeaveType::kSick:
    case LeaveType::kHoliday:
    case LeaveType::kFurlough:
    case LeaveType::kDelayedFurlough:
    case LeaveType::kCompTime:
      return true;
    default:
      return false;
  }
}

}  // namespace rollcall::timeoff::leave
