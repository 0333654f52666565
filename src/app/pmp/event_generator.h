// Synthetic indicator events for the crossings task and its benchmark
// (`rollcall gen`, issue 3 item 5).
//
// Writes the crossings input CSV (crossings_io.h):
//   employee_id,indicator,date,use_of_force_type,firearm_discharge,preventable
// Deterministic: the same options give the same bytes, whatever the number of
// threads. Rows come in date order (as a department's export would), spread
// evenly over [start, end].
//
// Realism, calibrated against ../shared/data/seattle/use_of_force_2014-2022.csv
// (1,323 officers with at least one use of force; the top 10% of them hold 36%
// of the uses, the top 20% hold 56%, the median officer has 6):
//  - each employee's rate is lognormal (sigma 1.1): the top 10% of employees
//    hold about 43% of the events and the top 20% about 60% (slightly heavier
//    than Seattle's, whose count leaves out officers with no use of force);
//  - the mix: A supervisory recommendations 3%, B uses of force 45%, C vehicle
//    collisions 8%, D complaints 25%, E claims 4%, F pursuits 15%;
//  - B: Type I 80%, II 17%, III 3%, firearm discharged in 0.4% of uses;
//  - C: preventable 50%, not preventable 35%, pending 15%.
//
// Performance: mt19937_64 with hand-written uniform helpers (std::*_distribution
// output differs between standard libraries, which would break determinism,
// and is slower), a Vose alias table for the employee of each event (O(1)),
// hand-rolled integer and date formatting, and large buffers written in order
// while worker threads generate the next blocks.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "time/civil_date.h"

namespace rollcall::app {

struct EventGeneratorOptions {
  std::uint64_t employees = 1000;  // 1 .. 16,000,000
  std::uint64_t events = 100000;
  std::uint64_t seed = 1;
  Date start = Date::from_ymd(2015, 1, 1);
  Date end = Date::from_ymd(2024, 12, 31);  // inclusive
  std::uint64_t first_employee_id = 1;      // ids are first .. first + employees - 1
  unsigned threads = 2;
};

// Checks the options (INVALID_ARGUMENT naming the option).
Status validate(const EventGeneratorOptions& options);

// Writes the CSV to `output` ("-" or empty: stdout). A file is written beside
// its destination and renamed into place when complete.
Status write_generated_events(const EventGeneratorOptions& options, const std::string& output);

// The whole CSV in memory (tests, small sizes).
Result<std::string> generate_events_csv(const EventGeneratorOptions& options);

}  // namespace rollcall::app
