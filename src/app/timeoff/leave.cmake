# 4.010 time off, app layer (included from src/app/CMakeLists.txt).
# rollcall_app_timeoff: the shared wiring (timeoff_context.h: calendars,
# schedules, leave rules) and the leave use cases (balances, requests, accruals,
# year end). The shipped calendar (config/timeoff/calendar.toml) is compiled in.
set(_TIMEOFF ${CMAKE_CURRENT_LIST_DIR})
set(DEFAULT_CALENDAR ${PROJECT_SOURCE_DIR}/config/timeoff/calendar.toml)
set(DEFAULT_CALENDAR_CC ${CMAKE_CURRENT_BINARY_DIR}/default_calendar.cc)
add_custom_command(
  OUTPUT ${DEFAULT_CALENDAR_CC}
  COMMAND ${CMAKE_COMMAND} -DOUT=${DEFAULT_CALENDAR_CC} -DFILE=${DEFAULT_CALENDAR}
          -DFUNCTION=default_calendar_toml -DNAMESPACE=rollcall::app::timeoff
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
  DEPENDS ${DEFAULT_CALENDAR} ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
  VERBATIM)
# The department's bargaining units (config/timeoff/leave.toml), added to the
# domain's default leave rules.
set(DEFAULT_LEAVE_UNITS ${PROJECT_SOURCE_DIR}/config/timeoff/leave.toml)
set(DEFAULT_LEAVE_UNITS_CC ${CMAKE_CURRENT_BINARY_DIR}/default_leave_units.cc)
add_custom_command(
  OUTPUT ${DEFAULT_LEAVE_UNITS_CC}
  COMMAND ${CMAKE_COMMAND} -DOUT=${DEFAULT_LEAVE_UNITS_CC} -DFILE=${DEFAULT_LEAVE_UNITS}
          -DFUNCTION=default_leave_units_toml -DNAMESPACE=rollcall::app::timeoff
          -P ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
  DEPENDS ${DEFAULT_LEAVE_UNITS} ${PROJECT_SOURCE_DIR}/cmake/embed_text.cmake
  VERBATIM)
rollcall_module(app_timeoff
  SOURCES ${_TIMEOFF}/timeoff_context.cc ${_TIMEOFF}/calendar_config.cc ${DEFAULT_CALENDAR_CC}
          ${DEFAULT_LEAVE_UNITS_CC}
  DEPS rollcall_domain_timeoff rollcall_domain_timeoff_calendar rollcall_storage
       nlohmann_json::nlohmann_json)
target_link_libraries(rollcall_app_timeoff PRIVATE PkgConfig::TOMLPP)
target_sources(rollcall_app_timeoff PRIVATE ${_TIMEOFF}/leave_codec.cc ${_TIMEOFF}/leave_service.cc
               ${_TIMEOFF}/leave_payroll.cc)
target_link_libraries(rollcall_app_timeoff PUBLIC rollcall_domain_access rollcall_domain_org)
# The 4.010 leave demo data (src/app/demo/demo_leave.h), for `rollcall demo`.
rollcall_module(app_timeoff_demo
  SOURCES ${PROJECT_SOURCE_DIR}/src/app/demo/demo_leave.cc
  DEPS rollcall_app_timeoff rollcall_app nlohmann_json::nlohmann_json)
# The leave benchmark harness (bench/timeoff/run.sh), with -DROLLCALL_BUILD_BENCH=ON.
if(ROLLCALL_BUILD_BENCH)
  add_executable(leave_bench ${PROJECT_SOURCE_DIR}/bench/timeoff/leave_bench.cc)
  target_link_libraries(leave_bench PRIVATE rollcall_app_timeoff)
endif()
