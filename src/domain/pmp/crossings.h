// The crossings engine: every date on which an employee's count for an
// indicator reaches its threshold (3.070 §1, issue 3 item 6).
//
// Stateless and with one threshold table: for every employee and indicator
// (A–F and the aggregate G) it finds every date d with
//
//     count(d) >= rule.count  and  count(d - 1 day) < rule.count
//
// where count(x) is the number of qualifying events dated in
// (x − rule.months months, x], the window start clamped to the month's end
// (Date::minus_months; Mar 30 and Mar 31 minus one month are both Feb 28/29).
// G counts every event that qualifies under A–F, whether or not the table
// evaluates that indicator; an indicator absent from the table is not
// evaluated. The stateful rules of the evaluator (recent-review table,
// reviewed events not counted again, an open review absorbing crossings) are
// not applied here.
//
// Built for throughput (100M events in seconds): events arrive packed in
// 64-bit words, are sorted by (employee, date, indicator) with two parallel
// counting-sort passes, and each employee's events are scanned once per
// evaluated indicator with two monotone window pointers. Because count(x) can
// only rise on a day that has an event, only event dates are examined.
//
// Pure: no I/O. It may use worker threads (`threads`), joined before return.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "domain/pmp/indicator.h"

namespace rollcall::pmp::crossings {

// ---- Qualification (3.070 §1 and ARCHITECTURE.md "Indicator counting") ----

enum class ForceType : std::uint8_t { kNone, kI, kII, kIII };  // kNone: not given
enum class Preventable : std::uint8_t { kNone, kTrue, kFalse, kPending };

// A, D, E, F: every event. B: Type II or III, or any firearms discharge (a
// Type I without discharge does not count). C: ruled preventable only (a
// pending ruling does not count until ruled). G is not an event kind: false.
constexpr bool qualifies(Indicator indicator, ForceType type, bool firearm_discharge,
                         Preventable preventable) {
  switch (indicator) {
    case Indicator::kB:
      return firearm_discharge || type == ForceType::kII || type == ForceType::kIII;
    case Indicator::kC:
      return preventable == Preventable::kTrue;
    case Indicator::kG:
      return false;
    default:
      return true;
  }
}

// ---- Packed events ----

// One qualifying event in 64 bits: bits 63..32 the employee slot (see
// SlotMap), bits 31..3 the day number (days since 1970-01-01) plus kDayBias,
// bits 2..0 the indicator A..F as 0..5. kDayBias keeps years 0000..9999
// positive and within 29 bits.
inline constexpr std::int64_t kDayBias = std::int64_t{1} << 20;
inline constexpr std::int32_t kMinDay = -719528;  // 0000-01-01
inline constexpr std::int32_t kMaxDay = 2932896;  // 9999-12-31

constexpr std::uint64_t pack_event(std::uint32_t slot, std::int32_t day, Indicator indicator) {
  return (std::uint64_t{slot} << 32) | (static_cast<std::uint64_t>(day + kDayBias) << 3) |
         static_cast<std::uint64_t>(indicator);
}

// How a block's employee slots become dense employee ranks 0..employee_count-1
// (the rank order is the output order): rank = slot < high_base ? low[slot]
// : high[slot - high_base]. Two parts so that a reader can number integer ids
// directly (low) and dictionary ids after them (high). Both empty: rank = slot.
struct SlotMap {
  std::span<const std::uint32_t> low;
  std::uint32_t high_base = 0;
  std::span<const std::uint32_t> high;
};

// Events in blocks (a reader's threads each fill their own). Blocks are
// consumed: find_crossings frees each as soon as it has been sorted.
struct EventBlock {
  std::vector<std::uint64_t> events;
  std::uint32_t slot_map = 0;  // index into CrossingInput::slot_maps (ignored if none)
};

struct CrossingInput {
  std::vector<EventBlock> blocks;
  std::vector<SlotMap> slot_maps;    // empty: slots are ranks
  std::uint32_t employee_count = 0;  // every rank is below this
};

struct Crossing {
  std::uint32_t employee = 0;  // rank
  Indicator indicator = Indicator::kA;
  std::int32_t day = 0;     // days since 1970-01-01
  std::uint32_t count = 0;  // count(day)
  friend bool operator==(const Crossing&, const Crossing&) = default;
};

// The crossings in order of (employee rank, indicator, date), split in parts
// whose concatenation is that order (one part per worker thread).
struct CrossingResult {
  std::vector<std::vector<Crossing>> parts;
  std::size_t size() const;
  std::vector<Crossing> flatten() const;
};

// Finds every crossing of `table`'s rules among the events. Rules must have
// count >= 1 and months >= 1 (validated where tables are read). `threads` >= 1
// worker threads are used for sorting and scanning.
CrossingResult find_crossings(CrossingInput input, const ThresholdTable& table,
                              unsigned threads = 1);

}  // namespace rollcall::pmp::crossings
