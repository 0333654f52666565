# 4.010 leave: the shared time-off wiring (unit), and leave over the API on
# both engines (integration). Included from tests/CMakeLists.txt.
set(_LT ${CMAKE_CURRENT_LIST_DIR})
rollcall_test(leave_context_tests unit
  SOURCES ${_LT}/leave_context_test.cc
  DEPS rollcall_app_timeoff)
