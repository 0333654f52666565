// Scenario steps and expectations for timesheets (4.010-POL-3, POL-4),
// corrections (POL-8) and AWOL (POL-9). See README.md.
#include <gtest/gtest.h>

#include <sstream>

#include "time/instant.h"
#include "timeoff/records/scenarios/records_scenario.h"

namespace rollcall::timeoff::records::scenario {
namespace {

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out.empty() ? "none" : out;
}

}  // namespace

// CODE=DURATION or leave/TYPE=DURATION, on day `on`.
TimesheetLine RecordsScenario::line(const std::string& word, Date on) const {
  TimesheetLine l;
  l.date = on;
  const auto eq = word.find('=');
  std::string code = word.substr(0, eq);
  if (code.rfind("leave/", 0) == 0) {
    l.leave_type = code.substr(6);
    code = "leave";
  }
  auto c = parse_time_code(code);
  EXPECT_TRUE(c && eq != std::string::npos) << where() << ": line " << word;
  l.code = c.value_or(TimeCode::kRegular);
  l.minutes = eq == std::string::npos ? 0 : minutes(word.substr(eq + 1));
  return l;
}

bool RecordsScenario::timesheet_step(const Words& w, Instant at, Date on) {
  const std::string& verb = w[2];
  auto sheet = [&](const std::string& name) -> Timesheet* {
    auto it = sheets_.find(name);
    if (it == sheets_.end()) {
      ADD_FAILURE() << where() << ": no timesheet " << name;
      return nullptr;
    }
    return &it->second;
  };
  if (verb == "opens") {  // WHEN ACTOR opens TS EMPLOYEE PERIOD  (the system opens it)
    if (!(w.size() >= 6u)) {
      ADD_FAILURE() << where();
      return true;
    }
    std::vector<Timesheet> existing;
    for (const auto& [n, t] : sheets_) existing.push_back(t);
    record(open_timesheet(static_cast<std::int64_t>(sheets_.size()) + 1, person(w[4]).employee.id,
                          periods_.at(w[5]), existing, at),
           sheets_, w[3]);
    return true;
  }
  if (verb == "records") {  // WHEN ACTOR records TS DATE LINE
    if (!(w.size() == 6u)) {
      ADD_FAILURE() << where();
      return true;
    }
    Timesheet* ts = sheet(w[3]);
    if (ts)
      record(record_line(*ts, line(w[5], date(w[4])), actor(w[1], ts->employee), at), sheets_,
             w[3]);
    return true;
  }
  if (verb == "submits" || verb == "approves" || verb == "returns") {
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    Timesheet* ts = sheet(w[3]);
    if (!ts) return true;
    const Actor a = actor(w[1], ts->employee);
    if (verb == "submits") record(submit(*ts, a, at), sheets_, w[3]);
    if (verb == "approves") record(approve(*ts, a, at), sheets_, w[3]);
    if (verb == "returns") record(return_timesheet(*ts, a, at, text(w, 4, {})), sheets_, w[3]);
    return true;
  }
  if (verb == "requests-correction") {
    // WHEN ACTOR requests-correction C TS DAY LINE[,LINE] REASON…   (LINE or "none")
    if (!(w.size() >= 7u)) {
      ADD_FAILURE() << where();
      return true;
    }
    Timesheet* ts = sheet(w[4]);
    if (!ts) return true;
    CorrectionInput in;
    in.day = date(w[5]);
    if (w[6] != "none") {
      std::stringstream lines(w[6]);
      for (std::string l; std::getline(lines, l, ',');) in.lines.push_back(line(l, in.day));
    }
    in.reason = text(w, 7, {});
    in.chain_to_bureau_chief = chain();
    std::optional<ExtendedAbsence> absence;
    if (auto it = absences_.find(ts->employee); it != absences_.end()) absence = it->second;
    record(request_correction(static_cast<std::int64_t>(corrections_.size()) + 1, *ts, in,
                              actor(w[1], ts->employee), at, on, absence, window_),
           corrections_, w[3]);
    return true;
  }
  if (verb == "grants-exception" || verb == "refuses-exception" || verb == "payroll-approves" ||
      verb == "payroll-refuses" || verb == "applies") {
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    auto it = corrections_.find(w[3]);
    if (it == corrections_.end()) {
      ADD_FAILURE() << where() << ": no correction " << w[3];
      return true;
    }
    const Correction& c = it->second;
    const Actor a = actor(w[1], c.employee);
    const std::string comments = text(w, 4, {});
    if (verb == "grants-exception" || verb == "refuses-exception") {
      record(decide_exception(c, a, at, verb == "grants-exception", comments), corrections_, w[3]);
    } else if (verb == "payroll-approves" || verb == "payroll-refuses") {
      record(payroll_decide(c, a, at, verb == "payroll-approves", comments), corrections_, w[3]);
    } else {
      Timesheet* ts = nullptr;
      for (auto& [n, t] : sheets_) {
        if (t.id == c.timesheet) ts = &t;
      }
      if (!(ts)) {
        ADD_FAILURE() << where();
        return true;
      }
      auto r = apply_correction(c, *ts, a, at);
      if (r) {
        *ts = r->timesheet;
        corrections_[w[3]] = r->correction;
      } else {
        fail(r.status());
      }
    }
    return true;
  }
  if (verb == "records-awol") {
    // WHEN ACTOR records-awol A TS DATE DURATION scheduled=D hr=NAME CIRCUMSTANCES…
    if (!(w.size() >= 7u)) {
      ADD_FAILURE() << where();
      return true;
    }
    Timesheet* ts = sheet(w[4]);
    if (!ts) return true;
    AwolInput in;
    in.date = date(w[5]);
    in.minutes = minutes(w[6]);
    if (auto hr = option(w, 7, "hr")) in.hr_director = person(*hr).employee.id;
    in.scheduled_minutes = minutes(option(w, 7, "scheduled").value_or("0"));
    in.circumstances = text(w, 7, {});
    in.chain_to_bureau_chief = chain();
    auto r = record_awol(static_cast<std::int64_t>(awols_.size()) + 1, *ts, in,
                         actor(w[1], ts->employee), at);
    if (r) {
      *ts = r->timesheet;
      awols_[w[3]] = r->record;
    } else {
      fail(r.status());
    }
    return true;
  }
  if (verb == "forwards") {  // WHEN ACTOR forwards THING   (moves a routing one link up)
    if (!(w.size() == 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    if (auto c = corrections_.find(w[3]); c != corrections_.end()) {
      record(forward_exception(c->second, actor(w[1], c->second.employee), at), corrections_, w[3]);
    } else if (auto a = awols_.find(w[3]); a != awols_.end()) {
      record(forward_awol_copy(a->second, actor(w[1], a->second.employee), at), awols_, w[3]);
    } else if (auto r = releases_.find(w[3]); r != releases_.end()) {
      record(forward_copy(r->second, actor(w[1], r->second.employee), at), releases_, w[3]);
    } else {
      ADD_FAILURE() << where() << ": nothing named " << w[3] << " to forward";
    }
    return true;
  }
  return false;
}

bool RecordsScenario::timesheet_expect(const Words& w) {
  const std::string& kw = w[0];
  if (kw == "expect-late") {  // expect-late TS yes|no
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    EXPECT_EQ(sheets_.at(w[1]).approved_late, w[2] == "yes") << where();
    return true;
  }
  if (kw == "expect-overdue") {  // expect-overdue INSTANT payroll|SUPERVISOR TS,TS|none
    if (!(w.size() == 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    std::vector<Timesheet> all;
    for (const auto& [n, t] : sheets_) all.push_back(t);
    const auto list = w[2] == "payroll" ? overdue_list(all, instant(w[1]))
                                        : overdue_list_for(all, squads_[w[2]], instant(w[1]));
    std::vector<std::int64_t> ids;
    ids.reserve(list.size());
    for (const auto& e : list) ids.push_back(e.timesheet);
    std::vector<std::int64_t> want;
    if (w[3] != "none") {
      std::stringstream names(w[3]);
      for (std::string n; std::getline(names, n, ',');) want.push_back(sheets_.at(n).id);
    }
    EXPECT_EQ(join_ids(ids), join_ids(want)) << where();
    return true;
  }
  if (kw == "expect-late-approvals") {  // expect-late-approvals TS,TS|none
    if (!(w.size() == 2u)) {
      ADD_FAILURE() << where();
      return true;
    }
    std::vector<Timesheet> all;
    for (const auto& [n, t] : sheets_) all.push_back(t);
    std::vector<std::int64_t> want;
    if (w[1] != "none") {
      std::stringstream names(w[1]);
      for (std::string n; std::getline(names, n, ',');) want.push_back(sheets_.at(n).id);
    }
    EXPECT_EQ(join_ids(late_approvals(all)), join_ids(want)) << where();
    return true;
  }
  if (kw == "expect-versions") {  // expect-versions TS N
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    EXPECT_EQ(sheets_.at(w[1]).versions.size(), std::stoul(w[2])) << where();
    return true;
  }
  if (kw == "expect-day") {  // expect-day TS [vN] DATE LINE,LINE|none   (the lines in force)
    if (!(w.size() >= 4u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const Timesheet& ts = sheets_.at(w[1]);
    std::size_t i = 2;
    const std::vector<TimesheetLine>* lines = &ts.current_lines();
    if (w[i][0] == 'v') {
      const auto v = std::stoul(w[i].substr(1));
      if (!(v <= ts.versions.size())) {
        ADD_FAILURE() << where();
        return true;
      }
      lines = &ts.versions[v - 1].lines;
      ++i;
    }
    if (!(w.size() == i + 2)) {
      ADD_FAILURE() << where();
      return true;
    }
    const Date d = date(w[i]);
    std::string got;
    for (const TimesheetLine& l : *lines) {
      if (l.date != d) continue;
      got +=
          (got.empty() ? "" : ",") +
          (l.code == TimeCode::kLeave ? "leave/" + l.leave_type : std::string(to_string(l.code))) +
          "=" + std::to_string(l.minutes);
    }
    std::string want;
    if (w[i + 1] != "none") {
      std::stringstream words(w[i + 1]);
      for (std::string l; std::getline(words, l, ',');) {
        const TimesheetLine t = line(l, d);
        want += (want.empty() ? "" : ",") +
                (t.code == TimeCode::kLeave ? "leave/" + t.leave_type
                                            : std::string(to_string(t.code))) +
                "=" + std::to_string(t.minutes);
      }
    }
    EXPECT_EQ(got.empty() ? "none" : got, want.empty() ? "none" : want) << where();
    return true;
  }
  if (kw == "expect-totals") {  // expect-totals TS paid=D unpaid=D leave=D worked=D comp=D
    if (!(w.size() >= 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const LineTotals t = totals(sheets_.at(w[1]).current_lines());
    if (auto v = option(w, 2, "paid")) {
      EXPECT_EQ(t.paid, minutes(*v)) << where() << " paid";
    }
    if (auto v = option(w, 2, "unpaid")) {
      EXPECT_EQ(t.unpaid, minutes(*v)) << where() << " unpaid";
    }
    if (auto v = option(w, 2, "leave")) {
      EXPECT_EQ(t.leave, minutes(*v)) << where() << " leave";
    }
    if (auto v = option(w, 2, "worked")) {
      EXPECT_EQ(t.hours_worked, minutes(*v)) << where() << " worked";
    }
    if (auto v = option(w, 2, "comp")) {
      EXPECT_EQ(t.comp_elected, minutes(*v)) << where() << " comp";
    }
    return true;
  }
  if (kw == "expect-route") {  // expect-route C payroll|bureau-chief-exception
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const Correction& c = corrections_.at(w[1]);
    EXPECT_EQ(c.exception ? "bureau-chief-exception" : "payroll", w[2]) << where();
    return true;
  }
  if (kw == "expect-deadline") {  // expect-deadline C DATE|none
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    const auto& d = corrections_.at(w[1]).deadline;
    EXPECT_EQ(d ? d->to_string() : "none", w[2]) << where();
    return true;
  }
  if (kw == "expect-applied-version") {  // expect-applied-version C N
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    EXPECT_EQ(corrections_.at(w[1]).applied_version.value_or(0), std::stoi(w[2])) << where();
    return true;
  }
  if (kw == "expect-state") {  // expect-state THING STATE  (any named record)
    if (!(w.size() == 3u)) {
      ADD_FAILURE() << where();
      return true;
    }
    std::string got;
    if (auto t = sheets_.find(w[1]); t != sheets_.end()) got = to_string(t->second.state);
    if (auto c = corrections_.find(w[1]); c != corrections_.end()) got = to_string(c->second.state);
    if (auto k = cash_outs_.find(w[1]); k != cash_outs_.end()) got = to_string(k->second.state);
    if (auto r = releases_.find(w[1]); r != releases_.end()) got = to_string(r->second.state);
    if (auto f = furloughs_.find(w[1]); f != furloughs_.end()) got = to_string(f->second.state);
    if (auto s = special_.find(w[1]); s != special_.end()) got = to_string(s->second.state);
    if (auto g = guild_.find(w[1]); g != guild_.end()) got = to_string(g->second.state);
    EXPECT_FALSE(got.empty()) << where() << ": nothing named " << w[1];
    EXPECT_EQ(got, w[2]) << where();
    return true;
  }
  return false;
}

}  // namespace rollcall::timeoff::records::scenario
