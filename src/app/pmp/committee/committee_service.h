// Use cases of the PMP Committee's meetings (3.070-POL-3), stored as workflow
// records of kind "pmp-committee-meeting" (ADR 0008). The record's employee is
// the Coordinator who scheduled it (the table needs one; the meeting is not
// about them). Each write is one transaction with its audit record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/pmp/review/review_service.h"
#include "domain/pmp/committee/committee_meeting.h"
#include "storage/database.h"

namespace rollcall::app::committee {

inline constexpr std::string_view kMeetingKind = "pmp-committee-meeting";

struct StoredMeeting {
  pmp::committee::Meeting meeting;
  int version = 0;
};

nlohmann::json meeting_to_json(const pmp::committee::Meeting& m);
// DATA_LOSS if the body is not a meeting this build wrote.
Result<pmp::committee::Meeting> meeting_from_json(const std::string& body, std::int64_t id);

Result<std::vector<StoredMeeting>> load_meetings(storage::WorkflowReader& db);

// Schedules a meeting (the actor must be a Coordinator).
Result<StoredMeeting> schedule_meeting(storage::Database& db, const org::OrgSnapshot& org,
                                       const review::ActingAs& actor, Date scheduled_for,
                                       std::string agenda);

// A step on a scheduled or held meeting.
struct MeetingStep {
  std::string action;  // "hold" | "forward" | "cancel"
  int expected_version = 0;
  Date held_on;
  std::vector<pmp::committee::Seat> seats_present;
  std::vector<std::string> attendees;
  std::string minutes;
  std::vector<pmp::committee::Recommendation> recommendations;
  std::string reason;  // cancel
};
// NOT_FOUND for an unknown id; INVALID_ARGUMENT for an unknown action; the
// domain's errors; FAILED_PRECONDITION for a stale version.
Result<StoredMeeting> take_meeting_step(storage::Database& db, const org::OrgSnapshot& org,
                                        const review::ActingAs& actor, std::int64_t id,
                                        const MeetingStep& step);

}  // namespace rollcall::app::committee
