#include "api/org_view.h"

namespace rollcall::api {

std::optional<org::UnitId> OrgView::home_unit(org::EmployeeId e, Date day) const {
  auto led = snapshot.units_led_on(e, day);
  if (!led.empty()) return led.front();
  auto member = snapshot.member_assignment_on(e, day);
  if (member) return member->unit;
  return std::nullopt;
}

std::optional<org::UnitId> OrgView::precinct_of(org::UnitId unit) const {
  for (const org::Unit* u = snapshot.unit(unit); u != nullptr;
       u = u->parent ? snapshot.unit(*u->parent) : nullptr) {
    if (u->kind == org::UnitKind::kPrecinct || u->kind == org::UnitKind::kSection) return u->id;
  }
  return std::nullopt;
}

bool OrgView::within(org::UnitId unit, org::UnitId ancestor) const {
  for (const org::Unit* u = snapshot.unit(unit); u != nullptr;
       u = u->parent ? snapshot.unit(*u->parent) : nullptr) {
    if (u->id == ancestor) return true;
  }
  return false;
}

std::string OrgView::full_name(org::EmployeeId e) const {
  const org::Employee* emp = snapshot.employee(e);
  if (emp == nullptr) return "";
  if (emp->first_name.empty()) return emp->last_name;
  return emp->last_name + ", " + emp->first_name;
}

}  // namespace rollcall::api
