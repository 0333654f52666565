// Indicator events of 3.070 §1 (A–F), versioned.
//
// An event has a stable id; every correction (a collision ruled preventable, a
// complaint re-dated, a duplicate withdrawn) is a new version with the time it
// was recorded. Nothing is overwritten, so evaluation can use the versions
// known at any instant ("as known then") or the latest ("as known now").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "domain/org/org_types.h"
#include "domain/pmp/indicator.h"

namespace rollcall::pmp {

enum class EventKind {
  kSupervisoryRecommendation,  // A
  kUseOfForce,                 // B
  kVehicleCollision,           // C
  kComplaint,                  // D
  kClaim,                      // E
  kPursuit,                    // F
};
enum class ForceType { kI, kII, kIII };
enum class Preventability { kPending, kPreventable, kNotPreventable };
enum class ComplaintSource { kOpa, kEeo };

std::string_view to_string(EventKind k);        // "supervisory-recommendation", "use-of-force", …
std::string_view to_string(ForceType t);        // "I", "II", "III"
std::string_view to_string(Preventability p);   // "pending", "preventable", "not-preventable"
std::string_view to_string(ComplaintSource s);  // "OPA", "EEO"
// Parsers accept the to_string spelling; parse_event_kind also accepts the
// indicator letter ("B" = use of force). nullopt on anything else.
std::optional<EventKind> parse_event_kind(std::string_view s);
std::optional<ForceType> parse_force_type(std::string_view s);
std::optional<Preventability> parse_preventability(std::string_view s);
std::optional<ComplaintSource> parse_complaint_source(std::string_view s);
Indicator indicator_of(EventKind k);

struct IndicatorEvent {
  std::int64_t id = 0;  // identity shared by all versions
  int version = 1;
  org::EmployeeId employee = 0;
  EventKind kind = EventKind::kUseOfForce;
  // The date that counts: occurred (A, B, C, F), received (D), named (E).
  Date date;
  std::string incident_number;
  std::string source_system;
  // A: supervisory recommendation
  std::string author;
  std::string text;
  // B: use of force
  std::optional<ForceType> force_type;
  bool firearm_discharge = false;
  std::string investigation_status;
  // C: vehicle collision
  Preventability preventability = Preventability::kPending;
  std::optional<Date> ruled_on;
  // D: complaint
  std::optional<ComplaintSource> complaint_source;
  bool complaint_open = true;
  std::string disposition;
  bool opa_interview_given = false;
  // Every kind
  bool withdrawn = false;  // a duplicate or an error: kept, never counted
  std::string note;        // why this version was recorded
  Instant recorded_at{};
  std::string recorded_by;
};

// Whether the event counts toward its indicator (and so toward G):
//   B: investigated at Type II or III, or any firearms discharge;
//   C: ruled preventable (pending and not-preventable do not count);
//   A, D, E, F: always. A withdrawn event never counts.
bool qualifies(const IndicatorEvent& e);

// The version of each event in force as known at `known_at` (nullopt: the
// latest). Input: all versions of any events, any order. Output: one version
// per event id known by then, sorted by (employee, date, id).
std::vector<IndicatorEvent> versions_as_known(const std::vector<IndicatorEvent>& all,
                                              std::optional<Instant> known_at);

// Problems with an event's fields (kind-specific required values), empty if none:
// "force_type: required for a use of force".
std::vector<std::string> event_problems(const IndicatorEvent& e);

}  // namespace rollcall::pmp
