#include "app/pmp/threshold_toml.h"

#include "common/escape.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace rollcall::app {
namespace {

constexpr int kMaxMonths = 120;

class Problems {
 public:
  explicit Problems(std::string source) : source_(std::move(source)) {}
  void add(const toml::source_region& where, const std::string& key, const std::string& why) {
    std::string line = source_;
    if (where.begin.line > 0) {
      line += ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column);
    }
    line += ": " + (key.empty() ? "" : key + ": ") + why;
    lines_.push_back(std::move(line));
  }
  bool empty() const { return lines_.empty(); }
  Status status() const {
    std::string m;
    for (const auto& l : lines_) m += (m.empty() ? "" : "\n") + l;
    return invalid_argument(m);
  }
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::vector<std::string> lines_;
};

std::string join(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

std::optional<Date> read_date(const toml::node& node, const std::string& key, Problems& p) {
  const auto* v = node.as_date();
  if (v == nullptr) {
    p.add(node.source(), key, "expected a TOML date such as 2026-01-01 (no quotes)");
    return std::nullopt;
  }
  const toml::date d = v->get();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", static_cast<unsigned>(d.year),
                static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  auto parsed = Date::parse(buf);
  if (!parsed) {
    p.add(node.source(), key, parsed.status().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<std::string> read_string(const toml::node& node, const std::string& key,
                                       Problems& p) {
  const auto* v = node.as_string();
  if (v == nullptr) {
    p.add(node.source(), key, "expected a string");
    return std::nullopt;
  }
  return v->get();
}

std::optional<int> read_int(const toml::node& node, const std::string& key, int min, int max,
                            Problems& p) {
  const auto* v = node.as_integer();
  if (v == nullptr) {
    p.add(node.source(), key, "expected an integer");
    return std::nullopt;
  }
  const std::int64_t x = v->get();
  if (x < min || x > max) {
    p.add(node.source(), key,
          "must be " +
              (max == std::numeric_limits<int>::max()
                   ? "at least " + std::to_string(min)
                   : "from " + std::to_string(min) + " to " + std::to_string(max)) +
              ", not " + std::to_string(x));
    return std::nullopt;
  }
  return static_cast<int>(x);
}

// One indicator table: { A = {count, months}, ... } under `prefix`.
pmp::ThresholdTable read_table(const toml::table& table, const std::string& prefix, Problems& p) {
  pmp::ThresholdTable out;
  for (auto&& [k, node] : table) {
    const std::string key = join(prefix, k.str());
    const auto indicator = k.str().size() == 1 && k.str()[0] >= 'A' && k.str()[0] <= 'G'
                               ? pmp::parse_indicator(k.str())
                               : std::nullopt;
    if (!indicator) {
      p.add(k.source(), key, "unknown indicator (expected A, B, C, D, E, F or G)");
      continue;
    }
    const auto* rule_table = node.as_table();
    if (rule_table == nullptr) {
      p.add(node.source(), key, "expected a table with count and months");
      continue;
    }
    std::optional<int> count, months;
    for (auto&& [rk, rv] : *rule_table) {
      const std::string rkey = join(key, rk.str());
      if (rk.str() == "count") {
        count = read_int(rv, rkey, 1, std::numeric_limits<int>::max(), p);
      } else if (rk.str() == "months") {
        months = read_int(rv, rkey, 1, kMaxMonths, p);
      } else {
        p.add(rk.source(), rkey, "unknown key (expected count and months)");
      }
    }
    if (!rule_table->contains("count")) p.add(node.source(), key, "count is required");
    if (!rule_table->contains("months")) p.add(node.source(), key, "months is required");
    if (count && months) out[*indicator] = pmp::ThresholdRule{*count, *months};
  }
  return out;
}

std::optional<toml::table> parse_document(std::string_view text, Problems& p) {
  try {
    return toml::parse(text, p.source());
  } catch (const toml::parse_error& e) {
    p.add(e.source(), "", "TOML syntax: " + std::string(e.description()));
    return std::nullopt;
  }
}

void parse_set_into(const toml::table& doc, pmp::ThresholdSet& set, Problems& p) {
  bool have_name = false, have_effective = false, have_initial = false;
  for (auto&& [k, node] : doc) {
    const std::string key(k.str());
    if (key == "name") {
      if (auto s = read_string(node, key, p)) {
        if (s->empty()) p.add(node.source(), key, "must not be empty");
        set.name = *s;
        have_name = true;
      }
    } else if (key == "effective_from") {
      if (auto d = read_date(node, key, p)) set.effective_from = *d;
      have_effective = true;
    } else if (key == "starting_point") {
      if (const auto* b = node.as_boolean()) {
        set.starting_point = b->get();
      } else {
        p.add(node.source(), key, "expected true or false");
      }
    } else if (key == "recent_review_months") {
      if (auto m = read_int(node, key, 1, kMaxMonths, p)) set.recent_review_months = *m;
    } else if (key == "approval") {
      const auto* t = node.as_table();
      if (t == nullptr) {
        p.add(node.source(), key, "expected a table");
        continue;
      }
      for (auto&& [ak, av] : *t) {
        const std::string akey = join(key, ak.str());
        if (ak.str() == "committee_recommendation") {
          if (auto s = read_string(av, akey, p)) set.committee_recommendation = *s;
        } else if (ak.str() == "committee_recommended_on") {
          set.committee_recommended_on = read_date(av, akey, p);
        } else if (ak.str() == "chief_approved_by") {
          if (auto s = read_string(av, akey, p)) set.chief_approved_by = *s;
        } else if (ak.str() == "chief_approved_on") {
          set.chief_approved_on = read_date(av, akey, p);
        } else {
          p.add(ak.source(), akey,
                "unknown key (expected committee_recommendation, committee_recommended_on, "
                "chief_approved_by, chief_approved_on)");
        }
      }
    } else if (key == "initial" || key == "recent_review") {
      const auto* t = node.as_table();
      if (t == nullptr) {
        p.add(node.source(), key, "expected a table of indicators");
        continue;
      }
      auto table = read_table(*t, key, p);
      if (key == "initial") {
        set.initial = std::move(table);
        have_initial = true;
      } else {
        set.recent_review = std::move(table);
      }
    } else {
      p.add(k.source(), key,
            "unknown key (expected name, effective_from, starting_point, recent_review_months, "
            "approval, initial, recent_review)");
    }
  }
  const toml::source_region top{};
  if (!have_name) p.add(top, "name", "is required");
  if (!have_effective) p.add(top, "effective_from", "is required");
  if (!have_initial) p.add(top, "initial", "is required (the table of 3.070 §1 used first)");
}

Result<std::string> slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found(path.string() + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// TOML basic string with the escapes the format requires.
std::string quote(std::string_view s) { return "\"" + escape_quoted(s) + "\""; }

void write_table(std::string& out, std::string_view name, const pmp::ThresholdTable& table) {
  for (const auto& [indicator, rule] : table) {
    out += "\n[" + std::string(name) + "." + std::string(pmp::to_string(indicator)) + "]  # " +
           std::string(pmp::describe(indicator)) + "\n";
    out += "count = " + std::to_string(rule.count) + "\n";
    out += "months = " + std::to_string(rule.months) + "\n";
  }
}

}  // namespace

Result<pmp::ThresholdSet> parse_threshold_toml(std::string_view text, std::string source) {
  Problems p(std::move(source));
  auto doc = parse_document(text, p);
  if (!doc) return p.status();
  pmp::ThresholdSet set;
  parse_set_into(*doc, set, p);
  if (!p.empty()) return p.status();
  return set;
}

Result<pmp::ThresholdSet> read_threshold_file(const std::filesystem::path& path) {
  RC_ASSIGN_OR_RETURN(const std::string text, slurp(path));
  return parse_threshold_toml(text, path.string());
}

Result<pmp::ThresholdTable> parse_initial_table_toml(std::string_view text, std::string source) {
  Problems p(std::move(source));
  auto doc = parse_document(text, p);
  if (!doc) return p.status();
  bool only_indicators = !doc->empty();
  for (auto&& [k, node] : *doc) {
    if (!(k.str().size() == 1 && pmp::parse_indicator(k.str()))) only_indicators = false;
  }
  if (only_indicators) {
    auto table = read_table(*doc, "", p);
    if (!p.empty()) return p.status();
    return table;
  }
  pmp::ThresholdSet set;
  parse_set_into(*doc, set, p);
  if (!p.empty()) return p.status();
  return set.initial;
}

Result<pmp::ThresholdTable> read_initial_table_file(const std::filesystem::path& path) {
  RC_ASSIGN_OR_RETURN(const std::string text, slurp(path));
  return parse_initial_table_toml(text, path.string());
}

std::string to_toml(const pmp::ThresholdSet& set) {
  // Written by hand rather than with toml++'s formatter to keep a stable,
  // commented layout (keys in the documented order, tables A..G).
  std::string out = "# rollcall threshold set (3.070 §1); format in src/app/pmp/threshold_toml.h\n";
  out += "name = " + quote(set.name) + "\n";
  out += "effective_from = " + set.effective_from.to_string() + "\n";
  out += "starting_point = " + std::string(set.starting_point ? "true" : "false") + "\n";
  out += "recent_review_months = " + std::to_string(set.recent_review_months) + "\n";
  out += "\n[approval]\n";
  out += "committee_recommendation = " + quote(set.committee_recommendation) + "\n";
  if (set.committee_recommended_on) {
    out += "committee_recommended_on = " + set.committee_recommended_on->to_string() + "\n";
  }
  out += "chief_approved_by = " + quote(set.chief_approved_by) + "\n";
  if (set.chief_approved_on) {
    out += "chief_approved_on = " + set.chief_approved_on->to_string() + "\n";
  }
  out += "\n# Thresholds when no PMR was initiated within recent_review_months.\n[initial]\n";
  write_table(out, "initial", set.initial);
  out += "\n# Thresholds after a PMR initiated within recent_review_months.\n[recent_review]\n";
  write_table(out, "recent_review", set.recent_review);
  return out;
}

}  // namespace rollcall::app
