// Reading the crossings task's event CSV and writing its result (issue 3
// item 6). The engine itself is domain/pmp/crossings.h.
//
// Input: UTF-8 CSV, LF or CRLF line endings, a header row naming at least
// `employee_id,indicator,date`; where they decide qualification also
// `use_of_force_type` (I, II, III), `firearm_discharge` (true/false) and
// `preventable` (true, false, pending). Columns may come in any order; other
// columns are ignored; empty optional fields mean "not given"; blank lines are
// skipped. `indicator` is A–F (either case). A B row needs a use_of_force_type
// unless firearm_discharge is true; a C row needs preventable.
//
// Output: `employee_id,indicator,date,count`, sorted by employee id
// (numerically when every id is an integer, ties by text; else bytewise), then
// indicator, then date.
//
// Written for speed: the file is read with pread() in large blocks by several
// threads over newline-aligned ranges (not mmap: mapped pages of a 3 GB file
// would count towards the process's resident memory), parsed by hand (no
// general CSV or date library: a 100M-row file allows ~20 ns a row), and ids
// that are plain integers are numbered without a dictionary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/pmp/crossings.h"

namespace rollcall::app {

// Employee ids by rank (the output order).
class EmployeeIds {
 public:
  std::size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::string_view operator[](std::uint32_t rank) const {
    return {text_.data() + offsets_[rank], offsets_[rank + 1] - offsets_[rank]};
  }
  void add(std::string_view id) {
    if (offsets_.empty()) offsets_.push_back(0);
    text_.append(id);
    offsets_.push_back(text_.size());
  }

 private:
  std::string text_;
  std::vector<std::size_t> offsets_;
};

struct CrossingEvents {
  pmp::crossings::CrossingInput input;  // its slot maps point into slot_storage
  EmployeeIds ids;
  std::size_t rows = 0;        // data rows read
  std::size_t qualifying = 0;  // rows qualifying under A–F (the packed events)
  std::vector<std::vector<std::uint32_t>> slot_storage;
};

struct CrossingsReadOptions {
  unsigned threads = 2;
  std::size_t max_errors = 20;  // errors listed before giving up
};

// Reads and validates the whole file. Errors: NOT_FOUND if it cannot be
// opened; INVALID_ARGUMENT listing each problem as "path:line:field: reason"
// (at most max_errors, in file order) — unknown indicator, malformed or
// impossible date, bad flag value, a missing column, invalid UTF-8, a bare CR
// line ending, a wrong number of fields.
Result<CrossingEvents> read_crossings_csv(const std::filesystem::path& path,
                                          const CrossingsReadOptions& options = {});

// Writes the CSV to `output`, or to stdout when `output` is empty or "-". A
// file is written beside its destination and renamed into place once complete,
// so a failure never leaves a partial file. INTERNAL on an I/O error.
Status write_crossings_csv(const pmp::crossings::CrossingResult& crossings, const EmployeeIds& ids,
                           const std::string& output, unsigned threads = 2);

// Hand-rolled formatting helpers shared with the event generator (faster than
// snprintf or std::to_chars plus chrono by an order of magnitude in bulk).
namespace csvfmt {
// Writes "YYYY-MM-DD" (10 bytes) for days since 1970-01-01; years 0000–9999.
char* put_date(char* out, std::int32_t days);
// Writes the decimal digits of v; returns the end.
char* put_uint(char* out, std::uint64_t v);
std::size_t uint_length(std::uint64_t v);
// Days since 1970-01-01 of a valid y-m-d (Howard Hinnant's days_from_civil).
std::int32_t days_from_civil(int y, unsigned m, unsigned d);
}  // namespace csvfmt

}  // namespace rollcall::app
