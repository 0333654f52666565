// The codes of an electronic timesheet line (4.010-POL-4) and what each means
// for pay, leave and FLSA hours worked. Stored as readable text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/civil_date.h"

namespace rollcall::timeoff::records {

// The most minutes one line (or one day) can hold.
inline constexpr std::int64_t kMinutesPerDay = 1440;

enum class TimeCode {
  kRegular,       // "regular"        scheduled hours worked
  kOvertime,      // "overtime"       overtime paid in cash
  kOvertimeComp,  // "overtime-comp"  overtime the employee elected to bank as comp (POL-10)
  kLeave,         // "leave"          paid leave of a named type (leave_type), drawn from the ledger
  kReleaseTime,   // "release-time"   sworn release time (POL-11, PRO-2); paid, no leave drawn
  kSpecialDuty,   // "special-duty"   special duty day (POL-13): duty, not leave
  kGuild,         // "guild"          guild day (POL-14): union business, paid, no leave drawn
  kAwol,          // "awol"           absent without leave (POL-9): unpaid, no leave drawn
};
std::string_view to_string(TimeCode c);
std::optional<TimeCode> parse_time_code(std::string_view s);

// Whether the minutes are compensated, in cash or banked as comp (everything
// but AWOL).
bool is_paid(TimeCode c);
// Whether the minutes count as FLSA hours worked (regular, overtime, special
// duty; paid leave, release time and guild days do not — ARCHITECTURE.md "FLSA").
bool is_hours_worked(TimeCode c);

struct TimesheetLine {
  Date date;
  TimeCode code = TimeCode::kRegular;
  std::string leave_type;  // only with kLeave: the leave module's type text ("vacation", "sick")
  std::int64_t minutes = 0;
  friend bool operator==(const TimesheetLine&, const TimesheetLine&) = default;
};

// Totals of a set of lines, in minutes.
struct LineTotals {
  std::int64_t paid = 0;
  std::int64_t unpaid = 0;        // AWOL
  std::int64_t hours_worked = 0;  // FLSA hours worked
  std::int64_t leave = 0;         // drawn from leave balances
  std::int64_t comp_elected = 0;  // overtime worked that the employee elected to bank
};
LineTotals totals(const std::vector<TimesheetLine>& lines);

}  // namespace rollcall::timeoff::records
