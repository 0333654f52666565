#include "domain/timeoff/leave/leave_request.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rollcall::timeoff::leave {
namespace {

constexpr std::array<std::pair<RequestState, std::string_view>, 7> kNames{{
    {RequestState::kSubmitted, "submitted"},
    {RequestState::kSergeantApproved, "sergeant-approved"},
    {RequestState::kCaptainReview, "captain-review"},
    {RequestState::kApproved, "approved"},
    {RequestState::kRecorded, "recorded"},
    {RequestState::kDenied, "denied"},
    {RequestState::kCancelled, "cancelled"},
}};

}  // namespace

std::string_view to_string(RequestState s) {
  for (const auto& [k, name] : kNames) {
    if (k == s) return name;
  }
  return "?";
}

std::optional<RequestState> parse_request_state(std::string_view s) {
  for (const auto& [k, name] : kNames) {
    if (name == s) return k;
  }
  return std::nullopt;
}

bool is_live(RequestState s) { return s != RequestState::kDenied && s != RequestState::kCancelled; }
bool is_pending(RequestState s) { return is_live(s) && s != RequestState::kRecorded; }

WorkSchedule::WorkSchedule(std::vector<Day> days) : days_(std::move(days)) {
  std::stable_sort(days_.begin(), days_.end(),
                   [](const Day& a, const Day& b) { return a.date < b.date; });
  std::vector<Day> unique;
  for (const Day& d : days_) {
    if (!unique.empty() && unique.back().date == d.date) {
      unique.back() = d;
    } else {
      unique.push_back(d);
    }
  }
  days_ = std::move(unique);
}

Minutes WorkSchedule::minutes_on(Date d) const {
  auto it = std::lower_bound(days_.begin(), days_.end(), d,
                             [](const Day& x, Date v) { return x.date < v; });
  return it != days_.end() && it->date == d ? it->minutes : 0;
}

std::vector<LeaveDay> WorkSchedule::whole_days(Date first, Date last) const {
  std::vector<LeaveDay> out;
  for (const Day& d : days_) {
    if (d.date >= first && d.date <= last && d.minutes > 0) out.push_back({d.date, d.minutes});
  }
  return out;
}

Minutes LeaveRequest::total_minutes() const {
  Minutes sum = 0;
  for (const LeaveDay& d : days) sum += d.minutes;
  return sum;
}

}  // namespace rollcall::timeoff::leave
