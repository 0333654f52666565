#include "domain/timeoff/records/guild_day.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

namespace rollcall::timeoff::records {
namespace {

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool guild_eligible(const org::Employee& e, const GuildRules& rules) {
  if (e.category != org::Category::kSworn) return false;
  if (lower(e.bargaining_unit) != lower(rules.bargaining_unit)) return false;
  const std::string rank = lower(e.rank);
  return std::any_of(rules.eligible_ranks.begin(), rules.eligible_ranks.end(),
                     [&](const std::string& r) { return lower(r) == rank; });
}

Result<GuildDayRequest> request_guild_day(std::int64_t id, const org::Employee& employee,
                                          const GuildDayInput& input, const Actor& actor,
                                          Instant at, const GuildRules& rules) {
  if (actor.employee != employee.id) {
    return denied(actor, "4.010-POL-14: the Guild member completes form 2.23.1");
  }
  if (!guild_eligible(employee, rules)) {
    return invalid_argument(
        "employee: guild days (4.010-POL-14) are for police officers and sergeants in " +
        rules.bargaining_unit + "; employee " + std::to_string(employee.id) + " is " +
        std::string(org::to_string(employee.category)) + " " + employee.rank + " in '" +
        employee.bargaining_unit + "'");
  }
  if (input.days.empty()) return invalid_argument("days: form 2.23.1 names the guild days");
  if (std::set<Date>(input.days.begin(), input.days.end()).size() != input.days.size()) {
    return invalid_argument("days: form 2.23.1 names a day twice");
  }
  if (input.minutes_per_day <= 0 || input.minutes_per_day > kMinutesPerDay) {
    return invalid_argument("hours: guild day minutes per day must be 1 to 1440");
  }
  if (input.business.empty())
    return invalid_argument("business: form 2.23.1 describes the union business");
  GuildDayRequest r;
  r.id = id;
  r.employee = employee.id;
  r.days = input.days;
  std::sort(r.days.begin(), r.days.end());
  r.minutes_per_day = input.minutes_per_day;
  r.business = input.business;
  r.requested_at = at;
  r.history.push_back({"request", actor.employee, at, AuthorizationState::kRequested, r.business});
  return r;
}

Result<GuildDayRequest> decide_guild_day(const GuildDayRequest& r, bool approve, const Actor& actor,
                                         Instant at, std::string comments,
                                         const GuildRules& rules) {
  const bool president = rules.president ? actor.employee == *rules.president
                                         : holds(actor, access::Role::kGuildPresident);
  if (!president || actor.employee == r.employee) {
    return denied(actor, "4.010-POL-14: the Guild president decides guild days (never their own)");
  }
  if (r.state != AuthorizationState::kRequested) {
    return failed_precondition("the guild day request is " + std::string(to_string(r.state)) +
                               "; only a requested one is decided");
  }
  if (!approve && comments.empty()) return invalid_argument("comments: disapproving says why");
  GuildDayRequest out = r;
  out.state = approve ? AuthorizationState::kApproved : AuthorizationState::kDisapproved;
  out.decided_by = actor.employee;
  out.decided_at = at;
  out.comments = comments;
  out.history.push_back(
      {approve ? "approve" : "disapprove", actor.employee, at, out.state, std::move(comments)});
  return out;
}

std::vector<TimesheetLine> guild_day_lines(const GuildDayRequest& r) {
  std::vector<TimesheetLine> out;
  if (r.state != AuthorizationState::kApproved) return out;
  for (Date d : r.days) out.push_back({d, TimeCode::kGuild, "", r.minutes_per_day});
  return out;
}

}  // namespace rollcall::timeoff::records
