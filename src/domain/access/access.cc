#include "domain/access/access.h"

#include <algorithm>
#include <array>

namespace rollcall::access {

std::string_view to_string(Role r) {
  switch (r) {
    case Role::kEmployee:
      return "employee";
    case Role::kSupervisor:
      return "supervisor";
    case Role::kLieutenant:
      return "lieutenant";
    case Role::kCaptain:
      return "captain";
    case Role::kBureauChief:
      return "bureau-chief";
    case Role::kChiefOfPolice:
      return "chief-of-police";
    case Role::kCoordinator:
      return "pm-coordinator";
    case Role::kCommittee:
      return "pmp-committee";
    case Role::kPayroll:
      return "payroll";
    case Role::kHrDirector:
      return "hr-director";
    case Role::kFmlCoordinator:
      return "fml-coordinator";
    case Role::kGuildPresident:
      return "guild-president";
    case Role::kAdministrator:
      return "administrator";
  }
  return "?";
}

std::vector<Role> roles_on(const org::OrgSnapshot& org, org::EmployeeId employee, Date on) {
  std::vector<Role> roles;
  const auto status = org.status_on(employee, on);
  if (!status || *status == org::EmployeeStatus::kSeparated) return roles;
  roles.push_back(Role::kEmployee);
  for (org::UnitId u : org.units_led_on(employee, on)) {
    const org::Unit* unit = org.unit(u);
    if (unit == nullptr) continue;
    switch (org::level_of(unit->kind)) {
      case 0:
        roles.push_back(Role::kChiefOfPolice);
        break;
      case 1:
        roles.push_back(Role::kBureauChief);
        break;
      case 2:
        roles.push_back(Role::kCaptain);
        break;
      case 3:
        roles.push_back(Role::kLieutenant);
        break;
      default:
        roles.push_back(Role::kSupervisor);
        break;
    }
  }
  for (org::SpecialRole s : org.roles_on(employee, on)) {
    switch (s) {
      case org::SpecialRole::kPerformanceMentoringCoordinator:
        roles.push_back(Role::kCoordinator);
        break;
      case org::SpecialRole::kPmpCommittee:
        roles.push_back(Role::kCommittee);
        break;
      case org::SpecialRole::kPayroll:
        roles.push_back(Role::kPayroll);
        break;
      case org::SpecialRole::kHrDirector:
        roles.push_back(Role::kHrDirector);
        break;
      case org::SpecialRole::kFmlCoordinator:
        roles.push_back(Role::kFmlCoordinator);
        break;
      case org::SpecialRole::kGuildPresident:
        roles.push_back(Role::kGuildPresident);
        break;
      case org::SpecialRole::kAdministrator:
        roles.push_back(Role::kAdministrator);
        break;
    }
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

namespace {

Decision allow(std::string why) { return {true, std::move(why)}; }
Decision deny(std::string why) { return {false, std::move(why)}; }

bool has(const std::vector<Role>& roles, Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

// Roles that reach every employee's personnel record whatever the chain of
// command (authorize() and department_wide() both decide from these).
constexpr std::array kRecordReaders{Role::kHrDirector, Role::kPayroll, Role::kFmlCoordinator,
                                    Role::kAdministrator, Role::kCoordinator};
constexpr std::array kRecordCorrectors{Role::kHrDirector, Role::kAdministrator};

// The first of `of` that `roles` holds.
template <std::size_t N>
std::optional<Role> first_held(const std::vector<Role>& roles, const std::array<Role, N>& of) {
  for (Role r : of) {
    if (has(roles, r)) return r;
  }
  return std::nullopt;
}

}  // namespace

Decision authorize(const org::OrgSnapshot& org, org::EmployeeId caller, Action action,
                   Resource resource, std::optional<org::EmployeeId> subject, Date on) {
  if (org.employee(caller) == nullptr) return deny("unknown caller");
  const auto roles = roles_on(org, caller, on);
  if (roles.empty()) return deny("caller is not employed on " + on.to_string());
  const bool per_employee =
      resource == Resource::kEmployeeRecord || resource == Resource::kPmpRecord;
  if (per_employee && (!subject || org.employee(*subject) == nullptr)) {
    return deny("no such employee");
  }
  const bool self = subject && *subject == caller;
  const bool in_chain = subject && org.in_chain_of(caller, *subject, on);

  switch (resource) {
    case Resource::kOrgDirectory:
      if (action == Action::kRead) return allow("every employee may read the directory");
      if (has(roles, Role::kAdministrator) || has(roles, Role::kHrDirector)) {
        return allow("administrators and HR maintain the organisation");
      }
      return deny("only administrators and HR change the organisation");

    case Resource::kEmployeeRecord:
      if (action == Action::kRead) {
        if (self) return allow("own record");
        if (in_chain) return allow("in the employee's chain of command");
        if (auto r = first_held(roles, kRecordReaders)) {
          return allow(std::string(to_string(*r)) + " reads personnel records");
        }
        return deny("not the employee, their chain of command, HR or Payroll");
      }
      if (first_held(roles, kRecordCorrectors)) {
        return allow("HR and administrators correct personnel records");
      }
      return deny("only HR and administrators correct personnel records");

    case Resource::kPmpRecord:
      // Non-punitive and confidential (3.070-POL-0): no role outside the chain
      // sees it, the administrator included.
      if (has(roles, Role::kCoordinator)) return allow("Performance Mentoring Coordinator");
      if (in_chain) return allow("in the employee's chain of command");
      if (self && action == Action::kRead) return allow("the employee's own plan");
      return deny(
          "PMP records are confidential to the employee's chain of command, the "
          "Coordinator and the employee");

    case Resource::kPmpAggregate:
      if (action == Action::kWrite) return deny("aggregates are computed, not written");
      for (Role r : {Role::kCoordinator, Role::kCommittee, Role::kChiefOfPolice, Role::kBureauChief,
                     Role::kCaptain}) {
        if (has(roles, r)) return allow(std::string(to_string(r)) + " reads PMP statistics");
      }
      return deny("PMP statistics are for the Coordinator, the Committee and commanders");

    case Resource::kThresholds:
      if (action == Action::kRead) {
        for (Role r :
             {Role::kCoordinator, Role::kCommittee, Role::kChiefOfPolice, Role::kBureauChief}) {
          if (has(roles, r)) return allow(std::string(to_string(r)) + " reads thresholds");
        }
        return deny("thresholds are for the Coordinator, the Committee and the chiefs");
      }
      // The Committee recommends, the Chief approves (3.070-POL-3); the
      // Coordinator records both.
      if (has(roles, Role::kCoordinator) || has(roles, Role::kChiefOfPolice)) {
        return allow("records the Committee's recommendation and the Chief's approval");
      }
      return deny("only the Coordinator or the Chief of Police records threshold sets");

    case Resource::kAuditLog:
      if (action == Action::kRead && has(roles, Role::kAdministrator)) {
        return allow("administrators verify the audit log");
      }
      return deny("the audit log is read by administrators and written by no one");

    case Resource::kPmpImport:
      // Imports touch many employees at once; the Coordinator runs them
      // (3.070-PRO-1: the Coordinator gathers the indicator data).
      if (has(roles, Role::kCoordinator)) return allow("Performance Mentoring Coordinator");
      return deny("only the Performance Mentoring Coordinator imports indicator events");

    case Resource::kAccounts:
      if (has(roles, Role::kAdministrator))
        return allow("administrators manage accounts and roles");
      return deny("only administrators manage accounts and role grants");

    case Resource::kThresholdApproval:
      if (action == Action::kWrite && has(roles, Role::kChiefOfPolice)) {
        return allow("the Chief of Police approves thresholds");
      }
      if (action == Action::kRead)
        return authorize(org, caller, action, Resource::kThresholds, subject, on);
      return deny("only the Chief of Police approves threshold sets");
  }
  return deny("unknown resource");
}

bool department_wide(const org::OrgSnapshot& org, org::EmployeeId caller, Action action,
                     Resource resource, Date on) {
  const auto roles = roles_on(org, caller, on);
  if (has(roles, Role::kChiefOfPolice)) return true;
  switch (resource) {
    case Resource::kPmpRecord:
      return has(roles, Role::kCoordinator);
    case Resource::kEmployeeRecord:
      if (action == Action::kWrite) return first_held(roles, kRecordCorrectors).has_value();
      return first_held(roles, kRecordReaders).has_value();
    default:
      return false;
  }
}

}  // namespace rollcall::access
