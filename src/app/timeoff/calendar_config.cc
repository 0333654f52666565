// parse_calendar_config(): config/timeoff/calendar.toml -> CalendarConfig.
#include <toml++/toml.h>

#include <cstdio>
#include <set>

#include "app/timeoff/timeoff_context.h"

namespace rollcall::app::timeoff {
namespace {

class Problems {
 public:
  explicit Problems(std::string_view source) : source_(source) {}
  void add(const toml::source_region& where, const std::string& key, const std::string& why) {
    std::string line = source_;
    if (where.begin.line > 0) {
      line += ":" + std::to_string(where.begin.line) + ":" + std::to_string(where.begin.column);
    }
    lines_.push_back(line + ": " + (key.empty() ? "" : key + ": ") + why);
  }
  bool empty() const { return lines_.empty(); }
  Status status() const {
    std::string m;
    for (const auto& l : lines_) m += (m.empty() ? "" : "\n") + l;
    return invalid_argument(m);
  }

 private:
  std::string source_;
  std::vector<std::string> lines_;
};

void check_keys(const toml::table& t, const std::string& prefix,
                std::initializer_list<std::string_view> allowed, Problems& p) {
  for (const auto& [k, v] : t) {
    bool ok = false;
    for (auto a : allowed) ok = ok || a == k.str();
    if (!ok) p.add(v.source(), prefix + std::string(k.str()), "unknown key");
  }
}

std::optional<Date> read_date(const toml::node& n, const std::string& key, Problems& p) {
  const auto* v = n.as_date();
  if (v == nullptr) {
    p.add(n.source(), key, "expected a TOML date such as 2026-01-01 (no quotes)");
    return std::nullopt;
  }
  const toml::date d = v->get();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", static_cast<unsigned>(d.year),
                static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  auto parsed = Date::parse(buf);
  if (!parsed) {
    p.add(n.source(), key, parsed.status().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<int> read_int(const toml::node& n, const std::string& key, int lo, int hi,
                            Problems& p) {
  const auto* v = n.as_integer();
  if (v == nullptr || v->get() < lo || v->get() > hi) {
    p.add(n.source(), key,
          "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return std::nullopt;
  }
  return static_cast<int>(v->get());
}

std::optional<std::string> read_string(const toml::node& n, const std::string& key, Problems& p) {
  const auto* v = n.as_string();
  if (v == nullptr) {
    p.add(n.source(), key, "expected a string");
    return std::nullopt;
  }
  return v->get();
}

std::optional<std::chrono::weekday> parse_weekday(std::string_view s) {
  static constexpr std::string_view kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
  for (unsigned i = 0; i < 7; ++i) {
    if (kNames[i] == s) return std::chrono::weekday(i);
  }
  return std::nullopt;
}

void read_kinds(const toml::node& n, const std::string& key, std::vector<to::ScheduleKind>& out,
                Problems& p) {
  const auto* arr = n.as_array();
  if (arr == nullptr) return p.add(n.source(), key, "expected an array of schedule kinds");
  out.clear();
  for (const auto& item : *arr) {
    auto s = read_string(item, key, p);
    if (!s) continue;
    auto k = to::parse_schedule_kind(*s);
    if (!k) {
      p.add(item.source(), key, "unknown schedule kind \"" + *s + "\" (4-2|5-8|9-80|4-10|24-hour)");
      continue;
    }
    out.push_back(*k);
  }
}

void read_flsa(const toml::node& n, const std::string& key, FlsaWorkPeriodConfig& out,
               Problems& p) {
  const auto* t = n.as_table();
  if (t == nullptr) return p.add(n.source(), key, "expected a table");
  check_keys(*t, key + ".", {"anchor", "length_days"}, p);
  if (auto v = t->get("anchor")) {
    if (auto d = read_date(*v, key + ".anchor", p)) out.anchor = *d;
  }
  if (auto v = t->get("length_days")) {
    if (auto d =
            read_int(*v, key + ".length_days", kFlsaMinWorkPeriodDays, kFlsaMaxWorkPeriodDays, p)) {
      out.length_days = *d;
    }
  }
}

// A non-empty array of non-empty strings into `out` (replacing it).
void read_strings(const toml::node& n, const std::string& key, std::vector<std::string>& out,
                  Problems& p) {
  const auto* arr = n.as_array();
  if (arr == nullptr || arr->empty()) {
    p.add(n.source(), key, "expected a non-empty array of strings");
    return;
  }
  std::vector<std::string> read;
  for (const auto& item : *arr) {
    auto s = read_string(item, key, p);
    if (s && !s->empty()) read.push_back(*s);
    if (s && s->empty()) p.add(item.source(), key, "an empty string");
  }
  out = std::move(read);
}

void read_records(const toml::table& t, TimeRecordRules& r, Problems& p) {
  check_keys(t, "records.",
             {"correction_window_days", "release_supervisor_limit_hours", "release_fml_after_days",
              "immediate_family", "guild_bargaining_unit", "guild_eligible_ranks"},
             p);
  if (auto v = t.get("correction_window_days")) {
    if (auto d = read_int(*v, "records.correction_window_days", 1, 366, p)) {
      r.correction_window.days = *d;
    }
  }
  if (auto v = t.get("release_supervisor_limit_hours")) {
    if (auto d = read_int(*v, "records.release_supervisor_limit_hours", 1, 240, p)) {
      r.release.supervisor_limit_minutes = std::int64_t{*d} * 60;
    }
  }
  if (auto v = t.get("release_fml_after_days")) {
    if (auto d = read_int(*v, "records.release_fml_after_days", 1, 60, p)) {
      r.release.fml_copy_after_days = *d;
    }
  }
  if (auto v = t.get("immediate_family")) {
    read_strings(*v, "records.immediate_family", r.release.immediate_family, p);
  }
  if (auto v = t.get("guild_bargaining_unit")) {
    if (auto s = read_string(*v, "records.guild_bargaining_unit", p)) r.guild.bargaining_unit = *s;
  }
  if (auto v = t.get("guild_eligible_ranks")) {
    read_strings(*v, "records.guild_eligible_ranks", r.guild.eligible_ranks, p);
  }
}

}  // namespace

Result<CalendarConfig> parse_calendar_config(std::string_view text, std::string_view source) {
  Problems p(source);
  toml::table doc;
  try {
    doc = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    p.add(e.source(), "", std::string(e.description()));
    return p.status();
  }
  CalendarConfig c;
  check_keys(doc, "",
             {"zone", "pay_periods", "timesheet_deadline", "flsa", "schedules", "furlough",
              "staffing", "holidays", "records"},
             p);
  if (auto v = doc.get("zone")) {
    if (auto s = read_string(*v, "zone", p)) c.zone = *s;
  }
  if (auto* t = doc["pay_periods"].as_table()) {
    check_keys(*t, "pay_periods.", {"anchor", "length_days"}, p);
    if (auto v = t->get("anchor")) {
      if (auto d = read_date(*v, "pay_periods.anchor", p)) c.pay_periods.anchor = *d;
    }
    if (auto v = t->get("length_days")) {
      if (auto d = read_int(*v, "pay_periods.length_days", 7, 31, p))
        c.pay_periods.length_days = *d;
    }
  }
  if (auto* t = doc["timesheet_deadline"].as_table()) {
    check_keys(*t, "timesheet_deadline.", {"weekday", "local_time"}, p);
    if (auto v = t->get("weekday")) {
      if (auto s = read_string(*v, "timesheet_deadline.weekday", p)) {
        if (auto w = parse_weekday(*s)) {
          c.timesheet_deadline.weekday = *w;
        } else {
          p.add(v->source(), "timesheet_deadline.weekday", "expected Monday … Sunday");
        }
      }
    }
    if (auto v = t->get("local_time")) {
      if (auto s = read_string(*v, "timesheet_deadline.local_time", p)) {
        unsigned h = 0, m = 0;
        char tail = 0;
        if (s->size() == 5 && std::sscanf(s->c_str(), "%2u:%2u%c", &h, &m, &tail) == 2 && h < 24 &&
            m < 60) {
          c.timesheet_deadline.local_time = std::chrono::hours(h) + std::chrono::minutes(m);
        } else {
          p.add(v->source(), "timesheet_deadline.local_time", "expected HH:MM (24-hour clock)");
        }
      }
    }
  }
  if (auto* t = doc["flsa"].as_table()) {
    check_keys(*t, "flsa.", {"sworn", "civilian"}, p);
    if (auto v = t->get("sworn")) read_flsa(*v, "flsa.sworn", c.flsa_sworn, p);
    if (auto v = t->get("civilian")) read_flsa(*v, "flsa.civilian", c.flsa_civilian, p);
  }
  if (auto* t = doc["schedules"].as_table()) {
    for (const auto& [k, v] : *t) {
      const std::string key = "schedules." + std::string(k.str());
      auto kind = to::parse_schedule_kind(k.str());
      const auto* st = v.as_table();
      if (!kind || st == nullptr) {
        p.add(v.source(), key,
              "expected a table named after a schedule kind (4-2|5-8|9-80|4-10|24-hour)");
        continue;
      }
      check_keys(*st, key + ".", {"anchor", "platoons", "platoon_offset_days"}, p);
      ScheduleAnchorRule r;
      if (auto a = st->get("anchor")) {
        if (auto d = read_date(*a, key + ".anchor", p)) r.anchor = *d;
      } else {
        p.add(v.source(), key + ".anchor", "required");
      }
      if (auto a = st->get("platoons")) {
        if (auto d = read_int(*a, key + ".platoons", 1, 28, p)) r.platoons = *d;
      }
      if (auto a = st->get("platoon_offset_days")) {
        if (auto d = read_int(*a, key + ".platoon_offset_days", 0, 28, p)) {
          r.platoon_offset_days = *d;
        }
      }
      c.schedules[*kind] = r;
    }
  }
  if (auto* t = doc["furlough"].as_table()) {
    check_keys(*t, "furlough.", {"grant_dates"}, p);
    if (auto* arr = (*t)["grant_dates"].as_array()) {
      c.furlough_grant_month_days.clear();
      for (const auto& item : *arr) {
        auto s = read_string(item, "furlough.grant_dates", p);
        if (!s) continue;
        unsigned m = 0, d = 0;
        char tail = 0;
        if (s->size() == 5 && std::sscanf(s->c_str(), "%2u-%2u%c", &m, &d, &tail) == 2 && m >= 1 &&
            m <= 12 && d >= 1 && d <= 28) {
          c.furlough_grant_month_days.emplace_back(m, d);
        } else {
          p.add(item.source(), "furlough.grant_dates",
                "expected \"MM-DD\" with a day from 01 to 28 (in every month of every year)");
        }
      }
    }
  }
  if (auto* t = doc["staffing"].as_table()) {
    check_keys(*t, "staffing.", {"default_minimum", "minimum"}, p);
    if (auto v = t->get("default_minimum")) {
      if (auto d = read_int(*v, "staffing.default_minimum", 0, 1000, p)) {
        c.staffing_default_minimum = *d;
      }
    }
    if (auto* m = (*t)["minimum"].as_table()) {
      for (const auto& [k, v] : *m) {
        if (auto d = read_int(v, "staffing.minimum." + std::string(k.str()), 0, 1000, p)) {
          c.staffing_minimum[std::string(k.str())] = *d;
        }
      }
    }
  }
  if (auto* t = doc["holidays"].as_table()) {
    check_keys(*t, "holidays.", {"actual_date_schedules"}, p);
    if (auto v = t->get("actual_date_schedules")) {
      read_kinds(*v, "holidays.actual_date_schedules", c.holiday_actual_date_schedules, p);
    }
  }
  if (auto* t = doc["records"].as_table()) read_records(*t, c.records, p);
  if (!p.empty()) return p.status();
  return c;
}

}  // namespace rollcall::app::timeoff
