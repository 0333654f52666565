#include "common/csv.h"

#include <fstream>
#include <sstream>

namespace rollcall {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 if it is malformed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF)
    len = 2;
  else if (b >= 0xE0 && b <= 0xEF)
    len = 3;
  else if (b >= 0xF0 && b <= 0xF4)
    len = 4;
  else
    return 0;
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b == 0xE0 && b1 < 0xA0) return 0;  // overlong
  if (b == 0xED && b1 > 0x9F) return 0;  // surrogates
  if (b == 0xF0 && b1 < 0x90) return 0;  // overlong
  if (b == 0xF4 && b1 > 0x8F) return 0;  // above U+10FFFF
  return len;
}

}  // namespace

std::size_t first_invalid_utf8_line(std::string_view text) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) return line;
    if (text[i] == '\n') ++line;
    i += len;
  }
  return 0;
}

Result<CsvDocument> CsvDocument::parse(std::string_view text, std::string source) {
  auto fail = [&](std::size_t line, const std::string& why) -> Status {
    return invalid_argument(source + ":" + std::to_string(line) + ": " + why);
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (std::size_t bad = first_invalid_utf8_line(text); bad != 0) {
    return fail(bad, "file is not valid UTF-8 (another encoding?); save it as UTF-8");
  }

  CsvDocument doc;
  doc.source_ = source;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> row_lines;
  std::vector<std::string> fields;
  std::string field;
  std::size_t line = 1;
  std::size_t record_line = 1;
  bool in_quotes = false;
  bool after_quote = false;  // just closed a quoted field
  bool record_has_content = false;

  auto end_record = [&] {
    fields.push_back(std::move(field));
    field.clear();
    rows.push_back(std::move(fields));
    row_lines.push_back(record_line);
    fields.clear();
    after_quote = false;
    record_has_content = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;  // CRLF: handled at LF
      return fail(line, "bare CR line ending; convert the file to LF or CRLF line endings");
    }
    if (c == '\n') {
      if (record_has_content || !fields.empty()) end_record();
      ++line;
      record_line = line;
      continue;
    }
    if (after_quote && c != ',') {
      return fail(line, "unexpected text after a closing quote");
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
      record_has_content = true;
    } else if (c == '"') {
      if (!field.empty()) return fail(line, "quote inside an unquoted field");
      in_quotes = true;
      record_has_content = true;
    } else {
      field.push_back(c);
      record_has_content = true;
    }
  }
  if (in_quotes) return fail(record_line, "unterminated quoted field");
  if (record_has_content || !fields.empty()) end_record();

  if (rows.empty()) return fail(1, "file is empty; expected a header row");
  doc.header_ = std::move(rows.front());
  for (auto& h : doc.header_) {
    // Tolerate spaces around header names; data fields are kept verbatim.
    const auto b = h.find_first_not_of(' ');
    const auto e = h.find_last_not_of(' ');
    h = b == std::string::npos ? std::string() : h.substr(b, e - b + 1);
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != doc.header_.size()) {
      std::ostringstream why;
      why << "expected " << doc.header_.size() << " fields as in the header, found "
          << rows[r].size();
      return fail(row_lines[r], why.str());
    }
    doc.records_.push_back({row_lines[r], std::move(rows[r])});
  }
  return doc;
}

Result<CsvDocument> CsvDocument::read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found(path.string() + ": cannot open file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse(buf.str(), path.string());
}

std::optional<std::size_t> CsvDocument::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return i;
  }
  return std::nullopt;
}

}  // namespace rollcall
