#include "domain/pmp/indicator.h"

namespace rollcall::pmp {

std::string_view to_string(Indicator i) {
  static constexpr std::array<std::string_view, 7> kNames{"A", "B", "C", "D", "E", "F", "G"};
  return kNames[static_cast<std::size_t>(i)];
}

std::optional<Indicator> parse_indicator(std::string_view s) {
  if (s.size() != 1) return std::nullopt;
  const char c = static_cast<char>(s[0] & ~0x20);  // upper case
  if (c < 'A' || c > 'G') return std::nullopt;
  return static_cast<Indicator>(c - 'A');
}

std::string_view describe(Indicator i) {
  switch (i) {
    case Indicator::kA:
      return "supervisory recommendations";
    case Indicator::kB:
      return "uses of force (Type II/III or firearms discharge)";
    case Indicator::kC:
      return "preventable vehicle collisions";
    case Indicator::kD:
      return "OPA or EEO complaints";
    case Indicator::kE:
      return "claims or lawsuits naming the employee";
    case Indicator::kF:
      return "vehicle pursuits";
    case Indicator::kG:
      return "aggregate of A-F";
  }
  return "?";
}

}  // namespace rollcall::pmp
