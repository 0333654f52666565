#include "domain/pmp/plan/coaching_log.h"

#include <array>
#include <utility>
#include <vector>

namespace rollcall::pmp::plan {
namespace {

constexpr std::array<std::pair<CoachingKind, std::string_view>, 6> kKinds{{
    {CoachingKind::kConversation, "conversation"},
    {CoachingKind::kRideAlong, "ride-along"},
    {CoachingKind::kAccompaniment, "accompaniment"},
    {CoachingKind::kDebrief, "debrief"},
    {CoachingKind::kAssignment, "assignment"},
    {CoachingKind::kOther, "other"},
}};
constexpr std::array<std::pair<ContactKind, std::string_view>, 3> kContacts{{
    {ContactKind::kCall, "call"},
    {ContactKind::kTrafficStop, "traffic-stop"},
    {ContactKind::kCitizenContact, "citizen-contact"},
}};
constexpr std::array<std::pair<DebriefSubject, std::string_view>, 3> kSubjects{{
    {DebriefSubject::kSignificantEvent, "significant-event"},
    {DebriefSubject::kArrest, "arrest"},
    {DebriefSubject::kIndicatorEvent, "indicator-event"},
}};

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [value, name] : table) {
    if (value == v) return name;
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view s) {
  for (const auto& [value, name] : table) {
    if (name == s) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(CoachingKind k) { return name_of(kKinds, k); }
std::optional<CoachingKind> parse_coaching_kind(std::string_view s) { return parse(kKinds, s); }
std::string_view to_string(ContactKind k) { return name_of(kContacts, k); }
std::optional<ContactKind> parse_contact_kind(std::string_view s) { return parse(kContacts, s); }
std::string_view to_string(DebriefSubject s) { return name_of(kSubjects, s); }
std::optional<DebriefSubject> parse_debrief_subject(std::string_view s) {
  return parse(kSubjects, s);
}

std::vector<std::string> entry_problems(const CoachingEntry& e) {
  std::vector<std::string> out;
  if (e.notes.empty()) out.push_back("notes: required (3.070-PRO-2.3 strategies used)");
  const bool ride = e.kind == CoachingKind::kRideAlong;
  const bool accompaniment = e.kind == CoachingKind::kAccompaniment;
  const bool debrief = e.kind == CoachingKind::kDebrief;
  if (ride && e.minutes <= 0) out.push_back("minutes: a ride-along needs its length in minutes");
  if (!ride && e.minutes != 0) out.push_back("minutes: only a ride-along has a length");
  if (accompaniment && !e.contact) {
    out.push_back("contact: an accompaniment is a call, traffic-stop or citizen-contact");
  }
  if (!accompaniment && e.contact) out.push_back("contact: only an accompaniment has one");
  if (debrief && !e.subject) {
    out.push_back("subject: a debrief is of a significant-event, arrest or indicator-event");
  }
  if (!debrief && (e.subject || e.event_id || e.detail)) {
    out.push_back("subject: only a debrief has a subject or an event");
  }
  if (debrief && e.subject == DebriefSubject::kIndicatorEvent && !e.event_id) {
    out.push_back("event_id: a debrief of an indicator event names the event");
  }
  if (debrief && e.subject != DebriefSubject::kIndicatorEvent && e.event_id) {
    out.push_back("event_id: only a debrief of an indicator event names one");
  }
  return out;
}

}  // namespace rollcall::pmp::plan
