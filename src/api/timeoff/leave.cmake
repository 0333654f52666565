# 4.010 time off over HTTP: the leave part. Append sources and app modules.
set(_LEAVE_API ${CMAKE_CURRENT_LIST_DIR})
list(APPEND API_TIMEOFF_SOURCES ${_LEAVE_API}/leave_routes.cc ${_LEAVE_API}/leave_support.cc
     ${_LEAVE_API}/leave_balance_api.cc ${_LEAVE_API}/leave_request_api.cc
     ${_LEAVE_API}/leave_payroll_api.cc ${_LEAVE_API}/leave_ics.cc ${_LEAVE_API}/leave_inbox.cc)
list(APPEND API_TIMEOFF_DEPS rollcall_app_timeoff)
