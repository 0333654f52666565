// The sergeant's staffing view (4.010-PRO-1.2: "approves or denies the request
// based on staffing needs"): per date, who is scheduled, who is off on
// approved leave, who has a partial absence or a request still pending, and
// how many remain against the squad's minimum. Pure: the calendar gives the
// scheduled shifts, the caller the squad's requests.
#pragma once

#include <span>
#include <vector>

#include "domain/org/org_types.h"
#include "domain/timeoff/leave/leave_request.h"

namespace rollcall::timeoff::leave {

struct StaffingRules {
  int minimum_on_duty = 0;  // per date, for the squad; data, set per squad by the department
};

struct ScheduledShift {
  Date date;
  org::EmployeeId employee = 0;
  Minutes minutes = 0;
};

struct StaffingDay {
  Date date;
  std::vector<org::EmployeeId> scheduled;  // ascending
  // Approved or recorded leave covering the whole shift.
  std::vector<org::EmployeeId> off;
  // Approved or recorded leave covering part of the shift: counted on duty.
  std::vector<org::EmployeeId> partial;
  // Requests not yet approved (submitted, sergeant-approved, captain-review):
  // counted on duty.
  std::vector<org::EmployeeId> pending;
  int on_duty = 0;              // scheduled − off
  int if_pending_approved = 0;  // on_duty − those pending for the whole shift
  int minimum = 0;
  bool short_staffed = false;  // on_duty < minimum
};

// One StaffingDay per date that has a scheduled shift, ascending. Requests of
// employees with no shift that date are ignored; denied and cancelled ones too.
std::vector<StaffingDay> staffing(std::span<const ScheduledShift> shifts,
                                  std::span<const LeaveRequest> requests,
                                  const StaffingRules& rules);

}  // namespace rollcall::timeoff::leave
