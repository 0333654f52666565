#include "domain/timeoff/records/time_code.h"

#include <array>
#include <utility>

namespace rollcall::timeoff::records {
namespace {

constexpr std::array<std::pair<TimeCode, std::string_view>, 8> kNames{{
    {TimeCode::kRegular, "regular"},
    {TimeCode::kOvertime, "overtime"},
    {TimeCode::kOvertimeComp, "overtime-comp"},
    {TimeCode::kLeave, "leave"},
    {TimeCode::kReleaseTime, "release-time"},
    {TimeCode::kSpecialDuty, "special-duty"},
    {TimeCode::kGuild, "guild"},
    {TimeCode::kAwol, "awol"},
}};

}  // namespace

std::string_view to_string(TimeCode c) {
  for (const auto& [code, name] : kNames) {
    if (code == c) return name;
  }
  return "?";
}

std::optional<TimeCode> parse_time_code(std::string_view s) {
  for (const auto& [code, name] : kNames) {
    if (name == s) return code;
  }
  return std::nullopt;
}

bool is_paid(TimeCode c) { return c != TimeCode::kAwol; }

bool is_hours_worked(TimeCode c) {
  return c == TimeCode::kRegular || c == TimeCode::kOvertime || c == TimeCode::kOvertimeComp ||
         c == TimeCode::kSpecialDuty;
}

LineTotals totals(const std::vector<TimesheetLine>& lines) {
  LineTotals t;
  for (const TimesheetLine& l : lines) {
    (is_paid(l.code) ? t.paid : t.unpaid) += l.minutes;
    if (is_hours_worked(l.code)) t.hours_worked += l.minutes;
    if (l.code == TimeCode::kLeave) t.leave += l.minutes;
    if (l.code == TimeCode::kOvertimeComp) t.comp_elected += l.minutes;
  }
  return t;
}

}  // namespace rollcall::timeoff::records
