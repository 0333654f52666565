# 4.010 time off over HTTP: the records part. Append sources and app modules.
list(APPEND API_TIMEOFF_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/records_routes.cc ${CMAKE_CURRENT_LIST_DIR}/records_common.cc
  ${CMAKE_CURRENT_LIST_DIR}/records_timesheets.cc ${CMAKE_CURRENT_LIST_DIR}/records_corrections.cc
  ${CMAKE_CURRENT_LIST_DIR}/records_requests.cc ${CMAKE_CURRENT_LIST_DIR}/records_inbox.cc)
list(APPEND API_TIMEOFF_DEPS rollcall_app_timeoff_records)
