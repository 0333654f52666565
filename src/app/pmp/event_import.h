// `rollcall events import`: reads indicator events (CSV or JSON Lines, native
// columns or a mapping) and stores them in one transaction, or not at all.
//
// Each event is identified across imports by (source system, incident number,
// employee, kind). A row whose event is already stored with the same fields is
// skipped; with different fields it is stored as a new version (a correction:
// a collision ruled, a complaint re-dated, a duplicate withdrawn). Nothing is
// overwritten. Every problem is reported as file:line:field: reason.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/org/org_import.h"
#include "app/pmp/event_mapping.h"
#include "domain/pmp/evaluator.h"
#include "storage/database.h"

namespace rollcall::app {

struct EventImportOptions {
  EventMapping mapping;
  bool dry_run = false;
  // Unknown employees become placeholder records (serial only) instead of
  // errors, for anonymised exports such as Seattle's.
  bool create_employees = false;
  std::string actor;
  Instant now{};  // recorded_at of the new versions
};

struct EventImportReport {
  std::vector<ImportError> errors;  // non-empty: nothing was written
  std::size_t rows_read = 0;
  std::size_t events_in_file = 0;  // after collapsing rows of one incident
  std::size_t created = 0;
  std::size_t corrected = 0;
  std::size_t unchanged = 0;
  std::size_t placeholders = 0;  // employees created
  std::size_t distinct_employees = 0;
  std::map<std::string, std::size_t> by_kind;        // events in the file by kind
  std::map<std::string, std::size_t> by_force_type;  // uses of force by type (+"firearm")
  std::vector<pmp::Trigger> new_triggers;  // triggers the import causes (threshold sets stored)
};

// NOT_FOUND if the file cannot be read; otherwise the report (check errors).
Result<EventImportReport> import_events(storage::Database& db, const std::filesystem::path& file,
                                        const EventImportOptions& options);
// The same for text already in memory (an upload); `source` names it in errors.
Result<EventImportReport> import_events_text(storage::Database& db, std::string_view text,
                                             const std::string& source,
                                             const EventImportOptions& options);

}  // namespace rollcall::app
