// The organisation's vocabulary: employees, units, assignments, statuses and
// special roles, each effective-dated where the policy needs "on date D".
// Enumerations are stored as their readable text (ARCHITECTURE.md, habit 5);
// to_string/parse_* convert both ways and parse_* returns nullopt on unknown text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/civil_date.h"

namespace rollcall::org {

using EmployeeId = std::int64_t;
using UnitId = std::int64_t;

enum class Category { kSworn, kCivilian };

// Levels of the unit tree, top to bottom. A precinct (patrol) and a section
// (other bureaus) sit at the same level: both are led by a section captain or
// non-sworn equivalent.
enum class UnitKind { kDepartment, kBureau, kPrecinct, kSection, kWatch, kSquad, kUnit };

enum class ScheduleType { k4_2, k5_8, k9_80, k4_10, k24Hour };

enum class EmployeeStatus { kActive, kExtendedAbsence, kSeparated };

// member: works in the unit. supervisor: holds the unit's supervisory position.
enum class AssignmentRole { kMember, kSupervisor };

enum class SpecialRole {
  kPerformanceMentoringCoordinator,
  kPmpCommittee,
  kPayroll,
  kHrDirector,
  kFmlCoordinator,
  kGuildPresident,
  kAdministrator,
};

std::string_view to_string(Category v);
std::string_view to_string(UnitKind v);
std::string_view to_string(ScheduleType v);
std::string_view to_string(EmployeeStatus v);
std::string_view to_string(AssignmentRole v);
std::string_view to_string(SpecialRole v);
std::optional<Category> parse_category(std::string_view s);
std::optional<UnitKind> parse_unit_kind(std::string_view s);
std::optional<ScheduleType> parse_schedule(std::string_view s);
std::optional<EmployeeStatus> parse_status(std::string_view s);
std::optional<AssignmentRole> parse_role(std::string_view s);
std::optional<SpecialRole> parse_special_role(std::string_view s);
// The allowed spellings, for error messages: "sworn|civilian".
std::string category_choices();
std::string unit_kind_choices();
std::string schedule_choices();
std::string status_choices();
std::string role_choices();
std::string special_role_choices();

// The title of whoever holds a unit's supervisory position, by level.
// squad/unit -> "sergeant/supervisor", watch -> "lieutenant", precinct/section ->
// "section captain", bureau -> "bureau chief", department -> "chief of police".
std::string_view supervisor_title(UnitKind kind);

struct Unit {
  UnitId id = 0;
  std::string code;  // stable business key, e.g. "N-2W-A"
  std::string name;
  UnitKind kind = UnitKind::kUnit;
  std::optional<UnitId> parent;
};

struct Employee {
  EmployeeId id = 0;
  std::string serial;  // the department's serial number, unique
  std::string last_name;
  std::string first_name;
  Category category = Category::kSworn;
  std::string rank;  // current rank or civil-service title
  std::string bargaining_unit;
  ScheduleType schedule = ScheduleType::k5_8;
  Date hire_date;
  int version = 1;  // corrections create a new version; never overwritten
};

// An employee in a unit over a span. A supervisor assignment holds the unit's
// supervisory position; `acting` marks a temporary holder, who takes precedence
// over a permanent holder on the days both exist (the permanent one is away).
struct Assignment {
  std::int64_t id = 0;
  EmployeeId employee = 0;
  UnitId unit = 0;
  AssignmentRole role = AssignmentRole::kMember;
  bool acting = false;
  DateSpan span;
};

// Status over a span; days not covered by any period after hire are "active".
struct StatusPeriod {
  std::int64_t id = 0;
  EmployeeId employee = 0;
  EmployeeStatus status = EmployeeStatus::kActive;
  DateSpan span;
};

struct RoleGrant {
  std::int64_t id = 0;
  EmployeeId employee = 0;
  SpecialRole role = SpecialRole::kAdministrator;
  DateSpan span;
};

// Everything known about the organisation, as plain rows.
struct OrgData {
  std::vector<Unit> units;
  std::vector<Employee> employees;
  std::vector<Assignment> assignments;
  std::vector<StatusPeriod> statuses;
  std::vector<RoleGrant> roles;
};

}  // namespace rollcall::org
