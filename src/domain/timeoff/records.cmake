# 4.010 time records: timesheets (POL-3, POL-4), corrections (POL-8), AWOL
# (POL-9), comp time (POL-10), release time (POL-11, PRO-2), circle furloughs
# (POL-12), special duty days (POL-13) and guild days (POL-14). Pure domain:
# calendars and leave balances arrive as plain input data.
file(GLOB DOMAIN_TIMEOFF_RECORDS_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/records/*.cc)
rollcall_module(domain_timeoff_records
  SOURCES ${DOMAIN_TIMEOFF_RECORDS_SOURCES}
  DEPS rollcall_domain_org rollcall_domain_access rollcall_time rollcall_common)
