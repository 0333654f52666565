# 4.010 time off over HTTP: the records part. Append sources and app modules.
list(APPEND API_TIMEOFF_SOURCES ${CMAKE_CURRENT_LIST_DIR}/records_routes.cc)
