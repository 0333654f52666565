// `rollcall demo`: stores the generated demo department in an empty database.
#pragma once

#include <string>

#include "app/demo/demo_department.h"
#include "app/org/org_store.h"
#include "storage/database.h"

namespace rollcall::app {

struct DemoOutcome {
  OrgWriteCounts counts;
  org::OrgData generated;  // as generated (local ids), e.g. for a CSV export
};

// FAILED_PRECONDITION if the database already holds units (the demo never
// mixes with real data); INTERNAL if the generator broke a validation rule.
// Writes everything, audited, in one transaction.
Result<DemoOutcome> store_demo_department(storage::Database& db, const DemoOptions& options,
                                          const std::string& actor);

}  // namespace rollcall::app
