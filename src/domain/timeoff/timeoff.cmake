# 4.010 time off: included from src/domain/CMakeLists.txt. Each part has its
# own fragment so the parts can grow independently.
#   calendar.cmake  schedules, holidays (module rollcall_domain_timeoff_calendar)
#   leave.cmake     leave types, ledger, accrual, requests, year end (rollcall_domain_timeoff)
#   records.cmake   timesheets, corrections, AWOL, comp/release time, furloughs,
#                   special duty, guild days (rollcall_domain_timeoff_records)
include(${CMAKE_CURRENT_LIST_DIR}/calendar.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/leave.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/records.cmake OPTIONAL)
