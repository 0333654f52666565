// 4.010 leave demo data (`rollcall demo`), so every leave screen has
// something to show on the demo day (2026-11-23 in the tests):
//   - schedule anchors (workflow records "timeoff-schedule") for the demo
//     squad, one 4-2 platoon per member in turn, so the squad is covered every day;
//   - opening balances on January 1 of today's year (adjustment entries) for
//     every employee of the demo precinct and the demo cast, then the accrual
//     run (accruals per pay period, holiday credits, furlough grants) through
//     today for them — the rest of the department starts empty, which keeps
//     the demo quick to build (Payroll's `rollcall leave accrue` posts the rest);
//   - the demo officer's and squad's requests in each state: submitted,
//     sergeant-approved and captain-review (PRO-1, over four days), approved,
//     recorded, denied, cancelled; and one year-end extension request.
// Deterministic for the org and `today`; everything through the app use
// cases, audited, as `actor`.
#pragma once

#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "storage/database.h"
#include "time/civil_date.h"

namespace rollcall::app {

struct DemoLeaveCounts {
  int anchors = 0;
  int employees = 0;       // with opening balances and accruals
  int ledger_entries = 0;  // opening balances + accruals + usage
  int requests = 0;
  int extensions = 0;
};

// FAILED_PRECONDITION if the org has no demo cast (choose_demo_cast); errors
// of the leave use cases otherwise. `now` is the instant of `today` the
// requests are made at (steps are dated from it).
Result<DemoLeaveCounts> store_demo_leave(storage::Database& db, Date today, Instant now,
                                         const std::string& actor);

}  // namespace rollcall::app
