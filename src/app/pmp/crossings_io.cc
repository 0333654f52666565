#include "app/pmp/crossings_io.h"

#include "common/fd_io.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

#include "time/civil_date.h"

namespace rollcall::app {

namespace csvfmt {

std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

namespace {
constexpr char kDigitPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
}  // namespace

char* put_date(char* out, std::int32_t days) {
  // Howard Hinnant's civil_from_days.
  const std::int32_t z = days + 719468;
  const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const auto y = static_cast<unsigned>(static_cast<int>(yoe) + era * 400 + (m <= 2));
  std::memcpy(out, kDigitPairs + 2 * (y / 100), 2);
  std::memcpy(out + 2, kDigitPairs + 2 * (y % 100), 2);
  out[4] = '-';
  std::memcpy(out + 5, kDigitPairs + 2 * m, 2);
  out[7] = '-';
  std::memcpy(out + 8, kDigitPairs + 2 * d, 2);
  return out + 10;
}

std::size_t uint_length(std::uint64_t v) {
  std::size_t n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

char* put_uint(char* out, std::uint64_t v) {
  char tmp[24];
  char* p = tmp + sizeof tmp;
  while (v >= 100) {
    p -= 2;
    std::memcpy(p, kDigitPairs + 2 * (v % 100), 2);
    v /= 100;
  }
  if (v >= 10) {
    p -= 2;
    std::memcpy(p, kDigitPairs + 2 * v, 2);
  } else {
    *--p = static_cast<char>('0' + v);
  }
  const auto n = static_cast<std::size_t>(tmp + sizeof tmp - p);
  std::memcpy(out, p, n);
  return out + n;
}

}  // namespace csvfmt

namespace {

namespace cx = pmp::crossings;
using pmp::Indicator;

// Integer ids below this are numbered by value (no dictionary).
constexpr std::uint32_t kDirectLimit = 1u << 24;
constexpr std::size_t kBlockEvents = std::size_t{1} << 20;
constexpr std::size_t kReadBlock = std::size_t{8} << 20;
constexpr std::size_t kMaxLine = std::size_t{1} << 20;

enum class Role : std::uint8_t {
  kIgnore,
  kEmployee,
  kIndicator,
  kDate,
  kForceType,
  kDischarge,
  kPreventable
};
constexpr std::array<std::string_view, 7> kRoleNames{
    "",           "employee_id", "indicator", "date", "use_of_force_type", "firearm_discharge",
    "preventable"};

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::string errno_text() { return std::strerror(errno); }

// Asks for transparent huge pages on the 2 MB-aligned part of a fresh buffer:
// fewer page faults while filling it (a hint; failure is harmless).
void advise_huge_pages(void* p, std::size_t bytes) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto a = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
  const auto e = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kHuge - 1);
  if (e > a) ::madvise(reinterpret_cast<void*>(a), e - a, MADV_HUGEPAGE);
}

// Reads up to n bytes at off; returns bytes read (short only at end of file), -1 on error.
ssize_t pread_full(int fd, char* buf, std::size_t n, std::uint64_t off) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd, buf + got, n - got, static_cast<off_t>(off + got));
    if (r < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return static_cast<ssize_t>(got);
}

bool valid_utf8(std::string_view s, std::size_t* bad_at) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    std::size_t len;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      *bad_at = i;
      return false;
    }
    if (i + len > n) {
      *bad_at = i;
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) {
        *bad_at = i;
        return false;
      }
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      *bad_at = i;
      return false;
    }
    i += len;
  }
  return true;
}

struct ParseError {
  std::uint64_t offset = 0;  // of the line's first byte
  std::string field;         // empty: the line as a whole
  std::string message;
};

// Bump allocator for dictionary ids: views into it stay valid.
class Arena {
 public:
  std::string_view copy(std::string_view s) {
    if (s.size() > kPage / 4) {
      big_.push_back(std::make_unique<char[]>(s.size()));
      std::memcpy(big_.back().get(), s.data(), s.size());
      return {big_.back().get(), s.size()};
    }
    if (pages_.empty() || used_ + s.size() > kPage) {
      pages_.push_back(std::make_unique<char[]>(kPage));
      used_ = 0;
    }
    char* dst = pages_.back().get() + used_;
    std::memcpy(dst, s.data(), s.size());
    used_ += s.size();
    return {dst, s.size()};
  }

 private:
  static constexpr std::size_t kPage = 1 << 16;
  std::vector<std::unique_ptr<char[]>> pages_, big_;
  std::size_t used_ = 0;
};

struct Columns {
  std::vector<Role> roles;
  bool has_type = false, has_discharge = false, has_preventable = false;
};

// One reader thread's state and its line parser.
class ChunkParser {
 public:
  ChunkParser(const Columns& cols, std::atomic<std::size_t>& error_budget)
      : cols_(cols), error_budget_(error_budget), fields_(cols.roles.size()) {}

  std::vector<cx::EventBlock> blocks;
  std::vector<std::uint8_t> direct_seen;
  std::vector<std::string_view> dict_ids;  // local dictionary index -> id
  bool all_digits = true;
  std::size_t rows = 0, qualifying = 0;
  std::vector<ParseError> errors;
  bool stopped = false;

  void parse_line(const char* p, const char* e, std::uint64_t offset) {
    if (e > p && e[-1] == '\r') --e;  // CRLF
    if (e == p) return;               // blank line
    ++rows;
    const std::size_t ncols = fields_.size();
    std::size_t col = 0;
    unsigned acc = 0;
    const char* q = p;
    for (;;) {
      if (q < e && *q == '"') return parse_quoted_line(p, e, offset);
      const char* s = q;
      while (q < e && *q != ',') acc |= static_cast<unsigned char>(*q++);
      if (col < ncols) fields_[col] = std::string_view(s, static_cast<std::size_t>(q - s));
      ++col;
      if (q == e) break;
      ++q;
    }
    if (acc & 0x80u) {
      std::size_t bad = 0;
      if (!valid_utf8(std::string_view(p, static_cast<std::size_t>(e - p)), &bad)) {
        return error(offset, field_at(p, e, bad),
                     "not valid UTF-8 (is the file in another encoding?)");
      }
    }
    if (col != ncols) {
      if (std::memchr(p, '\r', static_cast<std::size_t>(e - p)) != nullptr) return bare_cr(offset);
      return error(offset, "",
                   "expected " + std::to_string(ncols) + " fields as in the header, found " +
                       std::to_string(col));
    }
    handle_fields(p, e, offset);
  }

  void flush() {
    if (!current_.empty()) {
      blocks.push_back(cx::EventBlock{std::move(current_), 0});
      current_ = {};
    }
  }

 private:
  void error(std::uint64_t offset, std::string field, std::string message) {
    errors.push_back(ParseError{offset, std::move(field), std::move(message)});
    if (error_budget_.fetch_sub(1) <= 1) stopped = true;
  }
  void bare_cr(std::uint64_t offset) {
    error(offset, "", "bare CR (\\r) line ending; lines must end in LF or CRLF");
  }

  std::string field_at(const char* p, const char* e, std::size_t at) const {
    std::size_t col = 0;
    for (const char* q = p; q < e && q < p + at; ++q) col += *q == ',';
    return col < cols_.roles.size() ? column_name(col) : std::string();
  }
  std::string column_name(std::size_t col) const {
    return cols_.roles[col] == Role::kIgnore
               ? "column " + std::to_string(col + 1)
               : std::string(kRoleNames[static_cast<int>(cols_.roles[col])]);
  }

  // Lines with a quoted field: RFC 4180 quoting within the line (a quoted field
  // cannot span lines here). Rare in exports of this kind; not fast.
  void parse_quoted_line(const char* p, const char* e, std::uint64_t offset) {
    quoted_storage_.clear();
    std::vector<std::string> parts;
    const char* q = p;
    for (;;) {
      std::string f;
      if (q < e && *q == '"') {
        ++q;
        for (;;) {
          if (q == e)
            return error(offset, "",
                         "unterminated quoted field (quoted line breaks are not supported)");
          if (*q == '"') {
            if (q + 1 < e && q[1] == '"') {
              f.push_back('"');
              q += 2;
              continue;
            }
            ++q;
            break;
          }
          f.push_back(*q++);
        }
        if (q < e && *q != ',') return error(offset, "", "text after a closing quote");
      } else {
        while (q < e && *q != ',') f.push_back(*q++);
      }
      parts.push_back(std::move(f));
      if (q == e) break;
      ++q;
    }
    std::size_t bad = 0;
    if (!valid_utf8(std::string_view(p, static_cast<std::size_t>(e - p)), &bad)) {
      return error(offset, field_at(p, e, bad),
                   "not valid UTF-8 (is the file in another encoding?)");
    }
    if (parts.size() != fields_.size()) {
      return error(offset, "",
                   "expected " + std::to_string(fields_.size()) +
                       " fields as in the header, found " + std::to_string(parts.size()));
    }
    quoted_storage_ = std::move(parts);
    for (std::size_t i = 0; i < fields_.size(); ++i) fields_[i] = quoted_storage_[i];
    handle_fields(p, e, offset);
  }

  void handle_fields(const char* p, const char* e, std::uint64_t offset) {
    std::string_view id;
    std::optional<Indicator> indicator;
    std::int32_t day = 0;
    auto type = cx::ForceType::kNone;
    bool discharge = false;
    auto preventable = cx::Preventable::kNone;
    const std::size_t before = errors.size();
    auto fail = [&](std::size_t col, std::string why) {
      if (std::memchr(p, '\r', static_cast<std::size_t>(e - p)) != nullptr) return bare_cr(offset);
      error(offset, column_name(col), std::move(why));
    };
    for (std::size_t col = 0; col < fields_.size() && errors.size() == before; ++col) {
      const std::string_view f = fields_[col];
      switch (cols_.roles[col]) {
        case Role::kIgnore:
          if (std::memchr(f.data(), '\r', f.size()) != nullptr) bare_cr(offset);
          break;
        case Role::kEmployee:
          if (f.empty()) {
            fail(col, "empty employee id");
          } else if (std::memchr(f.data(), '\r', f.size()) != nullptr) {
            bare_cr(offset);
          }
          id = f;
          break;
        case Role::kIndicator: {
          const char c = f.size() == 1 ? static_cast<char>(f[0] | 0x20) : '\0';
          if (c >= 'a' && c <= 'f') {
            indicator = static_cast<Indicator>(c - 'a');
          } else if (c == 'g') {
            fail(col, "G is the aggregate of A-F, not an event kind");
          } else {
            fail(col, "unknown indicator '" + std::string(f) + "' (expected A, B, C, D, E or F)");
          }
          break;
        }
        case Role::kDate:
          if (!parse_date(f, &day)) {
            auto parsed = Date::parse(f);
            fail(col, parsed ? "'" + std::string(f) + "' is outside the supported range"
                             : parsed.status().message());
          }
          break;
        case Role::kForceType:
          if (f.empty()) {
          } else if (f == "I") {
            type = cx::ForceType::kI;
          } else if (f == "II") {
            type = cx::ForceType::kII;
          } else if (f == "III") {
            type = cx::ForceType::kIII;
          } else {
            fail(col, "'" + std::string(f) + "' is not a use-of-force type (I, II or III)");
          }
          break;
        case Role::kDischarge:
          if (f.empty() || f == "false") {
          } else if (f == "true") {
            discharge = true;
          } else {
            fail(col, "'" + std::string(f) + "' is not true or false");
          }
          break;
        case Role::kPreventable:
          if (f.empty()) {
          } else if (f == "true") {
            preventable = cx::Preventable::kTrue;
          } else if (f == "false") {
            preventable = cx::Preventable::kFalse;
          } else if (f == "pending") {
            preventable = cx::Preventable::kPending;
          } else {
            fail(col, "'" + std::string(f) + "' is not true, false or pending");
          }
          break;
      }
    }
    if (errors.size() != before) return;
    if (*indicator == Indicator::kB && type == cx::ForceType::kNone && !discharge) {
      return error(offset, "use_of_force_type",
                   cols_.has_type ? "a B row needs I, II or III (or firearm_discharge true)"
                                  : "column missing; B rows need it to decide whether they count");
    }
    if (*indicator == Indicator::kC && preventable == cx::Preventable::kNone) {
      return error(offset, "preventable",
                   cols_.has_preventable
                       ? "a C row needs true, false or pending"
                       : "column missing; C rows need it to decide whether they count");
    }
    const std::uint32_t slot = slot_of(id);
    if (!cx::qualifies(*indicator, type, discharge, preventable)) return;
    ++qualifying;
    if (current_.capacity() == 0) {
      current_.reserve(kBlockEvents);
      advise_huge_pages(current_.data(), kBlockEvents * sizeof(std::uint64_t));
    }
    current_.push_back(cx::pack_event(slot, day, *indicator));
    if (current_.size() == kBlockEvents) flush();
  }

  // Strict YYYY-MM-DD, by hand (Date::parse builds strings; this runs per row).
  static bool parse_date(std::string_view f, std::int32_t* day) {
    if (f.size() != 10 || f[4] != '-' || f[7] != '-') return false;
    unsigned v[8];
    static constexpr int kPos[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int i = 0; i < 8; ++i) {
      v[i] = static_cast<unsigned>(f[static_cast<std::size_t>(kPos[i])] - '0');
      if (v[i] > 9) return false;
    }
    const int y = static_cast<int>(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3]);
    const unsigned m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
    if (m < 1 || m > 12 || d < 1) return false;
    static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > kDays[m - 1] + (m == 2 && leap ? 1u : 0u)) return false;
    *day = csvfmt::days_from_civil(y, m, d);
    return true;
  }

  std::uint32_t slot_of(std::string_view id) {
    std::uint64_t v = 0;
    bool digits = true;
    for (const char c : id) {
      const auto dgt = static_cast<unsigned>(c - '0');
      if (dgt > 9) {
        digits = false;
        break;
      }
      v = v * 10 + dgt;
      if (v >= kDirectLimit) break;
    }
    if (digits && v < kDirectLimit && (id.size() == 1 || id[0] != '0')) {
      const auto slot = static_cast<std::uint32_t>(v);
      if (slot >= direct_seen.size()) {
        direct_seen.resize(std::min<std::size_t>(
            kDirectLimit, std::max<std::size_t>(slot + 1, direct_seen.size() * 2)));
      }
      direct_seen[slot] = 1;
      return slot;
    }
    if (!digits) {
      for (const char c : id) {
        if (c < '0' || c > '9') {
          all_digits = false;
          break;
        }
      }
    } else if (all_digits) {
      for (const char c : id) {
        if (c < '0' || c > '9') all_digits = false;
      }
    }
    auto it = dict_.find(id);
    if (it != dict_.end()) return kDirectLimit + it->second;
    const std::string_view kept = arena_.copy(id);
    const auto index = static_cast<std::uint32_t>(dict_ids.size());
    dict_ids.push_back(kept);
    dict_.emplace(kept, index);
    return kDirectLimit + index;
  }

  const Columns& cols_;
  std::atomic<std::size_t>& error_budget_;
  std::vector<std::string_view> fields_;
  std::vector<std::string> quoted_storage_;
  std::vector<std::uint64_t> current_;
  std::unordered_map<std::string_view, std::uint32_t> dict_;
  Arena arena_;
};

Result<Columns> parse_header(std::string_view line, const std::string& source) {
  if (line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.find('\r') != std::string_view::npos) {
    return invalid_argument(source + ":1: bare CR (\\r) line ending; lines must end in LF or CRLF");
  }
  std::size_t bad = 0;
  if (!valid_utf8(line, &bad)) {
    return invalid_argument(source + ":1: not valid UTF-8 (is the file in another encoding?)");
  }
  Columns cols;
  std::vector<bool> seen(kRoleNames.size(), false);
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    std::string_view name =
        line.substr(start, comma == std::string_view::npos ? line.npos : comma - start);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    Role role = Role::kIgnore;
    for (std::size_t r = 1; r < kRoleNames.size(); ++r) {
      if (name == kRoleNames[r]) role = static_cast<Role>(r);
    }
    if (role != Role::kIgnore) {
      if (seen[static_cast<std::size_t>(role)]) {
        return invalid_argument(source + ":1:" + std::string(name) + ": column named twice");
      }
      seen[static_cast<std::size_t>(role)] = true;
    }
    cols.roles.push_back(role);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::string missing;
  for (Role r : {Role::kEmployee, Role::kIndicator, Role::kDate}) {
    if (!seen[static_cast<std::size_t>(r)]) {
      missing += (missing.empty() ? "" : ", ") + std::string(kRoleNames[static_cast<int>(r)]);
    }
  }
  if (!missing.empty()) {
    return invalid_argument(source + ":1: missing column(s) " + missing +
                            " (the header needs employee_id,indicator,date)");
  }
  cols.has_type = seen[static_cast<std::size_t>(Role::kForceType)];
  cols.has_discharge = seen[static_cast<std::size_t>(Role::kDischarge)];
  cols.has_preventable = seen[static_cast<std::size_t>(Role::kPreventable)];
  return cols;
}

// Parses whole lines starting in [begin, end).
void parse_range(int fd, std::uint64_t begin, std::uint64_t end, ChunkParser& parser) {
  std::vector<char> buf(kReadBlock + kMaxLine);
  std::size_t len = 0;            // bytes in buf
  std::uint64_t buf_off = begin;  // file offset of buf[0]
  std::uint64_t next_read = begin;
  bool eof = false;
  while (!parser.stopped) {
    if (!eof) {
      const std::size_t want =
          std::min<std::uint64_t>(buf.size() - len, end - next_read + kMaxLine);
      const ssize_t r = pread_full(fd, buf.data() + len, want, next_read);
      if (r < 0) {
        parser.errors.push_back(ParseError{buf_off, "", "read failed: " + errno_text()});
        return;
      }
      if (static_cast<std::size_t>(r) < want) eof = true;
      len += static_cast<std::size_t>(r);
      next_read += static_cast<std::uint64_t>(r);
    }
    const char* p = buf.data();
    const char* const stop = buf.data() + len;
    bool done = false;
    while (p < stop && !parser.stopped) {
      const std::uint64_t off = buf_off + static_cast<std::uint64_t>(p - buf.data());
      if (off >= end) {
        done = true;
        break;
      }
      const auto* nl =
          static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(stop - p)));
      if (nl == nullptr) {
        if (eof) {
          parser.parse_line(p, stop, off);
          p = stop;
        }
        break;
      }
      parser.parse_line(p, nl, off);
      p = nl + 1;
    }
    if (done || (eof && p == stop)) break;
    const auto consumed = static_cast<std::size_t>(p - buf.data());
    if (consumed == 0 && len == buf.size()) {
      parser.errors.push_back(ParseError{buf_off, "", "line longer than 1 MiB"});
      return;
    }
    std::memmove(buf.data(), p, len - consumed);
    len -= consumed;
    buf_off += consumed;
    if (eof && len == 0) break;
  }
  parser.flush();
}

// First line start at or after `at` (> data start), or `size`.
Result<std::uint64_t> align_to_line(int fd, std::uint64_t at, std::uint64_t size) {
  std::vector<char> buf(1 << 16);
  std::uint64_t pos = at - 1;  // a line starts at `at` if the byte before is '\n'
  while (pos < size) {
    const ssize_t r = pread_full(fd, buf.data(), buf.size(), pos);
    if (r <= 0) return internal_error("read failed: " + errno_text());
    const auto* nl =
        static_cast<const char*>(std::memchr(buf.data(), '\n', static_cast<std::size_t>(r)));
    if (nl != nullptr) return pos + static_cast<std::uint64_t>(nl - buf.data()) + 1;
    pos += static_cast<std::uint64_t>(r);
  }
  return size;
}

// 1-based line numbers of sorted offsets.
std::vector<std::size_t> line_numbers(int fd, const std::vector<std::uint64_t>& offsets) {
  std::vector<std::size_t> lines;
  std::vector<char> buf(1 << 20);
  std::uint64_t pos = 0;
  std::size_t line = 1;
  for (const std::uint64_t target : offsets) {
    while (pos < target) {
      const std::size_t want =
          static_cast<std::size_t>(std::min<std::uint64_t>(buf.size(), target - pos));
      const ssize_t r = pread_full(fd, buf.data(), want, pos);
      if (r <= 0) break;
      line += static_cast<std::size_t>(std::count(buf.data(), buf.data() + r, '\n'));
      pos += static_cast<std::uint64_t>(r);
    }
    lines.push_back(line);
  }
  return lines;
}

// Orders ids: numerically (then by text) when all are digit strings, else bytewise.
bool numeric_less(std::string_view a, std::string_view b) {
  auto strip = [](std::string_view s) {
    const std::size_t k = s.find_first_not_of('0');
    return k == std::string_view::npos ? std::string_view() : s.substr(k);
  };
  const std::string_view x = strip(a), y = strip(b);
  if (x.size() != y.size()) return x.size() < y.size();
  if (x != y) return x < y;
  return a < b;
}

}  // namespace

Result<CrossingEvents> read_crossings_csv(const std::filesystem::path& path,
                                          const CrossingsReadOptions& options) {
  const std::string source = path.string();
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return not_found(source + ": cannot open: " + errno_text());
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return invalid_argument(source + ": not a regular file");
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);

  // Header.
  std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(size, kMaxLine)), '\0');
  if (pread_full(fd.get(), head.data(), head.size(), 0) < 0) {
    return internal_error(source + ": read failed: " + errno_text());
  }
  if (head.empty()) return invalid_argument(source + ":1: empty file (a header row is needed)");
  const std::size_t nl = head.find('\n');
  if (nl == std::string::npos && head.size() == kMaxLine) {
    return invalid_argument(source + ":1: header line longer than 1 MiB");
  }
  RC_ASSIGN_OR_RETURN(const Columns cols,
                      parse_header(std::string_view(head).substr(0, nl), source));
  const std::uint64_t data_start = nl == std::string::npos ? size : nl + 1;

  // Newline-aligned ranges, one per thread (small files: one thread).
  const unsigned threads =
      std::max(1u, static_cast<unsigned>(std::min<std::uint64_t>(
                       options.threads, std::max<std::uint64_t>(1, (size - data_start) >> 20))));
  std::vector<std::uint64_t> cuts{data_start};
  for (unsigned t = 1; t < threads; ++t) {
    const std::uint64_t at = data_start + (size - data_start) * t / threads;
    RC_ASSIGN_OR_RETURN(const std::uint64_t aligned, align_to_line(fd.get(), at, size));
    cuts.push_back(std::max(cuts.back(), aligned));
  }
  cuts.push_back(size);

  std::atomic<std::size_t> error_budget{std::max<std::size_t>(1, options.max_errors)};
  std::vector<std::unique_ptr<ChunkParser>> parsers;
  for (unsigned t = 0; t < threads; ++t)
    parsers.push_back(std::make_unique<ChunkParser>(cols, error_budget));
  {
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) {
      workers.emplace_back([&, t] { parse_range(fd.get(), cuts[t], cuts[t + 1], *parsers[t]); });
    }
    parse_range(fd.get(), cuts[0], cuts[1], *parsers[0]);
    for (auto& w : workers) w.join();
  }

  // Errors, in file order, with line numbers.
  std::vector<ParseError> errors;
  for (auto& p : parsers) {
    for (auto& e : p->errors) errors.push_back(std::move(e));
  }
  if (!errors.empty()) {
    std::stable_sort(errors.begin(), errors.end(),
                     [](const ParseError& a, const ParseError& b) { return a.offset < b.offset; });
    const bool more = errors.size() >= options.max_errors;
    if (errors.size() > options.max_errors) errors.resize(options.max_errors);
    std::vector<std::uint64_t> offsets;
    for (const auto& e : errors) offsets.push_back(e.offset);
    const auto lines = line_numbers(fd.get(), offsets);
    std::string message;
    for (std::size_t i = 0; i < errors.size(); ++i) {
      if (i > 0) message += "\n";
      message += source + ":" + std::to_string(lines[i]) + ":" +
                 (errors[i].field.empty() ? "" : errors[i].field + ":") + " " + errors[i].message;
    }
    if (more) message += "\n(stopped after " + std::to_string(options.max_errors) + " errors)";
    return invalid_argument(message);
  }

  // Number the employees in output order.
  CrossingEvents out;
  std::size_t direct_size = 0;
  bool all_digits = true, any_dict = false;
  for (auto& p : parsers) {
    direct_size = std::max(direct_size, p->direct_seen.size());
    all_digits = all_digits && p->all_digits;
    any_dict = any_dict || !p->dict_ids.empty();
    out.rows += p->rows;
    out.qualifying += p->qualifying;
  }
  std::vector<std::uint8_t> present(direct_size, 0);
  for (auto& p : parsers) {
    for (std::size_t i = 0; i < p->direct_seen.size(); ++i) present[i] |= p->direct_seen[i];
  }
  out.slot_storage.resize(1 + threads);
  auto& low = out.slot_storage[0];
  low.assign(direct_size, 0);
  std::uint32_t employees = 0;
  if (!any_dict) {
    char buf[24];
    for (std::size_t v = 0; v < direct_size; ++v) {
      if (!present[v]) continue;
      low[v] = employees++;
      out.ids.add(std::string_view(buf, static_cast<std::size_t>(csvfmt::put_uint(buf, v) - buf)));
    }
  } else {
    struct Entry {
      std::string_view text;
      std::uint32_t owner;  // 0: direct id; t + 1: parser t's dictionary
      std::uint32_t index;
    };
    std::vector<std::string> direct_text;
    std::vector<Entry> entries;
    for (std::size_t v = 0; v < direct_size; ++v) {
      if (present[v]) direct_text.push_back(std::to_string(v));
    }
    std::size_t k = 0;
    for (std::size_t v = 0; v < direct_size; ++v) {
      if (present[v]) entries.push_back(Entry{direct_text[k++], 0, static_cast<std::uint32_t>(v)});
    }
    for (unsigned t = 0; t < threads; ++t) {
      const auto& ids = parsers[t]->dict_ids;
      for (std::uint32_t i = 0; i < ids.size(); ++i) entries.push_back(Entry{ids[i], t + 1, i});
    }
    std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
      return all_digits ? numeric_less(a.text, b.text) : a.text < b.text;
    });
    for (unsigned t = 0; t < threads; ++t)
      out.slot_storage[t + 1].assign(parsers[t]->dict_ids.size(), 0);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i == 0 || entries[i].text != entries[i - 1].text) {
        out.ids.add(entries[i].text);
        ++employees;
      }
      const Entry& en = entries[i];
      (en.owner == 0 ? low : out.slot_storage[en.owner])[en.index] = employees - 1;
    }
  }
  out.input.employee_count = employees;
  for (unsigned t = 0; t < threads; ++t) {
    out.input.slot_maps.push_back(cx::SlotMap{low, kDirectLimit, out.slot_storage[t + 1]});
    for (auto& b : parsers[t]->blocks) {
      b.slot_map = t;
      out.input.blocks.push_back(std::move(b));
    }
  }
  return out;
}

namespace {

std::size_t line_length(const cx::Crossing& c, const EmployeeIds& ids) {
  return ids[c.employee].size() + 1 + 1 + 1 + 10 + 1 + csvfmt::uint_length(c.count) + 1;
}

char* put_line(char* o, const cx::Crossing& c, const EmployeeIds& ids) {
  const std::string_view id = ids[c.employee];
  std::memcpy(o, id.data(), id.size());
  o += id.size();
  *o++ = ',';
  *o++ = static_cast<char>('A' + static_cast<int>(c.indicator));
  *o++ = ',';
  o = csvfmt::put_date(o, c.day);
  *o++ = ',';
  o = csvfmt::put_uint(o, c.count);
  *o++ = '\n';
  return o;
}

constexpr std::string_view kHeader = "employee_id,indicator,date,count\n";

}  // namespace

Status write_crossings_csv(const cx::CrossingResult& crossings, const EmployeeIds& ids,
                           const std::string& output, unsigned threads) {
  constexpr std::size_t kOutBuf = std::size_t{4} << 20;
  constexpr std::size_t kMaxLineOut = 1 << 16;
  if (output.empty() || output == "-") {
    std::vector<char> buf(kOutBuf + kMaxLineOut);
    char* o = buf.data();
    std::memcpy(o, kHeader.data(), kHeader.size());
    o += kHeader.size();
    for (const auto& part : crossings.parts) {
      for (const auto& c : part) {
        if (ids[c.employee].size() + 64 > kMaxLineOut)
          return internal_error("employee id too long");
        o = put_line(o, c, ids);
        if (static_cast<std::size_t>(o - buf.data()) >= kOutBuf) {
          if (!write_all(1, buf.data(), static_cast<std::size_t>(o - buf.data())))
            return internal_error("writing stdout: " + errno_text());
          o = buf.data();
        }
      }
    }
    if (!write_all(1, buf.data(), static_cast<std::size_t>(o - buf.data())))
      return internal_error("writing stdout: " + errno_text());
    return Status::ok();
  }

  // A temporary file beside the destination, renamed into place when complete.
  std::string tmp = output + ".partial-XXXXXX";
  Fd fd(::mkstemp(tmp.data()));
  if (fd.get() < 0) return internal_error(output + ": cannot create: " + errno_text());
  ::fchmod(fd.get(), 0644);
  auto fail = [&](const std::string& why) {
    ::unlink(tmp.c_str());
    return internal_error(output + ": " + why);
  };
  // Each part's byte size decides where its writer starts (parallel pwrite).
  const std::size_t nparts = crossings.parts.size();
  std::vector<std::uint64_t> starts(nparts + 1, kHeader.size());
  for (std::size_t i = 0; i < nparts; ++i) {
    std::uint64_t bytes = 0;
    for (const auto& c : crossings.parts[i]) bytes += line_length(c, ids);
    starts[i + 1] = starts[i] + bytes;
  }
  if (!pwrite_all(fd.get(), kHeader.data(), kHeader.size(), 0)) return fail(errno_text());
  std::atomic<bool> ok{true};
  auto write_part = [&](std::size_t i) {
    std::vector<char> buf(kOutBuf + kMaxLineOut);
    char* o = buf.data();
    std::uint64_t off = starts[i];
    for (const auto& c : crossings.parts[i]) {
      o = put_line(o, c, ids);
      if (static_cast<std::size_t>(o - buf.data()) >= kOutBuf) {
        const auto n = static_cast<std::size_t>(o - buf.data());
        if (!pwrite_all(fd.get(), buf.data(), n, off)) ok = false;
        off += n;
        o = buf.data();
      }
    }
    const auto n = static_cast<std::size_t>(o - buf.data());
    if (!pwrite_all(fd.get(), buf.data(), n, off)) ok = false;
  };
  {
    threads = std::max(1u, threads);
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (std::size_t i = t; i < nparts; i += threads) write_part(i);
      });
    }
    for (std::size_t i = 0; i < nparts; i += threads) write_part(i);
    for (auto& w : workers) w.join();
  }
  if (!ok) return fail(errno_text());
  if (::close(fd.release()) != 0) return fail(errno_text());
  if (::rename(tmp.c_str(), output.c_str()) != 0) return fail(errno_text());
  return Status::ok();
}

}  // namespace rollcall::app
