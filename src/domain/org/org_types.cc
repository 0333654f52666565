#include "domain/org/org_types.h"

#include <array>
#include <utility>

namespace rollcall::org {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Category, 2> kCategories{
    {{Category::kSworn, "sworn"}, {Category::kCivilian, "civilian"}}};
constexpr Names<UnitKind, 7> kUnitKinds{{{UnitKind::kDepartment, "department"},
                                         {UnitKind::kBureau, "bureau"},
                                         {UnitKind::kPrecinct, "precinct"},
                                         {UnitKind::kSection, "section"},
                                         {UnitKind::kWatch, "watch"},
                                         {UnitKind::kSquad, "squad"},
                                         {UnitKind::kUnit, "unit"}}};
constexpr Names<ScheduleType, 5> kSchedules{{{ScheduleType::k4_2, "4-2"},
                                             {ScheduleType::k5_8, "5-8"},
                                             {ScheduleType::k9_80, "9-80"},
                                             {ScheduleType::k4_10, "4-10"},
                                             {ScheduleType::k24Hour, "24-hour"}}};
constexpr Names<EmployeeStatus, 3> kStatuses{
    {{EmployeeStatus::kActive, "active"},
     {EmployeeStatus::kExtendedAbsence, "extended-absence"},
     {EmployeeStatus::kSeparated, "separated"}}};
constexpr Names<AssignmentRole, 2> kRoles{
    {{AssignmentRole::kMember, "member"}, {AssignmentRole::kSupervisor, "supervisor"}}};
constexpr Names<SpecialRole, 7> kSpecialRoles{
    {{SpecialRole::kPerformanceMentoringCoordinator, "pm-coordinator"},
     {SpecialRole::kPmpCommittee, "pmp-committee"},
     {SpecialRole::kPayroll, "payroll"},
     {SpecialRole::kHrDirector, "hr-director"},
     {SpecialRole::kFmlCoordinator, "fml-coordinator"},
     {SpecialRole::kGuildPresident, "guild-president"},
     {SpecialRole::kAdministrator, "administrator"}}};

template <typename E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E v) {
  for (const auto& [e, n] : names) {
    if (e == v) return n;
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const Names<E, N>& names, std::string_view s) {
  for (const auto& [e, n] : names) {
    if (n == s) return e;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string choices(const Names<E, N>& names) {
  std::string out;
  for (const auto& [e, n] : names) {
    if (!out.empty()) out += '|';
    out += n;
  }
  return out;
}

}  // namespace

std::string_view to_string(Category v) { return name_of(kCategories, v); }
std::string_view to_string(UnitKind v) { return name_of(kUnitKinds, v); }
std::string_view to_string(ScheduleType v) { return name_of(kSchedules, v); }
std::string_view to_string(EmployeeStatus v) { return name_of(kStatuses, v); }
std::string_view to_string(AssignmentRole v) { return name_of(kRoles, v); }
std::string_view to_string(SpecialRole v) { return name_of(kSpecialRoles, v); }
std::optional<Category> parse_category(std::string_view s) { return value_of(kCategories, s); }
std::optional<UnitKind> parse_unit_kind(std::string_view s) { return value_of(kUnitKinds, s); }
std::optional<ScheduleType> parse_schedule(std::string_view s) { return value_of(kSchedules, s); }
std::optional<EmployeeStatus> parse_status(std::string_view s) { return value_of(kStatuses, s); }
std::optional<AssignmentRole> parse_role(std::string_view s) { return value_of(kRoles, s); }
std::optional<SpecialRole> parse_special_role(std::string_view s) {
  return value_of(kSpecialRoles, s);
}
std::string category_choices() { return choices(kCategories); }
std::string unit_kind_choices() { return choices(kUnitKinds); }
std::string schedule_choices() { return choices(kSchedules); }
std::string status_choices() { return choices(kStatuses); }
std::string role_choices() { return choices(kRoles); }
std::string special_role_choices() { return choices(kSpecialRoles); }

std::string_view supervisor_title(UnitKind kind) {
  switch (kind) {
    case UnitKind::kDepartment:
      return "chief of police";
    case UnitKind::kBureau:
      return "bureau chief";
    case UnitKind::kPrecinct:
    case UnitKind::kSection:
      return "section captain";
    case UnitKind::kWatch:
      return "lieutenant";
    case UnitKind::kSquad:
    case UnitKind::kUnit:
      return "sergeant/supervisor";
  }
  return "supervisor";
}

}  // namespace rollcall::org
