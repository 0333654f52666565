// Who may do what, on the day (issue 4 builds every endpoint on this; it is
// here, in the domain, so the rule is one function the API cannot bypass).
//
// Roles come from positions held on the day (the level of the units someone
// leads) and from special-role grants; scope comes from the chain of command
// on the day (OrgSnapshot::in_chain_of). PMP records are non-punitive and
// confidential (ARCHITECTURE.md, "Privacy"): the employee's chain of command,
// the Performance Mentoring Coordinator and the employee (their own plan) may
// read them; the PMP Committee sees aggregates only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/org/org_snapshot.h"

namespace rollcall::access {

enum class Role {
  kEmployee,       // anyone employed on the day
  kSupervisor,     // leads a squad or unit (sergeant or civilian supervisor)
  kLieutenant,     // leads a watch
  kCaptain,        // leads a precinct or section
  kBureauChief,    // leads a bureau
  kChiefOfPolice,  // leads the department
  kCoordinator,    // Performance Mentoring Coordinator
  kCommittee,      // PMP Committee member
  kPayroll,
  kHrDirector,
  kFmlCoordinator,
  kGuildPresident,
  kAdministrator,
};
std::string_view to_string(Role r);

// Every role `employee` holds on `on`; empty if not employed that day
// (before hire or separated).
std::vector<Role> roles_on(const org::OrgSnapshot& org, org::EmployeeId employee, Date on);

enum class Resource {
  kOrgDirectory,    // units, names, who leads what
  kEmployeeRecord,  // one employee's personnel record
  kPmpRecord,       // one employee's indicator events, triggers, reviews, plans
  kPmpAggregate,    // statistics without individual records (3.070 §3, §5)
  kThresholds,      // threshold sets (3.070 §1, §3)
  kAuditLog,
  kPmpImport,          // bulk import of indicator events from other department systems
  kAccounts,           // sign-in accounts and special-role grants (permission changes)
  kThresholdApproval,  // the Chief of Police's approval of a threshold set (3.070-POL-3)
};
enum class Action { kRead, kWrite };

struct Decision {
  bool allowed = false;
  std::string reason;  // why, in words for the audit log and a 403 body
};

// Decides whether `caller` may perform `action` on `resource` (about `subject`,
// for per-employee resources) on date `on`. Never throws; unknown callers and
// callers not employed that day are denied.
Decision authorize(const org::OrgSnapshot& org, org::EmployeeId caller, Action action,
                   Resource resource, std::optional<org::EmployeeId> subject, Date on);

// Whether `caller`'s access to per-employee `resource` comes from a role that
// reaches every employee (the Coordinator for PMP records; HR, Payroll, the
// FML Coordinator, administrators and the Coordinator for personnel records;
// the Chief of Police, whose chain is everyone) rather than from the chain of
// command. The API answers "no such employee" only to such callers; to anyone
// else an unknown serial looks exactly like one out of scope, so serials
// cannot be probed.
bool department_wide(const org::OrgSnapshot& org, org::EmployeeId caller, Action action,
                     Resource resource, Date on);

}  // namespace rollcall::access
