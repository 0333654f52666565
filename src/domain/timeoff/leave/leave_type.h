// 4.010 leave types and the ledger's balance banks. Stored as readable text
// (ARCHITECTURE.md, habit 5): to_string() gives the text, parse_leave_type()
// reads it back and returns nullopt on anything else (including
// "special-duty": 4.010-POL-13 special duty is duty, not leave, and is kept by
// the records module).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rollcall::timeoff::leave {

// Leave is counted in whole minutes everywhere (ARCHITECTURE.md, "Leave is a
// ledger"); 90 minutes is 1.5 hours.
using Minutes = std::int64_t;
constexpr Minutes kMinutesPerHour = 60;
constexpr Minutes kMinutesPerDay = 24 * kMinutesPerHour;

enum class LeaveType {
  kVacation,          // "vacation"
  kSick,              // "sick"
  kHoliday,           // "holiday"            4.010-POL-5, POL-7
  kFurlough,          // "furlough"           4.010-POL-5, POL-7, POL-12
  kDelayedFurlough,   // "delayed-furlough"   a furlough carried past its deadline
  kCompTime,          // "comp-time"          4.010-POL-10
  kReleaseTime,       // "release-time"       4.010-POL-11, PRO-2 (records module)
  kFamilyMedical,     // "family-medical"     FML: paid from sick/vacation or unpaid
  kMilitary,          // "military"
  kJuryDuty,          // "jury-duty"
  kFuneral,           // "funeral"
  kDomesticViolence,  // "dv-sa-stalking"     domestic violence, sexual assault, stalking
  kWithoutPay,        // "without-pay"        leave without pay
  kGuildDay,          // "guild-day"          4.010-POL-14 (records module)
  kAwol,              // "awol"               4.010-POL-9, recorded, never requested
};
inline constexpr std::array<LeaveType, 15> kAllLeaveTypes{
    LeaveType::kVacation,
    LeaveType::kSick,
    LeaveType::kHoliday,
    LeaveType::kFurlough,
    LeaveType::kDelayedFurlough,
    LeaveType::kCompTime,
    LeaveType::kReleaseTime,
    LeaveType::kFamilyMedical,
    LeaveType::kMilitary,
    LeaveType::kJuryDuty,
    LeaveType::kFuneral,
    LeaveType::kDomesticViolence,
    LeaveType::kWithoutPay,
    LeaveType::kGuildDay,
    LeaveType::kAwol,
};

std::string_view to_string(LeaveType t);
std::optional<LeaveType> parse_leave_type(std::string_view s);
// "vacation|sick|…", for error messages.
std::string leave_type_choices();

// True for the types that have a balance in the ledger (a "bank"): vacation,
// sick, holiday, furlough, delayed furlough and comp time. Other types draw
// from a bank (family-medical) or from none (jury duty, without pay, AWOL).
bool is_bank(LeaveType t);

}  // namespace rollcall::timeoff::leave
