// Scenario steps and expectations for comp time (4.010-POL-10), release time
// (POL-11, PRO-2), circle furloughs (POL-12), special duty days (POL-13) and
// guild days (POL-14). See README.md.
#include <gtest/gtest.h>

#include <sstream>

#include "time/instant.h"
#include "timeoff/records/scenarios/records_scenario.h"

namespace rollcall::timeoff::records::scenario {
namespace {

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::int64_t next_id(std::size_t n) { return static_cast<std::int64_t>(n) + 1; }

}  // namespace

bool RecordsScenario::request_step(const Words& w, Instant at, Date on) {
  (void)on;
  const std::string& verb = w[2];
  const std::string& who = w[1];

  // --- POL-10 comp time cash-out
  if (verb == "requests-cash-out") {  // WHEN ACTOR requests-cash-out K EMPLOYEE DURATION balance=D
    if (!(w.size() >= 7u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const org::EmployeeId e = person(w[4]).employee.id;
    record(request_cash_out(next_id(cash_outs_.size()), e, minutes(w[5]),
                            minutes(option(w, 6, "balance").value_or("0")), actor(who, e), at),
           cash_outs_, w[3]);
    return true;
  }
  if (verb == "pays-cash-out" || verb == "refuses-cash-out") {
    // WHEN ACTOR pays-cash-out K balance=D  |  WHEN ACTOR refuses-cash-out K REASON…
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const CashOut& k = cash_outs_.at(w[3]);
    const Actor a = actor(who, k.employee);
    if (verb == "pays-cash-out") {
      record(pay_cash_out(k, minutes(option(w, 4, "balance").value_or("0")), a, at), cash_outs_,
             w[3]);
    } else {
      record(refuse_cash_out(k, a, at, text(w, 4, {})), cash_outs_, w[3]);
    }
    return true;
  }

  // --- POL-11, PRO-2 release time
  if (verb == "requests-release" || verb == "offers-release") {
    // WHEN ACTOR requests-release R EMPLOYEE FIRST LAST DURATION relationship=REL
    //      [foreseen] EMERGENCY…
    if (!(w.size() >= 8u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const Person& p = person(w[4]);
    ReleaseInput in;
    in.sworn = p.employee.category == org::Category::kSworn;
    in.first_day = date(w[5]);
    in.last_day = date(w[6]);
    in.minutes = minutes(w[7]);
    in.relationship = option(w, 8, "relationship").value_or("");
    in.unforeseen_medical_emergency = !flag(w, 8, "foreseen");
    in.emergency = text(w, 8, {"foreseen"});
    const Actor a = actor(who, p.employee.id);
    const auto id = next_id(releases_.size());
    if (verb == "requests-release") {
      record(request_release(id, p.employee.id, in, a, at), releases_, w[3]);
    } else {
      record(offer_release(id, p.employee.id, in, a, at, release_rules_), releases_, w[3]);
    }
    return true;
  }
  if (verb == "approves-release" || verb == "denies-release" || verb == "completes-form" ||
      verb == "forwards-form" || verb == "authorizes-additional" || verb == "receives-form" ||
      verb == "informs-fml") {
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    auto it = releases_.find(w[3]);
    if (it == releases_.end()) {
      ADD_FAILURE() << where() << ": no release time " << w[3];
      return true;
    }
    const ReleaseTime& rt = it->second;
    const Actor a = actor(who, rt.employee);
    if (verb == "approves-release") {  // … approves-release R [foreseen]
      record(approve_release(rt, !flag(w, 4, "foreseen"), a, at, release_rules_), releases_, w[3]);
    } else if (verb == "denies-release") {  // … denies-release R REASON…
      record(deny_release(rt, a, at, text(w, 4, {})), releases_, w[3]);
    } else if (verb == "completes-form") {
      record(complete_form(rt, a, at), releases_, w[3]);
    } else if (verb == "forwards-form") {  // … forwards-form R payroll=NAME [fml=NAME]
      ForwardInput in;
      if (auto p = option(w, 4, "payroll")) in.payroll = person(*p).employee.id;
      if (auto f = option(w, 4, "fml")) in.fml_coordinator = person(*f).employee.id;
      in.chain_to_bureau_chief = chain();
      record(forward_form(rt, in, a, at, release_rules_), releases_, w[3]);
    } else if (verb == "authorizes-additional") {
      // … authorizes-additional R DURATION [through=DATE] [fml=NAME]
      if (!(w.size() >= 5u)) {
        ADD_FAILURE() << where();
        return true;
      }
      std::optional<Date> through;
      if (auto t = option(w, 5, "through")) through = date(*t);
      org::EmployeeId fml = 0;
      if (auto f = option(w, 5, "fml")) fml = person(*f).employee.id;
      record(authorize_additional(rt, minutes(w[4]), through, fml, a, at, release_rules_),
             releases_, w[3]);
    } else if (verb == "receives-form") {
      record(receive_form(rt, a, at), releases_, w[3]);
    } else {
      record(inform_fml_option(rt, a, at), releases_, w[3]);
    }
    return true;
  }

  // --- POL-12 circle furloughs
  if (verb == "requests-furlough-work") {
    // WHEN ACTOR requests-furlough-work W EMPLOYEE DAY DURATION FLSA schedule=S [overtime]
    if (!(w.size() >= 8u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const org::EmployeeId e = person(w[4]).employee.id;
    FurloughWorkInput in;
    in.furlough_day = date(w[5]);
    in.minutes = minutes(w[6]);
    in.period = flsa_.at(w[7]);
    auto schedule = parse_schedule_kind(option(w, 8, "schedule").value_or("5-8"));
    EXPECT_TRUE(schedule) << where() << ": schedule";
    in.schedule = schedule.value_or(ScheduleKind::kFiveEight);
    in.approved_overtime = flag(w, 8, "overtime");
    record(request_furlough_work(next_id(furloughs_.size()), e, in, actor(who, e), at), furloughs_,
           w[3]);
    return true;
  }
  if (verb == "approves-furlough-work" || verb == "denies-furlough-work" ||
      verb == "takes-day-off") {
    // … approves-furlough-work W worked=D | denies-furlough-work W REASON… |
    // takes-day-off W DATE scheduled=D
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const FurloughWork& f = furloughs_.at(w[3]);
    const Actor a = actor(who, f.employee);
    if (verb == "approves-furlough-work") {
      record(approve_furlough_work(f, minutes(option(w, 4, "worked").value_or("0")), a, at),
             furloughs_, w[3]);
    } else if (verb == "denies-furlough-work") {
      record(deny_furlough_work(f, a, at, text(w, 4, {})), furloughs_, w[3]);
    } else {
      if (!(w.size() >= 5u)) {
        ADD_FAILURE() << where();
        return true;
      }
      record(record_day_off(f, date(w[4]), minutes(option(w, 5, "scheduled").value_or("0")), a, at),
             furloughs_, w[3]);
    }
    return true;
  }

  // --- POL-13 special duty, POL-14 guild days
  if (verb == "requests-special-duty") {
    // WHEN ACTOR requests-special-duty S EMPLOYEE DATE,DATE DURATION PURPOSE DESCRIPTION…
    if (!(w.size() >= 8u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const org::EmployeeId e = person(w[4]).employee.id;
    SpecialDutyInput in;
    for (const std::string& d : split_commas(w[5])) in.days.push_back(date(d));
    in.minutes_per_day = minutes(w[6]);
    auto purpose = parse_special_duty_purpose(w[7]);
    EXPECT_TRUE(purpose) << where() << ": purpose " << w[7];
    in.purpose = purpose.value_or(SpecialDutyPurpose::kOther);
    in.description = text(w, 8, {});
    record(request_special_duty(next_id(special_.size()), e, in, actor(who, e), at), special_,
           w[3]);
    return true;
  }
  if (verb == "approves-special-duty" || verb == "disapproves-special-duty") {
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const SpecialDutyRequest& r = special_.at(w[3]);
    record(decide_special_duty(r, verb == "approves-special-duty", actor(who, r.employee), at,
                               text(w, 4, {})),
           special_, w[3]);
    return true;
  }
  if (verb == "requests-guild-day") {
    // WHEN ACTOR requests-guild-day G EMPLOYEE DATE,DATE DURATION BUSINESS…
    if (!(w.size() >= 7u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const Person& p = person(w[4]);
    GuildDayInput in;
    for (const std::string& d : split_commas(w[5])) in.days.push_back(date(d));
    in.minutes_per_day = minutes(w[6]);
    in.business = text(w, 7, {});
    record(request_guild_day(next_id(guild_.size()), p.employee, in, actor(who, p.employee.id), at,
                             guild_rules_),
           guild_, w[3]);
    return true;
  }
  if (verb == "approves-guild-day" || verb == "disapproves-guild-day") {
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const GuildDayRequest& r = guild_.at(w[3]);
    record(decide_guild_day(r, verb == "approves-guild-day", actor(who, r.employee), at,
                            text(w, 4, {}), guild_rules_),
           guild_, w[3]);
    return true;
  }
  return false;
}

bool RecordsScenario::request_expect(const Words& w) {
  const std::string& kw = w[0];
  if (kw == "expect-earn") {
    // expect-earn worked=D balance=D cap=D [other] banked=D banked-worked=D paid=D after=D
    const bool public_safety = !flag(w, 1, "other");
    auto e = earn_comp(minutes(option(w, 1, "worked").value_or("0")),
                       minutes(option(w, 1, "balance").value_or("0")),
                       minutes(option(w, 1, "cap").value_or("0")), public_safety);
    if (auto want = option(w, 1, "error")) {
      EXPECT_FALSE(e.is_ok()) << where();
      return true;
    }
    if (!(e.is_ok())) {
      ADD_FAILURE() << where() << ": " << e.status().to_string();
      return true;
    }
    if (auto v = option(w, 1, "banked")) {
      EXPECT_EQ(e->banked_minutes, minutes(*v)) << where();
    }
    if (auto v = option(w, 1, "banked-worked")) {
      EXPECT_EQ(e->banked_worked_minutes, minutes(*v)) << where() << " banked-worked";
    }
    if (auto v = option(w, 1, "paid")) {
      EXPECT_EQ(e->paid_worked_minutes, minutes(*v)) << where() << " paid";
    }
    if (auto v = option(w, 1, "after")) {
      EXPECT_EQ(e->balance_after, minutes(*v)) << where() << " after";
    }
    return true;
  }
  if (kw == "expect-cap") {  // expect-cap UNIT_CAP [other] D
    if (!(w.size() >= 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    EXPECT_EQ(comp_cap_minutes(minutes(w[1]), !flag(w, 2, "other")), minutes(w.back())) << where();
    return true;
  }
  if (kw == "expect-charge") {  // expect-charge R CUTOFF release-time|sick-leave|undecided
    if (!(w.size() == 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    EXPECT_EQ(to_string(charge(releases_.at(w[1]), instant(w[2])).charge), w[3]) << where();
    return true;
  }
  if (kw == "expect-fml") {  // expect-fml R none|pending|informed=INSTANT
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const auto& fml = releases_.at(w[1]).fml;
    std::string got = !fml                ? "none"
                      : !fml->informed_at ? "pending"
                                          : "informed=" + format_utc(*fml->informed_at);
    std::string want = w[2];
    if (want.rfind("informed=", 0) == 0) want = "informed=" + format_utc(instant(want.substr(9)));
    EXPECT_EQ(got, want) << where();
    return true;
  }
  if (kw == "expect-release-minutes") {  // expect-release-minutes R D
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    EXPECT_EQ(releases_.at(w[1]).total_minutes(), minutes(w[2])) << where();
    return true;
  }
  if (kw == "expect-day-off") {  // expect-day-off W AS_OF not-owed|owed|taken|overdue
    if (!(w.size() == 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    EXPECT_EQ(to_string(day_off_status(furloughs_.at(w[1]), date(w[2]))), w[3]) << where();
    return true;
  }
  if (kw == "expect-outstanding") {  // expect-outstanding AS_OF W,W|none
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    std::vector<FurloughWork> all;
    for (const auto& [n, f] : furloughs_) all.push_back(f);
    std::string got;
    for (auto id : days_off_outstanding(all, date(w[1]))) {
      for (const auto& [n, f] : furloughs_) {
        if (f.id == id) got += (got.empty() ? "" : ",") + n;
      }
    }
    EXPECT_EQ(got.empty() ? "none" : got, w[2]) << where();
    return true;
  }
  if (kw == "expect-lines") {  // expect-lines S|G CODE COUNT
    if (!(w.size() == 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    std::vector<TimesheetLine> lines;
    if (auto s = special_.find(w[1]); s != special_.end()) lines = special_duty_lines(s->second);
    if (auto g = guild_.find(w[1]); g != guild_.end()) lines = guild_day_lines(g->second);
    std::size_t n = 0;
    for (const auto& l : lines) n += to_string(l.code) == w[2] ? 1 : 0;
    EXPECT_EQ(n, lines.size()) << where() << ": every line is " << w[2];
    EXPECT_EQ(n, std::stoul(w[3])) << where();
    return true;
  }
  return false;
}

}  // namespace rollcall::timeoff::records::scenario
