# 4.010 calendars: work schedules (4-2, 5-8, 9-80, 4-10, 24-hour) and paid
# holidays. Pay periods, FLSA work periods and the timesheet deadline live in
# src/time. Pure domain code: depends on time and common only.
rollcall_module(domain_timeoff_calendar
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/calendar/work_schedule.cc
          ${CMAKE_CURRENT_LIST_DIR}/calendar/holidays.cc
  DEPS rollcall_time rollcall_common)
