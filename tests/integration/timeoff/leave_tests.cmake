# 4.010 leave: the shared time-off wiring (unit), and leave over the API on
# both engines (integration). Included from tests/CMakeLists.txt.
set(_LT ${CMAKE_CURRENT_LIST_DIR})
rollcall_test(leave_context_tests unit
  SOURCES ${_LT}/leave_context_test.cc
  DEPS rollcall_app_timeoff)
rollcall_test(leave_api_tests integration
  SOURCES ${_LT}/leave_api_test.cc support/api_fixture.cc support/test_databases.cc
  DEPS rollcall_server_host rollcall_app_demo rollcall_security PkgConfig::HTTPLIB)
rollcall_test(leave_demo_tests integration
  SOURCES ${_LT}/leave_demo_test.cc support/test_databases.cc
  DEPS rollcall_app_timeoff_demo rollcall_app rollcall_storage_sql)
