#include "app/demo/demo_accounts.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "app/auth/accounts.h"
#include "app/demo/demo_events.h"
#include "domain/org/org_snapshot.h"

namespace rollcall::app {
namespace {

using org::EmployeeId;
using org::SpecialRole;

struct Planned {
  std::string label;
  std::string username;
  EmployeeId employee = 0;
};

bool active_on(const org::OrgSnapshot& org, EmployeeId e, Date d) {
  const auto status = org.status_on(e, d);
  return status && *status == org::EmployeeStatus::kActive;
}

// The first active holder (by id) of `role` on `today` not in `used`.
std::optional<EmployeeId> grant_holder(const org::OrgSnapshot& org, SpecialRole role, Date today,
                                       const std::set<EmployeeId>& used) {
  std::optional<EmployeeId> best;
  for (const org::RoleGrant& g : org.data().roles) {
    if (g.role != role || !g.span.contains(today) || used.count(g.employee) != 0) continue;
    if (!active_on(org, g.employee, today)) continue;
    if (!best || g.employee < *best) best = g.employee;
  }
  return best;
}

// An active civilian (by id) who leads nothing, has a team and is not in `used`.
std::optional<EmployeeId> spare_civilian(const org::OrgSnapshot& org, Date today,
                                         const std::set<EmployeeId>& used) {
  for (const org::Employee& e : org.data().employees) {
    if (e.category != org::Category::kCivilian || used.count(e.id) != 0) continue;
    if (!active_on(org, e.id, today) || !org.units_led_on(e.id, today).empty()) continue;
    if (!org.member_assignment_on(e.id, today)) continue;
    return e.id;
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<DemoSignIn>> create_demo_accounts(storage::Database& db,
                                                     const AuthPolicy& policy, Date today,
                                                     Instant now, const std::string& actor) {
  RC_ASSIGN_OR_RETURN(org::OrgData data, db.load_org());
  const org::OrgSnapshot org(std::move(data));
  const auto cast = choose_demo_cast(org, today);
  if (!cast) {
    return failed_precondition(
        "the organisation has no patrol squad with a sergeant and an "
        "officer to build the demo sign-ins from");
  }
  std::vector<Planned> plan = {
      {"officer", "officer", cast->officer},
      {"sergeant", "sergeant", cast->sergeant},
      {"lieutenant", "lieutenant", cast->lieutenant},
      {"captain", "captain", cast->captain},
      {"bureau chief", "bureau-chief", cast->bureau_chief},
      {"chief of police", "chief", cast->chief},
  };
  std::set<EmployeeId> used;
  for (const Planned& p : plan) used.insert(p.employee);

  const std::vector<std::tuple<std::string, std::string, SpecialRole>> grants = {
      {"pm coordinator", "coordinator", SpecialRole::kPerformanceMentoringCoordinator},
      {"pmp committee", "committee", SpecialRole::kPmpCommittee},
      {"payroll", "payroll", SpecialRole::kPayroll},
      {"hr director", "hr", SpecialRole::kHrDirector},
      {"fml coordinator", "fml", SpecialRole::kFmlCoordinator},
      {"guild president", "guild", SpecialRole::kGuildPresident},
      {"administrator", "admin", SpecialRole::kAdministrator},
  };
  std::vector<org::RoleGrant> missing;
  for (const auto& [label, username, role] : grants) {
    auto holder = grant_holder(org, role, today, used);
    if (!holder) {
      holder = spare_civilian(org, today, used);
      if (!holder) return failed_precondition("no employee to grant the " + label + " role to");
      org::RoleGrant g;
      g.employee = *holder;
      g.role = role;
      g.span = DateSpan{today, std::nullopt};
      missing.push_back(g);
    }
    used.insert(*holder);
    plan.push_back({label, username, *holder});
  }
  if (!missing.empty()) {
    RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
    for (const org::RoleGrant& g : missing) {
      RC_ASSIGN_OR_RETURN(std::int64_t id, tx->insert_role(g));
      (void)id;
    }
    RC_RETURN_IF_ERROR(tx->commit());
  }

  std::vector<DemoSignIn> out;
  for (const Planned& p : plan) {
    RC_ASSIGN_OR_RETURN(std::int64_t id, create_account(db, policy, actor, p.username, p.employee,
                                                        kDemoPassword, now));
    (void)id;
    const org::Employee* e = org.employee(p.employee);
    DemoSignIn s;
    s.role_label = p.label;
    s.username = p.username;
    if (e != nullptr) {
      s.serial = e->serial;
      s.name = e->first_name + " " + e->last_name;
    }
    if (auto chain = org.chain_of(p.employee, today)) {
      if (const org::Unit* u = org.unit(chain->home_unit)) s.unit = u->code;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace rollcall::app
