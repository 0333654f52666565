// Incremental evaluation in memory (issue 3, item 7): how long the threshold
// engine takes per arriving event, in date order and with late data.
// Events come from the same generator as `rollcall gen`.
#include <benchmark/benchmark.h>

#include <charconv>
#include <string_view>
#include <vector>

#include "app/pmp/event_generator.h"
#include "domain/pmp/evaluator.h"

namespace rollcall {
namespace {

// The default thresholds' initial and recent tables (config/thresholds/default.toml).
pmp::ThresholdSet default_like_set() {
  pmp::ThresholdSet s;
  s.id = 1;
  s.effective_from = Date::from_ymd(2000, 1, 1);
  s.initial = {{pmp::Indicator::kA, {1, 1}},  {pmp::Indicator::kB, {3, 6}},
               {pmp::Indicator::kC, {2, 12}}, {pmp::Indicator::kD, {3, 12}},
               {pmp::Indicator::kE, {2, 36}}, {pmp::Indicator::kF, {2, 6}},
               {pmp::Indicator::kG, {6, 12}}};
  s.recent_review = s.initial;
  s.recent_review[pmp::Indicator::kB] = {2, 6};
  return s;
}

// Parses the generator's CSV (employee_id,indicator,date,type,firearm,preventable).
std::vector<pmp::IndicatorEvent> generated_events(std::uint64_t employees, std::uint64_t events) {
  app::EventGeneratorOptions o;
  o.employees = employees;
  o.events = events;
  o.seed = 42;
  const std::string csv = app::generate_events_csv(o).value();
  std::vector<pmp::IndicatorEvent> out;
  out.reserve(events);
  std::string_view rest(csv);
  rest.remove_prefix(rest.find('\n') + 1);
  std::int64_t id = 0;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    std::string_view f[6];
    for (int i = 0; i < 6; ++i) {
      const auto comma = line.find(',');
      f[i] = line.substr(0, comma);
      line.remove_prefix(comma == std::string_view::npos ? line.size() : comma + 1);
    }
    pmp::IndicatorEvent e;
    e.id = ++id;
    std::from_chars(f[0].data(), f[0].data() + f[0].size(), e.employee);
    e.kind = *pmp::parse_event_kind(f[1]);
    e.date = Date::parse(f[2]).value();
    e.force_type = pmp::parse_force_type(f[3]);
    e.firearm_discharge = f[4] == "true";
    if (auto p = pmp::parse_preventability(f[5])) e.preventability = *p;
    out.push_back(e);
  }
  return out;
}

// Items per second and time per event, over every iteration.
void report_per_event(benchmark::State& state, std::size_t events) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(events));
  state.counters["ns_per_event"] = benchmark::Counter(
      static_cast<double>(state.iterations() * events),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::kIs1000);
}

void BM_EvaluateInDateOrder(benchmark::State& state) {
  const auto events = generated_events(static_cast<std::uint64_t>(state.range(0)),
                                       static_cast<std::uint64_t>(state.range(1)));
  std::size_t triggers = 0;
  for (auto _ : state) {
    pmp::Evaluator ev(pmp::ThresholdHistory({default_like_set()}));
    for (const auto& e : events) triggers += ev.add(e).size();
    benchmark::DoNotOptimize(triggers);
  }
  report_per_event(state, events.size());
  state.counters["triggers"] = static_cast<double>(triggers / state.iterations());
}
BENCHMARK(BM_EvaluateInDateOrder)
    ->Args({10'000, 1'000'000})
    ->Args({100'000, 1'000'000})
    ->Unit(benchmark::kMillisecond);

// 1% of events arrive late: dated 90 days before they arrive, usually before
// other events already seen for the same employee, so each rebuilds that
// employee's history.
void BM_EvaluateWithLateData(benchmark::State& state) {
  auto events = generated_events(10'000, 1'000'000);
  for (std::size_t i = 0; i < events.size(); i += 100)
    events[i].date = events[i].date.plus_days(-90);
  for (auto _ : state) {
    pmp::Evaluator ev(pmp::ThresholdHistory({default_like_set()}));
    std::size_t triggers = 0;
    for (const auto& e : events) triggers += ev.add(e).size();
    benchmark::DoNotOptimize(triggers);
  }
  report_per_event(state, events.size());
}
BENCHMARK(BM_EvaluateWithLateData)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rollcall

BENCHMARK_MAIN();
