// Writing additions to the organisation: the one path by which imports and the
// demo department reach storage.
#pragma once

#include <cstddef>

#include "domain/org/org_types.h"
#include "storage/database.h"

namespace rollcall::app {

// Additions to the organisation. Records with a negative id are new; their
// references (parent, employee, unit) are either negative ids of other new
// records or ids of rows already stored. Employee records with a non-negative
// id are corrections of stored employees (stored as a new version).
// Assignments with a non-negative id close the stored assignment with that id
// on span.end_exclusive.
using OrgChanges = org::OrgData;

struct OrgWriteCounts {
  std::size_t units = 0;
  std::size_t employees_created = 0;
  std::size_t employees_corrected = 0;
  std::size_t assignments_created = 0;
  std::size_t assignments_ended = 0;
  std::size_t statuses = 0;
  std::size_t roles = 0;
};

// Writes `changes` inside `tx` (parents before children). Does not commit. On
// error the transaction is left failed and must be dropped.
Result<OrgWriteCounts> write_org_changes(storage::Transaction& tx, const OrgChanges& changes);

// Renumbers every id in `data` (all must be positive) to a provisional id (id -> -id), so a
// self-contained dataset (the demo department) can be written as OrgChanges.
OrgChanges as_new_records(org::OrgData data);

}  // namespace rollcall::app
