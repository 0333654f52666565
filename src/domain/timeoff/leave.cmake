# 4.010 leave: types and rules (TOML), ledger, accrual, requests and their
# approval (POL-2, POL-5, POL-6, PRO-1), staffing view, year end (POL-7).
# Pure domain code; toml++ (header-only) is used inside leave_rules_toml.cc only.
set(_LEAVE ${CMAKE_CURRENT_LIST_DIR}/leave)
rollcall_module(domain_timeoff
  SOURCES ${_LEAVE}/leave_type.cc ${_LEAVE}/leave_rules.cc ${_LEAVE}/leave_rules_toml.cc
          ${_LEAVE}/default_leave_rules.cc ${_LEAVE}/ledger.cc ${_LEAVE}/accrual.cc
          ${_LEAVE}/leave_request.cc ${_LEAVE}/request_validation.cc ${_LEAVE}/availability.cc
          ${_LEAVE}/consecutive_days.cc ${_LEAVE}/request_workflow.cc ${_LEAVE}/staffing.cc
          ${_LEAVE}/year_end_extension.cc ${_LEAVE}/year_end.cc
  DEPS rollcall_domain_org rollcall_domain_access rollcall_domain_timeoff_records rollcall_time
       rollcall_common)
target_link_libraries(rollcall_domain_timeoff PRIVATE PkgConfig::TOMLPP)
