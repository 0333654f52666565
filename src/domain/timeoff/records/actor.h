// Who is acting on a 4.010 time record, as the caller (the app layer) found
// them on the day of the action: their roles (access::roles_on) and whether
// they are in the subject employee's chain of command (OrgSnapshot::in_chain_of).
//
// Every record in this folder checks the actor first and answers
// PERMISSION_DENIED before anything else (then FAILED_PRECONDITION for the
// record's state, then INVALID_ARGUMENT for the content).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "domain/access/access.h"
#include "domain/org/org_types.h"

namespace rollcall::timeoff::records {

struct Actor {
  org::EmployeeId employee = 0;
  std::vector<access::Role> roles;
  bool in_chain = false;  // in the subject employee's chain of command on the day
};

bool holds(const Actor& a, access::Role r);

// A sergeant/supervisor of `subject`: holds a supervisory role (supervisor,
// lieutenant, captain, bureau chief or chief of police), is in the subject's
// chain of command, and is not the subject. A higher link may act for an absent
// sergeant, as in TeleStaff and Kronos, where any manager up the hierarchy
// inherits the approval rights of the managers below.
bool supervises(const Actor& a, org::EmployeeId subject);

// A captain in the subject's chain (4.010-POL-13) or a bureau chief in the
// subject's chain ("bureau commander", 4.010-PRO-2.4 note); never the subject.
bool is_chain_role(const Actor& a, access::Role r, org::EmployeeId subject);

// PERMISSION_DENIED with `message`, naming the actor: "… ; employee 12 …".
Status denied(const Actor& a, const std::string& message);

}  // namespace rollcall::timeoff::records
