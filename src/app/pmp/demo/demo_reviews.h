// The demo department's Performance Mentoring Reviews and Mentoring Plans
// (issue 5): reviews opened from recent triggers and walked through
// 3.070-PRO-1 by each employee's real chain of command on plausible dates,
// stopping at every stage (some overdue), a few concurred with a plan that is
// opened and coached (PRO-2). Everything goes through the same use cases as
// the API (app/pmp/review, app/pmp/plan), so it is audited like real work.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/database.h"
#include "time/civil_date.h"

namespace rollcall::app {

struct DemoReviewCounts {
  int reviews = 0;  // opened
  int final = 0;    // concurred (plan or none)
  int plans = 0;    // opened from concurred reviews
};

// Opens up to `max_reviews` reviews from triggers dated in the 150 days before
// `today`, for employees without a sign-in account (so the demo cast's own
// records stay clean for trying the workflow). Deterministic for a database.
// FAILED_PRECONDITION if nobody is the Performance Mentoring Coordinator.
Result<DemoReviewCounts> store_demo_reviews(storage::Database& db, Date today,
                                            int max_reviews = 24);

}  // namespace rollcall::app
