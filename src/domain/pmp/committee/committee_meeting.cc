#include "domain/pmp/committee/committee_meeting.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rollcall::pmp::committee {
namespace {

constexpr std::array<std::pair<MeetingState, std::string_view>, 4> kStates{{
    {MeetingState::kScheduled, "scheduled"},
    {MeetingState::kHeld, "held"},
    {MeetingState::kForwarded, "forwarded"},
    {MeetingState::kCancelled, "cancelled"},
}};

constexpr std::array<std::pair<Seat, std::string_view>, kSeatCount> kSeats{{
    {Seat::kOperationsBureauChief, "operations-bureau-chief"},
    {Seat::kInvestigationsBureauChief, "investigations-bureau-chief"},
    {Seat::kOpaDirector, "opa-director"},
    {Seat::kForceInvestigationsTeam, "force-investigations-team"},
    {Seat::kEmployeeServicesLieutenant, "employee-services-lieutenant"},
    {Seat::kCoordinator, "pm-coordinator"},
}};

Status check_coordinator(const Actor& a, std::string_view what) {
  if (std::find(a.roles.begin(), a.roles.end(), access::Role::kCoordinator) == a.roles.end()) {
    return {StatusCode::kPermissionDenied,
            "3.070-POL-3: " + std::string(what) +
                " is the Performance Mentoring Coordinator's; employee " +
                std::to_string(a.employee) + " does not hold that role"};
  }
  return Status::ok();
}

Status need_state(const Meeting& m, MeetingState s, std::string_view what) {
  if (m.state == s) return Status::ok();
  return failed_precondition("3.070-POL-3: " + std::string(what) + " needs the meeting " +
                             std::string(to_string(s)) + "; it is " +
                             std::string(to_string(m.state)));
}

}  // namespace

std::string_view to_string(MeetingState s) {
  for (const auto& [k, v] : kStates) {
    if (k == s) return v;
  }
  return "?";
}
std::optional<MeetingState> parse_meeting_state(std::string_view s) {
  for (const auto& [k, v] : kStates) {
    if (v == s) return k;
  }
  return std::nullopt;
}
bool is_final(MeetingState s, bool has_recommendations) {
  return s == MeetingState::kForwarded || s == MeetingState::kCancelled ||
         (s == MeetingState::kHeld && !has_recommendations);
}
std::string_view to_string(Seat s) {
  for (const auto& [k, v] : kSeats) {
    if (k == s) return v;
  }
  return "?";
}
std::optional<Seat> parse_seat(std::string_view s) {
  for (const auto& [k, v] : kSeats) {
    if (v == s) return k;
  }
  return std::nullopt;
}

Result<Meeting> schedule(const Actor& actor, Date scheduled_for, std::string agenda, Instant at,
                         Date on) {
  RC_RETURN_IF_ERROR(check_coordinator(actor, "scheduling the Committee's meeting"));
  if (scheduled_for < on) {
    return invalid_argument("scheduled_for: " + scheduled_for.to_string() + " is before today " +
                            on.to_string());
  }
  if (agenda.empty()) return invalid_argument("agenda: required");
  Meeting m;
  m.scheduled_for = scheduled_for;
  m.agenda = std::move(agenda);
  m.history.push_back({"schedule", actor.employee, at, on, ""});
  return m;
}

Result<Meeting> hold(const Meeting& m, const Actor& actor, Date held_on,
                     std::vector<Seat> seats_present, std::vector<std::string> attendees,
                     std::string minutes, std::vector<Recommendation> recommendations, Instant at,
                     Date on) {
  RC_RETURN_IF_ERROR(check_coordinator(actor, "recording the meeting"));
  RC_RETURN_IF_ERROR(need_state(m, MeetingState::kScheduled, "recording the meeting"));
  if (held_on > on)
    return invalid_argument("held_on: " + held_on.to_string() + " is in the future");
  if (minutes.empty()) return invalid_argument("minutes: required");
  if (seats_present.empty()) return invalid_argument("seats_present: at least one stakeholder");
  for (const Recommendation& r : recommendations) {
    if (r.text.empty()) return invalid_argument("recommendations: each needs its text");
  }
  Meeting out = m;
  std::sort(seats_present.begin(), seats_present.end());
  seats_present.erase(std::unique(seats_present.begin(), seats_present.end()), seats_present.end());
  out.state = MeetingState::kHeld;
  out.held_on = held_on;
  out.seats_present = std::move(seats_present);
  out.attendees = std::move(attendees);
  out.minutes = std::move(minutes);
  out.recommendations = std::move(recommendations);
  out.history.push_back({"hold", actor.employee, at, on, ""});
  return out;
}

Result<Meeting> forward_to_chief(const Meeting& m, const Actor& actor, Instant at, Date on) {
  RC_RETURN_IF_ERROR(check_coordinator(actor, "forwarding recommendations to the Chief"));
  RC_RETURN_IF_ERROR(need_state(m, MeetingState::kHeld, "forwarding recommendations"));
  if (m.recommendations.empty()) {
    return failed_precondition("3.070-POL-3: the meeting made no recommendations to forward");
  }
  Meeting out = m;
  out.state = MeetingState::kForwarded;
  out.forwarded_on = on;
  out.history.push_back({"forward", actor.employee, at, on, ""});
  return out;
}

Result<Meeting> cancel(const Meeting& m, const Actor& actor, std::string reason, Instant at,
                       Date on) {
  RC_RETURN_IF_ERROR(check_coordinator(actor, "cancelling the meeting"));
  RC_RETURN_IF_ERROR(need_state(m, MeetingState::kScheduled, "cancelling the meeting"));
  if (reason.empty()) return invalid_argument("reason: required");
  Meeting out = m;
  out.state = MeetingState::kCancelled;
  out.history.push_back({"cancel", actor.employee, at, on, std::move(reason)});
  return out;
}

Date next_meeting_due(const std::vector<Meeting>& meetings, Date today, int months_between) {
  std::optional<Date> last;
  for (const Meeting& m : meetings) {
    if (m.held_on && (!last || *m.held_on > *last)) last = m.held_on;
  }
  return last ? last->plus_months(months_between) : today;
}

}  // namespace rollcall::pmp::committee
