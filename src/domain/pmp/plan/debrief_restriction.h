// 3.070 §6 "Debrief Exceptions": what an after-action debrief of an indicator
// event may show, as a pure function the API serialises as is.
//
//   - A Type III use of force, any firearms discharge (whatever its type) and
//     any OPA complaint still open "cannot be discussed in detail": the view
//     shows only that the event exists (its kind and date).
//   - An open OPA complaint, once the employee has given a statement and been
//     interviewed by OPA, allows a "general issues and best practices"
//     debrief, not a detailed one.
//   - Everything else may be debriefed in full.
//
// Where the policy is silent we err toward the Labor Agreements, as case
// management products do (IAPro withholds open-investigation detail by
// default):
//   - A use of force whose type is not yet designated is shown as existing
//     only, until it is designated (it may turn out to be Type III).
//   - A complaint whose source is unknown is treated as an OPA complaint.
//   - EEO complaints are not named by §6: they may be debriefed in full.
//   - A withdrawn event (a duplicate or an error) is not debriefable at all:
//     kExistenceOnly, with the reason saying so.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/pmp/indicator_event.h"
#include "time/civil_date.h"

namespace rollcall::pmp::plan {

// How much of the event a debrief may discuss. to_string gives the stored and
// serialised text (in quotes).
enum class DebriefDetail {
  kFull,               // "full"
  kGeneralIssuesOnly,  // "general-issues-only"
  kExistenceOnly,      // "existence-only"
};
std::string_view to_string(DebriefDetail d);
std::optional<DebriefDetail> parse_debrief_detail(std::string_view s);

// What a debrief view of one event may show.
struct DebriefView {
  std::int64_t event_id = 0;
  EventKind kind = EventKind::kUseOfForce;  // always shown
  Date date;                                // always shown
  DebriefDetail detail = DebriefDetail::kExistenceOnly;
  std::string clause;  // "3.070-POL-6"
  std::string reason;  // why, in words: "Type III use of force: …"
};

// Decides the view of `event` on date `on` (the day of the debrief), given the
// date the employee gave OPA a statement and was interviewed, if any. An
// interview counts when it is on or before `on`; with no date given, the
// event's own `opa_interview_given` flag (as recorded now) counts. Never fails.
DebriefView debrief_view(const IndicatorEvent& event, std::optional<Date> opa_interview, Date on);

// True when a debrief may take place at all (detail is not kExistenceOnly).
bool debriefable(const DebriefView& view);

}  // namespace rollcall::pmp::plan
