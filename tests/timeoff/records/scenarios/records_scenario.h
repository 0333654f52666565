// The scenario language for the 4.010 time records (tests/timeoff/records/
// scenarios/*.scenario, each named after the clause it proves). The runner is
// split by area: records_scenario.cc (people, times, common expectations),
// records_scenario_timesheets.cc (POL-3, 4, 8, 9) and
// records_scenario_requests.cc (POL-10 to 14, PRO-2). The full vocabulary is
// in tests/timeoff/records/scenarios/README.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/timeoff/records/awol.h"
#include "domain/timeoff/records/circle_furlough.h"
#include "domain/timeoff/records/comp_time.h"
#include "domain/timeoff/records/correction.h"
#include "domain/timeoff/records/guild_day.h"
#include "domain/timeoff/records/release_time.h"
#include "domain/timeoff/records/special_duty.h"
#include "domain/timeoff/records/timesheet.h"
#include "support/scenario_file.h"

namespace rollcall::timeoff::records::scenario {

using Words = std::vector<std::string>;

struct Person {
  org::Employee employee;
  std::vector<access::Role> roles;
  bool chain_of_all = false;              // in-chain: in everyone's chain of command
  std::vector<org::EmployeeId> chain_of;  // chain-of=A,B: in these employees' chains
};

class RecordsScenario final : public testing::ScenarioRunner {
 public:
  explicit RecordsScenario(std::string name);
  // After run(): no failed step was left unexpected.
  void finish() const;

 private:
  void statement(const Words& w) override;
  void expect(const Words& w) override;

  // --- shared (records_scenario.cc)
  const Person& person(const std::string& name);
  Actor actor(const std::string& name, org::EmployeeId subject);
  // "2026-03-04T12:00" (UTC) or "2026-03-04" (17:00 UTC that day).
  Instant instant(const std::string& word) const;
  Date day_of(const std::string& word) const;
  // "8h", "30m", "8h30m" or minutes.
  std::int64_t minutes(const std::string& word) const;
  // KEY=VALUE among w[from…]; nullopt if absent.
  static std::optional<std::string> option(const Words& w, std::size_t from,
                                           const std::string& key);
  static bool flag(const Words& w, std::size_t from, const std::string& word);
  // The words after `from` that are neither KEY=VALUE nor flags in `flags`.
  static std::string text(const Words& w, std::size_t from, const std::vector<std::string>& flags);
  std::vector<Hop> chain();
  template <typename T>
  void record(Result<T> r, std::map<std::string, T>& into, const std::string& name) {
    if (r) {
      into[name] = std::move(r).value();
    } else {
      pending_ = r.status();
    }
  }
  void fail(Status s) { pending_ = std::move(s); }
  void expect_error(StatusCode code, const Words& w);
  void expect_received(const Words& w);

  // --- POL-3, 4, 8, 9 (records_scenario_timesheets.cc)
  bool timesheet_step(const Words& w, Instant at, Date on);
  bool timesheet_expect(const Words& w);
  TimesheetLine line(const std::string& word, Date on) const;

  // --- POL-10 to 14, PRO-2 (records_scenario_requests.cc)
  bool request_step(const Words& w, Instant at, Date on);
  bool request_expect(const Words& w);

  std::map<std::string, Person> people_;
  std::vector<std::string> chain_;  // names, next link up to the bureau chief
  std::map<std::string, PayPeriodRef> periods_;
  std::map<std::string, FlsaPeriodRef> flsa_;
  std::map<std::string, std::vector<org::EmployeeId>> squads_;
  std::map<org::EmployeeId, ExtendedAbsence> absences_;
  CorrectionWindow window_;
  ReleaseTimeRules release_rules_;
  GuildRules guild_rules_;
  std::map<std::string, Timesheet> sheets_;
  std::map<std::string, Correction> corrections_;
  std::map<std::string, AwolRecord> awols_;
  std::map<std::string, CashOut> cash_outs_;
  std::map<std::string, ReleaseTime> releases_;
  std::map<std::string, FurloughWork> furloughs_;
  std::map<std::string, SpecialDutyRequest> special_;
  std::map<std::string, GuildDayRequest> guild_;
  Status pending_;  // the last step's error, until an expectation accounts for it
};

}  // namespace rollcall::timeoff::records::scenario
