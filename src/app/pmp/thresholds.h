// Threshold sets in the database: installing the shipped default and
// importing the Committee's recommendations (3.070-POL-1, 3.070-POL-3).
#pragma once

#include <filesystem>
#include <string>

#include "domain/pmp/indicator.h"
#include "storage/database.h"

namespace rollcall::app {

// The shipped default set (config/thresholds/default.toml, compiled in).
const char* default_thresholds_toml();

// Stores the shipped default set if the database has no threshold set yet.
// Returns true if it was installed.
Result<bool> install_default_thresholds(storage::Database& db, const std::string& actor);

// Reads a threshold-set TOML file and stores it (audited). INVALID_ARGUMENT with
// file and key on a bad file; FAILED_PRECONDITION if a set with the same
// effective date is already stored (sets are never replaced: record a new one).
Result<pmp::ThresholdSet> import_threshold_set(storage::Database& db,
                                               const std::filesystem::path& file,
                                               const std::string& actor);

// Stores a set (audited), e.g. the Coordinator's proposal through the API.
// FAILED_PRECONDITION as above.
Result<pmp::ThresholdSet> store_threshold_set(storage::Database& db, pmp::ThresholdSet set,
                                              const std::string& actor);

}  // namespace rollcall::app
