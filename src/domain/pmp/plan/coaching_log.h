// The sergeant's coaching and mentoring log of a Mentoring Plan (3.070-PRO-2.4
// "coaches and mentors", PRO-2.5 "utilizes checklist … to document actions /
// training taken", and the four strategies of 3.070 §6). The plan workflow
// appends entries (plan_workflow.h); weekly_compliance.h counts them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/pmp/plan/debrief_restriction.h"
#include "time/civil_date.h"

namespace rollcall::pmp::plan {

// What the sergeant did. to_string gives the stored text (in quotes).
enum class CoachingKind {
  kConversation,   // "conversation": §6 regular and consistent conversations
  kRideAlong,      // "ride-along": §6 counts toward the weekly rule only if long enough
  kAccompaniment,  // "accompaniment": §6 one call, traffic stop or citizen contact
  kDebrief,        // "debrief": §6 after-action debrief
  kAssignment,     // "assignment": PRO-1.6 assigned reading or training
  kOther,          // "other"
};
std::string_view to_string(CoachingKind k);
std::optional<CoachingKind> parse_coaching_kind(std::string_view s);

// What an accompaniment was. "call" | "traffic-stop" | "citizen-contact"
enum class ContactKind { kCall, kTrafficStop, kCitizenContact };
std::string_view to_string(ContactKind k);
std::optional<ContactKind> parse_contact_kind(std::string_view s);

// What a debrief was about (§6). "significant-event" | "arrest" | "indicator-event"
enum class DebriefSubject { kSignificantEvent, kArrest, kIndicatorEvent };
std::string_view to_string(DebriefSubject s);
std::optional<DebriefSubject> parse_debrief_subject(std::string_view s);

struct CoachingEntry {
  CoachingKind kind = CoachingKind::kConversation;
  Date date;                           // when it took place (may be before the day it was logged)
  int minutes = 0;                     // ride-along: its length (> 0)
  std::optional<ContactKind> contact;  // accompaniment: required
  std::optional<DebriefSubject> subject;  // debrief: required
  std::optional<std::int64_t> event_id;   // debrief of an indicator event: required
  // Debrief of an indicator event: the detail it was held at (from
  // debrief_view on its date; never kExistenceOnly).
  std::optional<DebriefDetail> detail;
  std::string notes;              // what was done and said: required
  std::string employee_feedback;  // PRO-2.3 "employee feedback": optional
  std::string reference;          // e.g. the incident number of the call or arrest
};

// Problems with an entry's fields, empty if none, each "field: reason":
//   notes required; ride-along minutes > 0; accompaniment needs a contact;
//   debrief needs a subject, and an indicator-event debrief needs an event id;
//   fields that belong to another kind (minutes on a conversation, …).
std::vector<std::string> entry_problems(const CoachingEntry& e);

}  // namespace rollcall::pmp::plan
