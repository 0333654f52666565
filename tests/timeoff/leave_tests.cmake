# 4.010 leave: unit tests and the clause scenarios (tests/timeoff/leave/scenarios).
set(_LT ${CMAKE_CURRENT_LIST_DIR}/leave)
rollcall_test(leave_unit_tests unit
  SOURCES ${_LT}/leave_rules_test.cc ${_LT}/ledger_test.cc ${_LT}/request_test.cc
          ${_LT}/staffing_test.cc ${_LT}/year_end_test.cc
  DEPS rollcall_domain_timeoff)
rollcall_test(leave_scenario_tests scenario
  SOURCES ${_LT}/leave_scenario_runner.cc ${CMAKE_CURRENT_LIST_DIR}/../support/scenario_file.cc
  DEPS rollcall_domain_timeoff)
