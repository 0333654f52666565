# 4.010 time records use cases (timesheets, corrections, AWOL, comp time,
# release time, circle furloughs, special duty and guild days), stored as
# workflow records; comp and release-time charges post to the leave ledger.
set(_REC ${CMAKE_CURRENT_LIST_DIR}/records)
rollcall_module(app_timeoff_records
  SOURCES ${_REC}/records_codec.cc ${_REC}/record_store.cc ${_REC}/records_org.cc
          ${_REC}/timesheet_service.cc ${_REC}/correction_service.cc ${_REC}/awol_service.cc
          ${_REC}/comp_time_service.cc ${_REC}/release_service.cc ${_REC}/furlough_service.cc
          ${_REC}/authorization_service.cc
  DEPS rollcall_app_timeoff rollcall_domain_timeoff_records rollcall_domain_timeoff
       rollcall_domain_access rollcall_storage nlohmann_json::nlohmann_json)
