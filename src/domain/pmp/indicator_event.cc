#include "domain/pmp/indicator_event.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace rollcall::pmp {
namespace {

constexpr std::array<std::pair<EventKind, std::string_view>, 6> kKinds{{
    {EventKind::kSupervisoryRecommendation, "supervisory-recommendation"},
    {EventKind::kUseOfForce, "use-of-force"},
    {EventKind::kVehicleCollision, "vehicle-collision"},
    {EventKind::kComplaint, "complaint"},
    {EventKind::kClaim, "claim"},
    {EventKind::kPursuit, "pursuit"},
}};

}  // namespace

std::string_view to_string(EventKind k) {
  for (const auto& [kind, name] : kKinds) {
    if (kind == k) return name;
  }
  return "?";
}
std::string_view to_string(ForceType t) {
  switch (t) {
    case ForceType::kI:
      return "I";
    case ForceType::kII:
      return "II";
    case ForceType::kIII:
      return "III";
  }
  return "?";
}
std::string_view to_string(Preventability p) {
  switch (p) {
    case Preventability::kPending:
      return "pending";
    case Preventability::kPreventable:
      return "preventable";
    case Preventability::kNotPreventable:
      return "not-preventable";
  }
  return "?";
}
std::string_view to_string(ComplaintSource s) { return s == ComplaintSource::kOpa ? "OPA" : "EEO"; }

std::optional<EventKind> parse_event_kind(std::string_view s) {
  for (const auto& [kind, name] : kKinds) {
    if (name == s) return kind;
  }
  if (auto i = parse_indicator(s); i && *i != Indicator::kG) {
    return static_cast<EventKind>(static_cast<int>(*i));
  }
  return std::nullopt;
}
std::optional<ForceType> parse_force_type(std::string_view s) {
  if (s == "I" || s == "1") return ForceType::kI;
  if (s == "II" || s == "2") return ForceType::kII;
  if (s == "III" || s == "3") return ForceType::kIII;
  return std::nullopt;
}
std::optional<Preventability> parse_preventability(std::string_view s) {
  if (s == "pending") return Preventability::kPending;
  if (s == "preventable" || s == "true") return Preventability::kPreventable;
  if (s == "not-preventable" || s == "false") return Preventability::kNotPreventable;
  return std::nullopt;
}
std::optional<ComplaintSource> parse_complaint_source(std::string_view s) {
  if (s == "OPA" || s == "opa") return ComplaintSource::kOpa;
  if (s == "EEO" || s == "eeo") return ComplaintSource::kEeo;
  return std::nullopt;
}

Indicator indicator_of(EventKind k) { return static_cast<Indicator>(static_cast<int>(k)); }

bool qualifies(const IndicatorEvent& e) {
  if (e.withdrawn) return false;
  switch (e.kind) {
    case EventKind::kUseOfForce:
      return e.firearm_discharge || (e.force_type && (*e.force_type == ForceType::kII ||
                                                      *e.force_type == ForceType::kIII));
    case EventKind::kVehicleCollision:
      return e.preventability == Preventability::kPreventable;
    default:
      return true;
  }
}

std::vector<IndicatorEvent> versions_as_known(const std::vector<IndicatorEvent>& all,
                                              std::optional<Instant> known_at) {
  std::unordered_map<std::int64_t, const IndicatorEvent*> latest;
  for (const IndicatorEvent& e : all) {
    if (known_at && e.recorded_at > *known_at) continue;
    auto [it, fresh] = latest.emplace(e.id, &e);
    if (!fresh && it->second->version < e.version) it->second = &e;
  }
  std::vector<IndicatorEvent> out;
  out.reserve(latest.size());
  for (const auto& [_, e] : latest) out.push_back(*e);
  std::sort(out.begin(), out.end(), [](const IndicatorEvent& a, const IndicatorEvent& b) {
    return std::tie(a.employee, a.date, a.id) < std::tie(b.employee, b.date, b.id);
  });
  return out;
}

std::vector<std::string> event_problems(const IndicatorEvent& e) {
  std::vector<std::string> out;
  switch (e.kind) {
    case EventKind::kUseOfForce:
      if (!e.force_type) out.emplace_back("force_type: required for a use of force (I, II or III)");
      break;
    case EventKind::kComplaint:
      if (!e.complaint_source)
        out.emplace_back("complaint_source: required for a complaint (OPA or EEO)");
      break;
    case EventKind::kVehicleCollision:
      if (e.ruled_on && *e.ruled_on < e.date) {
        out.emplace_back("ruled_on: a ruling cannot precede the collision");
      }
      break;
    default:
      break;
  }
  return out;
}

}  // namespace rollcall::pmp
