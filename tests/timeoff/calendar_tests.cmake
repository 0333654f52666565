# 4.010 calendars: unit tests of src/time's pay periods, FLSA work periods and
# deadline, and of the schedules and holidays; scenario files per clause.
rollcall_test(calendar_unit_tests unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/calendar/pay_period_test.cc
          ${CMAKE_CURRENT_LIST_DIR}/calendar/flsa_test.cc
          ${CMAKE_CURRENT_LIST_DIR}/calendar/local_time_test.cc
          ${CMAKE_CURRENT_LIST_DIR}/calendar/work_schedule_test.cc
          ${CMAKE_CURRENT_LIST_DIR}/calendar/holidays_test.cc
  DEPS rollcall_domain_timeoff_calendar rollcall_time)

rollcall_test(calendar_scenario_tests scenario
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/calendar/calendar_scenario_runner.cc
          ${PROJECT_SOURCE_DIR}/tests/support/scenario_file.cc
  DEPS rollcall_domain_timeoff_calendar rollcall_time)
