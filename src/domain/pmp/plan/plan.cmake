# 3.070-PRO-2: Mentoring Plans (state machine, progress-report schedule,
# coaching log), 3.070 §6 debrief restrictions and weekly compliance, 3.070 §5
# precinct statistics. Pure domain: included from src/domain/CMakeLists.txt.
rollcall_module(domain_pmp_plan
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/debrief_restriction.cc
          ${CMAKE_CURRENT_LIST_DIR}/coaching_log.cc
          ${CMAKE_CURRENT_LIST_DIR}/progress_schedule.cc
          ${CMAKE_CURRENT_LIST_DIR}/plan_workflow.cc
          ${CMAKE_CURRENT_LIST_DIR}/weekly_compliance.cc
          ${CMAKE_CURRENT_LIST_DIR}/precinct_statistics.cc
  DEPS rollcall_domain_pmp_review rollcall_domain_pmp rollcall_domain_org rollcall_time
       rollcall_common)
