// A strict RFC 4180 CSV reader that remembers where every record came from.
//
// Written by hand rather than taken from a library because (a) Debian bookworm
// packages no maintained C++ CSV reader, and (b) error messages must name the
// physical line of each record (records may span lines inside quotes), which
// general-purpose readers do not report.
//
// Accepted: UTF-8 (a leading BOM is skipped), LF or CRLF line endings, quoted
// fields with "" escapes and embedded newlines. Rejected with an error naming
// the file and line: invalid UTF-8 (another encoding), bare CR line endings,
// an unterminated quote, text after a closing quote, and a record whose field
// count differs from the header's.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace rollcall {

struct CsvRecord {
  std::size_t line = 0;  // 1-based physical line on which the record starts
  std::vector<std::string> fields;
};

class CsvDocument {
 public:
  // Parses `text`; the first record is the header. `source` names the input in
  // error messages ("units.csv"). Returns INVALID_ARGUMENT "source:line: why".
  static Result<CsvDocument> parse(std::string_view text, std::string source);
  // Reads and parses a file; NOT_FOUND if it cannot be opened.
  static Result<CsvDocument> read_file(const std::filesystem::path& path);

  const std::string& source() const { return source_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRecord>& records() const { return records_; }
  // Index of the header column named `name` (exact, case-sensitive), if any.
  std::optional<std::size_t> column(std::string_view name) const;

 private:
  std::string source_;
  std::vector<std::string> header_;
  std::vector<CsvRecord> records_;
};

// Returns the 1-based line of the first byte that is not valid UTF-8, or 0.
std::size_t first_invalid_utf8_line(std::string_view text);

}  // namespace rollcall
