# 4.010 time-off tests: included from tests/CMakeLists.txt, one fragment per part.
include(${CMAKE_CURRENT_LIST_DIR}/calendar_tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/leave_tests.cmake OPTIONAL)
include(${CMAKE_CURRENT_LIST_DIR}/records_tests.cmake OPTIONAL)
