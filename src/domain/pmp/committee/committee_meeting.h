// 3.070 §3: the PMP Committee monitors the program. The Performance Mentoring
// Coordinator schedules its meetings semi-annually; at each it reviews the
// threshold criteria for relevancy and proper levels and forwards any
// recommendations on thresholds or criteria to the Chief of Police.
//
// A meeting as a pure state machine in the style of review_workflow.h:
//   scheduled --hold--> held --forward--> forwarded (final)
//   scheduled --cancel--> cancelled (final)
// A held meeting without recommendations is final as held. Only a Coordinator
// acts (PERMISSION_DENIED otherwise); out-of-order steps are
// FAILED_PRECONDITION; bad content INVALID_ARGUMENT. Checks run in that order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/access/access.h"
#include "domain/org/org_types.h"
#include "time/civil_date.h"

namespace rollcall::pmp::committee {

// "scheduled" | "held" | "forwarded" | "cancelled"
enum class MeetingState { kScheduled, kHeld, kForwarded, kCancelled };
std::string_view to_string(MeetingState s);
std::optional<MeetingState> parse_meeting_state(std::string_view s);
bool is_final(MeetingState s, bool has_recommendations);

// The stakeholders §3 names, each "or designee". Stored as text.
enum class Seat {
  kOperationsBureauChief,       // "operations-bureau-chief"
  kInvestigationsBureauChief,   // "investigations-bureau-chief"
  kOpaDirector,                 // "opa-director"
  kForceInvestigationsTeam,     // "force-investigations-team"
  kEmployeeServicesLieutenant,  // "employee-services-lieutenant"
  kCoordinator,                 // "pm-coordinator"
};
std::string_view to_string(Seat s);
std::optional<Seat> parse_seat(std::string_view s);
inline constexpr int kSeatCount = 6;

// A recommendation to the Chief of Police about thresholds or criteria,
// optionally naming the proposed threshold set it refers to.
struct Recommendation {
  std::string text;
  std::optional<std::int64_t> threshold_set_id;
};

struct StepTaken {
  std::string what;  // "schedule", "hold", "forward", "cancel"
  org::EmployeeId actor = 0;
  Instant at;
  Date on;
  std::string comments;
};

struct Meeting {
  std::int64_t id = 0;
  Date scheduled_for;
  std::string agenda;
  MeetingState state = MeetingState::kScheduled;
  std::optional<Date> held_on;
  std::vector<Seat> seats_present;     // §3 stakeholders represented
  std::vector<std::string> attendees;  // names or serials as recorded
  std::string minutes;
  std::vector<Recommendation> recommendations;
  std::optional<Date> forwarded_on;  // to the Chief of Police
  std::vector<StepTaken> history;
};

struct Actor {
  org::EmployeeId employee = 0;
  std::vector<access::Role> roles;
};

// Schedules a meeting. PERMISSION_DENIED unless a Coordinator;
// INVALID_ARGUMENT if the date is before `on` or the agenda is empty.
Result<Meeting> schedule(const Actor& actor, Date scheduled_for, std::string agenda, Instant at,
                         Date on);

// Records the meeting as held on `held_on` (not after `on`, not before it was
// scheduled… a meeting may be held earlier than planned): minutes required,
// at least one seat present.
Result<Meeting> hold(const Meeting& m, const Actor& actor, Date held_on,
                     std::vector<Seat> seats_present, std::vector<std::string> attendees,
                     std::string minutes, std::vector<Recommendation> recommendations, Instant at,
                     Date on);

// Forwards the meeting's recommendations to the Chief of Police (§3).
// FAILED_PRECONDITION unless held with at least one recommendation.
Result<Meeting> forward_to_chief(const Meeting& m, const Actor& actor, Instant at, Date on);

// Cancels a scheduled meeting; a reason is required.
Result<Meeting> cancel(const Meeting& m, const Actor& actor, std::string reason, Instant at,
                       Date on);

// When the next meeting is due: six months after the last one held, or
// `today` if none was ever held (semi-annual, §3).
Date next_meeting_due(const std::vector<Meeting>& meetings, Date today, int months_between = 6);

}  // namespace rollcall::pmp::committee
