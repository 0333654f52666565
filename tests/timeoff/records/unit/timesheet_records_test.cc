// Unit tests for the timesheet side of the 4.010 records: codes, routing,
// timesheets (POL-3, POL-4), the correction window (POL-8) and the order of
// errors (permission, then state, then content).
#include <gtest/gtest.h>

#include "domain/timeoff/records/awol.h"
#include "domain/timeoff/records/correction.h"
#include "domain/timeoff/records/routing.h"
#include "domain/timeoff/records/time_code.h"
#include "domain/timeoff/records/timesheet.h"

namespace rollcall::timeoff::records {
namespace {

using access::Role;
using std::chrono::hours;
using std::chrono::seconds;

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }
Instant noon_utc(Date day) { return Instant(day.sys_days()) + hours(12); }

const Actor kOfficer{100, {Role::kEmployee}, false};
const Actor kSergeant{500, {Role::kEmployee, Role::kSupervisor}, true};
const Actor kOtherSergeant{501, {Role::kEmployee, Role::kSupervisor}, false};
const Actor kPayroll{800, {Role::kEmployee, Role::kPayroll}, false};

PayPeriodRef period() { return {d(2026, 2, 18), d(2026, 3, 3), noon_utc(d(2026, 3, 4))}; }

Timesheet open_sheet() {
  return open_timesheet(1, 100, period(), {}, noon_utc(d(2026, 2, 18))).value();
}

Timesheet submitted_sheet() {
  auto ts = record_line(open_sheet(), {d(2026, 2, 18), TimeCode::kRegular, "", 480}, kOfficer,
                        noon_utc(d(2026, 2, 18)));
  return submit(ts.value(), kOfficer, noon_utc(d(2026, 3, 3))).value();
}

TEST(TimeCode, EveryCodeRoundTripsAsText) {
  for (auto c :
       {TimeCode::kRegular, TimeCode::kOvertime, TimeCode::kOvertimeComp, TimeCode::kLeave,
        TimeCode::kReleaseTime, TimeCode::kSpecialDuty, TimeCode::kGuild, TimeCode::kAwol}) {
    EXPECT_EQ(parse_time_code(to_string(c)), c) << to_string(c);
  }
  EXPECT_FALSE(parse_time_code("Regular"));
}

TEST(TimeCode, AwolIsUnpaidAndLeaveIsNotHoursWorked) {
  const auto t = totals({{d(2026, 2, 18), TimeCode::kAwol, "", 600},
                         {d(2026, 2, 19), TimeCode::kLeave, "vacation", 480},
                         {d(2026, 2, 20), TimeCode::kReleaseTime, "", 240},
                         {d(2026, 2, 20), TimeCode::kOvertimeComp, "", 60}});
  EXPECT_EQ(t.unpaid, 600);
  EXPECT_EQ(t.paid, 780);
  EXPECT_EQ(t.leave, 480);
  EXPECT_EQ(t.hours_worked, 60);
  EXPECT_EQ(t.comp_elected, 60);
}

TEST(Routing, HopsReceiveInOrderAndOnlyTheHolderForwards) {
  EXPECT_EQ(send_through({}, Instant()).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(send_through({{0, "lieutenant", {}}}, Instant()).status().code(),
            StatusCode::kInvalidArgument);
  const Instant t0 = noon_utc(d(2026, 3, 2));
  Routing r = send_through({{400, "lieutenant", {}}, {600, "bureau chief", {}}}, t0).value();
  EXPECT_EQ(r.holder(), 400);
  EXPECT_FALSE(r.delivered());
  EXPECT_EQ(forward(r, 600, t0).status().code(), StatusCode::kPermissionDenied);
  r = forward(r, 400, t0 + hours(3)).value();
  EXPECT_TRUE(r.delivered());
  EXPECT_EQ(r.received_by(600), t0 + hours(3));
  EXPECT_EQ(r.received_by(400), t0);
  EXPECT_EQ(forward(r, 600, t0).status().code(), StatusCode::kFailedPrecondition);
}

TEST(Timesheet, OneTimesheetPerEmployeeAndPeriod) {
  const Timesheet first = open_sheet();
  auto again = open_timesheet(2, 100, period(), {first}, Instant());
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE(open_timesheet(3, 101, period(), {first}, Instant()).is_ok());
  PayPeriodRef backwards = period();
  backwards.last = d(2026, 2, 1);
  EXPECT_EQ(open_timesheet(4, 102, backwards, {}, Instant()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Timesheet, ErrorsComeInOrderPermissionStateContent) {
  const Timesheet open = open_sheet();
  // Payroll approving an open timesheet: permission first.
  EXPECT_EQ(approve(open, kPayroll, Instant()).status().code(), StatusCode::kPermissionDenied);
  // The sergeant returning an open one without comments: state before content.
  EXPECT_EQ(return_timesheet(open, kSergeant, Instant(), "").status().code(),
            StatusCode::kFailedPrecondition);
  // Another sergeant recording a bad line: permission before content.
  EXPECT_EQ(record_line(open, {d(2030, 1, 1), TimeCode::kRegular, "", 0}, kOtherSergeant, Instant())
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(submit(open, kOfficer, Instant()).status().code(), StatusCode::kInvalidArgument);
}

TEST(Timesheet, ADayHoldsAtMost1440Minutes) {
  auto ts = record_line(open_sheet(), {d(2026, 2, 18), TimeCode::kRegular, "", 1000}, kOfficer,
                        Instant());
  ASSERT_TRUE(ts.is_ok());
  EXPECT_EQ(record_line(*ts, {d(2026, 2, 18), TimeCode::kOvertime, "", 441}, kOfficer, Instant())
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(record_line(*ts, {d(2026, 2, 18), TimeCode::kOvertime, "", 440}, kOfficer, Instant())
                  .is_ok());
}

TEST(Timesheet, ApprovalAtTheDeadlineIsOnTimeAndASecondLaterIsLate) {
  const Timesheet ts = submitted_sheet();
  const Instant due = ts.period.approval_due;
  EXPECT_FALSE(approve(ts, kSergeant, due)->approved_late);
  EXPECT_TRUE(approve(ts, kSergeant, due + seconds(1))->approved_late);
  EXPECT_FALSE(overdue(ts, due));
  EXPECT_TRUE(overdue(ts, due + seconds(1)));
  EXPECT_FALSE(overdue(approve(ts, kSergeant, due).value(), due + hours(48)));
}

TEST(Timesheet, StepsNeverModifyTheirInputAndKeepHistory) {
  const Timesheet ts = submitted_sheet();
  const auto approved = approve(ts, kSergeant, noon_utc(d(2026, 3, 4)));
  ASSERT_TRUE(approved.is_ok());
  EXPECT_EQ(ts.state, TimesheetState::kSubmitted);
  EXPECT_EQ(approved->state, TimesheetState::kApproved);
  EXPECT_EQ(approved->approved_by, 500);
  ASSERT_FALSE(approved->history.empty());
  EXPECT_EQ(approved->history.back().what, "approve");
  EXPECT_EQ(approved->history.back().from, TimesheetState::kSubmitted);
}

TEST(Timesheet, CorrectedVersionsAreAddedNeverOverwritten) {
  const Timesheet ts = approve(submitted_sheet(), kSergeant, Instant()).value();
  EXPECT_EQ(add_corrected_version(ts, {}, kSergeant, Instant(), 1, "x").status().code(),
            StatusCode::kPermissionDenied);
  const auto v2 = add_corrected_version(ts, {{d(2026, 2, 18), TimeCode::kRegular, "", 420}},
                                        kPayroll, Instant(), 7, "late start");
  ASSERT_TRUE(v2.is_ok());
  ASSERT_EQ(v2->versions.size(), 2u);
  EXPECT_EQ(v2->versions[0].lines.front().minutes, 480);
  EXPECT_EQ(v2->versions[1].lines.front().minutes, 420);
  EXPECT_EQ(v2->versions[1].correction, 7);
  EXPECT_EQ(v2->current_lines().front().minutes, 420);
}

TEST(TimesheetState, RoundTripsAsText) {
  for (auto s : {TimesheetState::kOpen, TimesheetState::kSubmitted, TimesheetState::kReturned,
                 TimesheetState::kApproved}) {
    EXPECT_EQ(parse_timesheet_state(to_string(s)), s);
  }
  for (auto s :
       {CorrectionState::kWithBureauChief, CorrectionState::kWithPayroll,
        CorrectionState::kApproved, CorrectionState::kApplied, CorrectionState::kRefused}) {
    EXPECT_EQ(parse_correction_state(to_string(s)), s);
  }
}

// 4.010-POL-8: the window counts from the day in question (day 0).
TEST(CorrectionDeadline, Day45IsTheLastDay) {
  const Date day = d(2026, 2, 18);
  EXPECT_EQ(correction_deadline(day, std::nullopt, {}), d(2026, 4, 4));
  EXPECT_EQ(correction_deadline(day, std::nullopt, {30}), d(2026, 3, 20));
}

TEST(CorrectionDeadline, ExtendedAbsenceRunsUntil45DaysAfterReturn) {
  const Date day = d(2026, 2, 19);
  // Still away: no deadline yet.
  EXPECT_EQ(correction_deadline(day, ExtendedAbsence{d(2026, 2, 25), std::nullopt}, {}),
            std::nullopt);
  // Back on 2026-06-01: 45 days later.
  EXPECT_EQ(correction_deadline(day, ExtendedAbsence{d(2026, 2, 25), d(2026, 6, 1)}, {}),
            d(2026, 7, 16));
  // Away on the day itself, back two days later: 45 days from the return.
  EXPECT_EQ(correction_deadline(day, ExtendedAbsence{d(2026, 2, 10), d(2026, 2, 21)}, {}),
            d(2026, 4, 7));
  // Back before the day in question: the absence does not matter.
  EXPECT_EQ(correction_deadline(day, ExtendedAbsence{d(2026, 1, 1), d(2026, 2, 1)}, {}),
            d(2026, 4, 5));
  // Began after the window had closed: no extension.
  EXPECT_EQ(correction_deadline(day, ExtendedAbsence{d(2026, 4, 6), d(2026, 5, 1)}, {}),
            d(2026, 4, 5));
  // Began on the window's last day: extended.
  EXPECT_EQ(correction_deadline(day, ExtendedAbsence{d(2026, 4, 5), d(2026, 5, 1)}, {}),
            d(2026, 6, 15));
}

TEST(Correction, ApplyReplacesOnlyTheDayInQuestion) {
  Timesheet ts = open_sheet();
  ts = record_line(ts, {d(2026, 2, 18), TimeCode::kRegular, "", 480}, kOfficer, Instant()).value();
  ts = record_line(ts, {d(2026, 2, 19), TimeCode::kRegular, "", 480}, kOfficer, Instant()).value();
  ts = submit(ts, kOfficer, Instant()).value();
  CorrectionInput in{d(2026, 2, 19),
                     {{d(2026, 2, 19), TimeCode::kRegular, "", 240},
                      {d(2026, 2, 19), TimeCode::kLeave, "sick", 240}},
                     "went home sick",
                     {}};
  auto c = request_correction(1, ts, in, kSergeant, Instant(), d(2026, 3, 10), std::nullopt);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_FALSE(c->exception);
  c = payroll_decide(*c, kPayroll, Instant(), true, "");
  ASSERT_TRUE(c.is_ok());
  // Another timesheet is refused.
  Timesheet other = ts;
  other.id = 99;
  EXPECT_EQ(apply_correction(*c, other, kPayroll, Instant()).status().code(),
            StatusCode::kInvalidArgument);
  auto applied = apply_correction(*c, ts, kPayroll, Instant());
  ASSERT_TRUE(applied.is_ok());
  const auto& lines = applied->timesheet.current_lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].date, d(2026, 2, 18));
  EXPECT_EQ(lines[0].minutes, 480);
  EXPECT_EQ(lines[2].leave_type, "sick");
  EXPECT_EQ(applied->correction.applied_version, 2);
}

TEST(Correction, ALateRequestWithoutAChainIsInvalid) {
  const Timesheet ts = submitted_sheet();
  CorrectionInput in{d(2026, 2, 18), {}, "forgot overtime", {}};
  auto c = request_correction(1, ts, in, kSergeant, Instant(), d(2026, 4, 5), std::nullopt);
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  in.chain_to_bureau_chief = {{600, "bureau chief", {}}};
  c = request_correction(1, ts, in, kSergeant, Instant(), d(2026, 4, 5), std::nullopt);
  ASSERT_TRUE(c.is_ok());
  EXPECT_TRUE(c->exception);
  EXPECT_EQ(c->state, CorrectionState::kWithBureauChief);
  // Delivered at once to a chain of one: the bureau chief decides.
  const Actor chief{600, {Role::kEmployee, Role::kBureauChief}, true};
  EXPECT_EQ(decide_exception(*c, chief, Instant(), true, "")->state, CorrectionState::kWithPayroll);
}

TEST(Awol, RecordsAnUnpaidLineAndTheMemo) {
  AwolInput in{d(2026, 2, 20), 600, 600, "no call, no show", 700, {{400, "lieutenant", {}}}};
  const Instant at = noon_utc(d(2026, 2, 21));
  auto r = record_awol(1, open_sheet(), in, kSergeant, at);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  ASSERT_EQ(r->timesheet.draft.size(), 1u);
  EXPECT_EQ(r->timesheet.draft[0].code, TimeCode::kAwol);
  EXPECT_FALSE(is_paid(r->timesheet.draft[0].code));
  EXPECT_EQ(r->record.memo.author, 500);
  EXPECT_EQ(r->record.memo.sent, at);
  EXPECT_EQ(r->record.memo.copy.received_by(400), at);
  EXPECT_EQ(record_awol(1, open_sheet(), in, kOfficer, at).status().code(),
            StatusCode::kPermissionDenied);
  // Not scheduled that day, or absent longer than the shift: invalid.
  in.scheduled_minutes = 0;
  EXPECT_EQ(record_awol(1, open_sheet(), in, kSergeant, at).status().code(),
            StatusCode::kInvalidArgument);
  in.scheduled_minutes = 599;
  EXPECT_EQ(record_awol(1, open_sheet(), in, kSergeant, at).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace rollcall::timeoff::records
