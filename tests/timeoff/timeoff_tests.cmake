# 4.010 time-off tests: included from tests/CMakeLists.txt, one fragment per part.
# -DROLLCALL_SKIP_TIMEOFF_TESTS=ON leaves them out (a build of other work while
# these are being written).
if(ROLLCALL_SKIP_TIMEOFF_TESTS)
  return()
endif()
include(${CMAKE_CURRENT_LIST_DIR}/calendar_tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/leave_tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/records_tests.cmake OPTIONAL)
