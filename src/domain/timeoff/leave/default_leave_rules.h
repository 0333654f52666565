// The leave rules rollcall ships with: a STARTING POINT for the department and
// Payroll to replace with the rates of each collective bargaining agreement
// and the City Personnel Rules (4.010-POL-1). Only two numbers come from the
// policy text itself: 36 hours of unearned furlough on 4-2 and 24-hour
// schedules (4.010-POL-5) and the use-it-or-lose-it banks (4.010-POL-7).
#pragma once

#include <string_view>

namespace rollcall::timeoff::leave {

// TOML text for parse_leave_rules(); it always parses (a unit test checks it).
std::string_view default_leave_rules_toml();

}  // namespace rollcall::timeoff::leave
