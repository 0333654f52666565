# 4.010 time records over the API on both engines (integration). Included
# from tests/CMakeLists.txt.
rollcall_test(records_api_tests integration
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/records_api_test.cc support/api_fixture.cc
          support/test_databases.cc
  DEPS rollcall_server_host rollcall_app_demo rollcall_security PkgConfig::HTTPLIB)
