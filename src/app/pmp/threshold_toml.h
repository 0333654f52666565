// Threshold sets (3.070 §1) as TOML files: import, export, validation.
//
// The format (config/thresholds/default.toml is an example):
//
//   name = "Default starting point"      # required, non-empty
//   effective_from = 2026-01-01          # required, a TOML local date
//   starting_point = true                # optional, default false: a draft
//                                        #   for the Committee, not a decision
//   recent_review_months = 12            # optional, default 12 (1..120): a
//                                        #   PMR initiated this recently selects
//                                        #   the recent_review table
//   [approval]                           # optional table, every key optional
//   committee_recommendation = "text"    #   the Committee's recommendation
//   committee_recommended_on = 2025-12-01
//   chief_approved_by = "name"           #   the Chief's approval
//   chief_approved_on = 2025-12-15
//
//   [initial.B]                          # required table `initial`; one
//   count = 3                            #   sub-table per indicator A..G that
//   months = 6                           #   is evaluated: count >= 1, months
//                                        #   1..120, both required
//   [recent_review.B]                    # optional table, same shape
//   count = 2
//   months = 6
//
// An indicator left out of a table is not evaluated with that table. Unknown
// keys, unknown indicators and wrong value types are errors. The database id of
// a ThresholdSet is not part of the file (0 after parsing).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/pmp/indicator.h"

namespace rollcall::app {

// Parses a threshold set. INVALID_ARGUMENT lists every problem found, one per
// line, as "source:line:column: key: reason" (TOML syntax errors stop at the
// first).
Result<pmp::ThresholdSet> parse_threshold_toml(std::string_view text, std::string source);

// Reads and parses a file. NOT_FOUND if it cannot be read.
Result<pmp::ThresholdSet> read_threshold_file(const std::filesystem::path& path);

// The TOML text of a set, in the format above; parse_threshold_toml of the
// result yields an equal set (except `id`).
std::string to_toml(const pmp::ThresholdSet& set);

// The table the crossings task uses: the `initial` table of a threshold set
// file, or, when the file holds only indicator tables at its top level
// (`[B]` `count = 3` `months = 6`), those tables. Errors as above.
Result<pmp::ThresholdTable> parse_initial_table_toml(std::string_view text, std::string source);
Result<pmp::ThresholdTable> read_initial_table_file(const std::filesystem::path& path);

}  // namespace rollcall::app
