# 4.010 time records (src/domain/timeoff/records): unit tests and the
# data-driven scenarios named after the clauses they prove.
rollcall_test(records_unit_tests unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/records/unit/timesheet_records_test.cc
          ${CMAKE_CURRENT_LIST_DIR}/records/unit/request_records_test.cc
  DEPS rollcall_domain_timeoff_records)

rollcall_test(records_scenario_tests scenario
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/records/scenarios/records_scenario.cc
          ${CMAKE_CURRENT_LIST_DIR}/records/scenarios/records_scenario_timesheets.cc
          ${CMAKE_CURRENT_LIST_DIR}/records/scenarios/records_scenario_requests.cc
          ${PROJECT_SOURCE_DIR}/tests/support/scenario_file.cc
  DEPS rollcall_domain_timeoff_records)
