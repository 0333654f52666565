# 3.070-PRO-2 Mentoring Plans, §5 statistics, §6 debriefs and weekly compliance:
# included from tests/CMakeLists.txt.
rollcall_test(plan_scenario_tests scenario
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/plan_scenario_runner.cc
          ${CMAKE_CURRENT_SOURCE_DIR}/support/scenario_file.cc
  DEPS rollcall_domain_pmp_plan)

rollcall_test(plan_unit_tests unit
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/precinct_statistics_test.cc
          ${CMAKE_CURRENT_LIST_DIR}/plan_unit_test.cc
  DEPS rollcall_domain_pmp_plan)
