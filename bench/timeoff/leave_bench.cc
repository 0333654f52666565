// 4.010 leave benchmark (bench/timeoff/run.sh): a generated department of N
// employees (default 50,000) with a year of ledger entries — opening balances,
// accruals per pay period (leave::generate_accruals), holiday credits, furlough
// grants and usage — then, in process and timed:
//   balance-as-of   every bank of every employee as of a date (leave::balances)
//   year-end        the 4.010-POL-7 dry run for the whole department
//                   (leave::plan_year_end)
// and writes the ledger as CSV (employee,bank,date,minutes) for the SQL peers.
// A timed harness (steady_clock), best of --repeat runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/timeoff/timeoff_context.h"
#include "domain/timeoff/leave/accrual.h"
#include "domain/timeoff/leave/ledger.h"
#include "domain/timeoff/leave/year_end.h"

namespace lv = rollcall::timeoff::leave;
using rollcall::Date;

namespace {

double best_of(int repeat, const auto& fn) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64: deterministic, portable
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

int main(int argc, char** argv) {
  int employees = 50000, repeat = 3, year = 2026;
  std::string csv;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--employees")
      employees = std::atoi(next().c_str());
    else if (a == "--repeat")
      repeat = std::atoi(next().c_str());
    else if (a == "--csv")
      csv = next();
    else {
      std::cerr << "usage: leave_bench [--employees N] [--repeat R] [--csv FILE]\n";
      return 2;
    }
  }
  auto ctx = rollcall::app::timeoff::TimeoffContext::shipped("America/Los_Angeles");
  if (!ctx) {
    std::cerr << ctx.status().to_string() << "\n";
    return 1;
  }
  const lv::UnitLeaveRules& spog = *(*ctx)->rules().unit("SPOG");
  const Date jan1 = Date::from_ymd(year, 1, 1), dec31 = Date::from_ymd(year, 12, 31);
  std::vector<Date> ends;
  for (const auto& p : (*ctx)->pay_periods().in_range(jan1, dec31)) {
    if (p.end >= jan1 && p.end <= dec31) ends.push_back(p.end);
  }
  std::vector<Date> holidays;
  for (const auto& h : *(*ctx)->holidays(year)) holidays.push_back(h.actual);
  const std::vector<Date> grants = (*ctx)->furlough_grant_dates(year);

  // --- generate ---------------------------------------------------------------
  const auto g0 = std::chrono::steady_clock::now();
  std::vector<std::vector<lv::LedgerEntry>> ledgers(static_cast<std::size_t>(employees));
  std::size_t total = 0;
  for (int i = 0; i < employees; ++i) {
    const std::int64_t id = i + 1;
    auto& l = ledgers[static_cast<std::size_t>(i)];
    auto add = [&](lv::LeaveType bank, Date d, lv::Minutes m, lv::EntryKind k, std::string src) {
      lv::LedgerEntry e;
      e.employee = id;
      e.bank = e.taken_as = bank;
      e.date = d;
      e.minutes = m;
      e.kind = k;
      e.source = std::move(src);
      l.push_back(std::move(e));
    };
    const std::uint64_t r = mix(static_cast<std::uint64_t>(id));
    add(lv::LeaveType::kVacation, jan1, static_cast<lv::Minutes>(r % 120) * 60,
        lv::EntryKind::kAdjustment, "opening");
    add(lv::LeaveType::kSick, jan1, static_cast<lv::Minutes>((r >> 8) % 200) * 60,
        lv::EntryKind::kAdjustment, "opening");
    const Date hire = Date::from_ymd(1990 + static_cast<int>((r >> 16) % 35), 3, 1);
    auto acc = lv::generate_accruals(spog, id, hire, ends, l);
    for (auto& e : acc->entries) l.push_back(std::move(e));
    for (auto& e : lv::holiday_credits(spog, id, holidays, l)) l.push_back(std::move(e));
    for (auto& e : *lv::furlough_grants(spog, id, grants, l)) l.push_back(std::move(e));
    // About a dozen days of usage: vacation, sick, holiday and furlough.
    static constexpr lv::LeaveType kUse[] = {lv::LeaveType::kVacation, lv::LeaveType::kSick,
                                             lv::LeaveType::kHoliday, lv::LeaveType::kFurlough};
    for (int u = 0; u < 12; ++u) {
      const std::uint64_t x = mix(r + static_cast<std::uint64_t>(u));
      add(kUse[x % 4], jan1.plus_days(static_cast<std::int64_t>((x >> 8) % 365)), -600,
          lv::EntryKind::kUsage, "request");
    }
    std::sort(l.begin(), l.end(),
              [](const lv::LedgerEntry& a, const lv::LedgerEntry& b) { return a.date < b.date; });
    total += l.size();
  }
  const double t_gen = std::chrono::duration<double>(std::chrono::steady_clock::now() - g0).count();

  // --- balance as of, every employee ------------------------------------------------
  const Date as_of = Date::from_ymd(year, 11, 23);
  std::int64_t checksum = 0;
  const double t_bal = best_of(repeat, [&] {
    checksum = 0;
    for (const auto& l : ledgers) {
      const lv::Balances b = lv::balances(l, as_of);
      checksum += b.vacation + b.sick + b.holiday + b.furlough + b.delayed_furlough + b.comp_time;
    }
  });

  // --- year-end dry run ----------------------------------------------------------------
  std::vector<lv::EmployeeYearEnd> input;
  input.reserve(ledgers.size());
  for (std::size_t i = 0; i < ledgers.size(); ++i) {
    input.push_back({static_cast<std::int64_t>(i + 1), ledgers[i], {}});
  }
  const Date deadline = *(*ctx)->furlough_deadline(year);
  std::size_t items = 0;
  const double t_ye = best_of(repeat, [&] {
    auto plan = lv::plan_year_end((*ctx)->rules().year_end, year, deadline, input);
    items = plan->items.size();
  });

  if (!csv.empty()) {
    std::ofstream out(csv);
    out << "employee,bank,date,minutes\n";
    for (const auto& l : ledgers) {
      for (const auto& e : l) {
        out << e.employee << ',' << lv::to_string(e.bank) << ',' << e.date.to_string() << ','
            << e.minutes << '\n';
      }
    }
  }
  std::printf("employees %d, ledger entries %zu (generated in %.2f s)\n", employees, total, t_gen);
  std::printf("rollcall balance-as-of %s, all employees: %.3f s (checksum %lld)\n",
              as_of.to_string().c_str(), t_bal, static_cast<long long>(checksum));
  std::printf("rollcall year-end %d dry run: %.3f s, %zu plan items\n", year, t_ye, items);
  std::printf("RESULT balance_s=%.6f year_end_s=%.6f checksum=%lld\n", t_bal, t_ye,
              static_cast<long long>(checksum));
  return 0;
}
