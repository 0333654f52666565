#include "domain/timeoff/leave/leave_rules_toml.h"

#include <toml++/toml.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace rollcall::timeoff::leave {
namespace {

constexpr std::int64_t kMaxMinutes = 1000LL * 24 * 60;  // sanity bound: 1000 days

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

std::optional<std::int64_t> read_int(const toml::node& node, const std::string& key,
                                     std::int64_t min, std::int64_t max, Problems& p) {
  const auto* v = node.as_integer();
  if (v == nullptr) {
    p.add(node.source(), key, "expected an integer");
    return std::nullopt;
  }
  const std::int64_t x = v->get();
  if (x < min || x > max) {
    p.add(node.source(), key,
          "must be from " + std::to_string(min) + " to " + std::to_string(max) + ", not " +
              std::to_string(x));
    return std::nullopt;
  }
  return x;
}

std::optional<bool> read_bool(const toml::node& node, const std::string& key, Problems& p) {
  const auto* v = node.as_boolean();
  if (v == nullptr) {
    p.add(node.source(), key, "expected true or false");
    return std::nullopt;
  }
  return v->get();
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

std::optional<LeaveType> read_type(const toml::node& node, const std::string& key, Problems& p) {
  auto s = read_string(node, key, p);
  if (!s) return std::nullopt;
  auto t = parse_leave_type(*s);
  if (!t) p.add(node.source(), key, "unknown leave type " + *s + " (" + leave_type_choices() + ")");
  return t;
}

std::optional<LeaveType> read_bank(const toml::node& node, const std::string& key, Problems& p) {
  auto t = read_type(node, key, p);
  if (t && !is_bank(*t)) {
    p.add(node.source(), key,
          std::string(to_string(*t)) +
              " has no balance (banks: vacation, sick, holiday, furlough, delayed-furlough, "
              "comp-time)");
    return std::nullopt;
  }
  return t;
}

std::vector<LeaveType> read_banks(const toml::node& node, const std::string& key, Problems& p) {
  std::vector<LeaveType> out;
  const auto* arr = node.as_array();
  if (arr == nullptr) {
    p.add(node.source(), key, "expected an array of leave types");
    return out;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string k = key + "[" + std::to_string(i) + "]";
    if (auto t = read_bank(*arr->get(i), k, p)) {
      if (std::find(out.begin(), out.end(), *t) != out.end()) {
        p.add(arr->get(i)->source(), k, std::string(to_string(*t)) + " is listed twice");
      } else {
        out.push_back(*t);
      }
    }
  }
  return out;
}

std::optional<AccrualRule> read_tiers(const toml::node& node, const std::string& key, Problems& p) {
  const auto* arr = node.as_array();
  if (arr == nullptr || arr->empty()) {
    p.add(node.source(), key, "expected a non-empty array of { years, minutes } tiers");
    return std::nullopt;
  }
  AccrualRule rule;
  bool ok = true;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string k = key + "[" + std::to_string(i) + "]";
    const auto* t = arr->get(i)->as_table();
    if (t == nullptr) {
      p.add(arr->get(i)->source(), k, "expected { years = N, minutes = M }");
      ok = false;
      continue;
    }
    std::optional<std::int64_t> years, minutes;
    for (auto&& [tk, tv] : *t) {
      const std::string tkey = join(k, tk.str());
      if (tk.str() == "years") {
        years = read_int(tv, tkey, 0, 80, p);
      } else if (tk.str() == "minutes") {
        minutes = read_int(tv, tkey, 0, kMaxMinutes, p);
      } else {
        p.add(tk.source(), tkey, "unknown key (expected years and minutes)");
      }
    }
    if (!t->contains("years")) p.add(t->source(), k, "years is required");
    if (!t->contains("minutes")) p.add(t->source(), k, "minutes is required");
    if (!years || !minutes) {
      ok = false;
      continue;
    }
    if (rule.tiers.empty() && *years != 0) {
      p.add(t->source(), join(k, "years"),
            "the first tier starts at 0 years, not " + std::to_string(*years));
      ok = false;
    }
    if (!rule.tiers.empty() && *years <= rule.tiers.back().min_years) {
      p.add(t->source(), join(k, "years"),
            "tiers must ascend, " + std::to_string(*years) + " is not after " +
                std::to_string(rule.tiers.back().min_years));
      ok = false;
    }
    rule.tiers.push_back({static_cast<int>(*years), *minutes});
  }
  if (!ok) return std::nullopt;
  return rule;
}

bool default_requestable(LeaveType t) {
  return t != LeaveType::kAwol && t != LeaveType::kReleaseTime && t != LeaveType::kGuildDay;
}
bool default_paid(LeaveType t) { return t != LeaveType::kWithoutPay && t != LeaveType::kAwol; }

LeaveTypeRule read_type_rule(LeaveType type, const toml::table& t, const std::string& key,
                             Problems& p) {
  LeaveTypeRule r;
  r.type = type;
  r.paid = default_paid(type);
  r.requestable = default_requestable(type);
  if (is_bank(type)) r.draws_from = {type};
  std::optional<Minutes> cap;
  const toml::node* cap_node = nullptr;
  for (auto&& [k, v] : t) {
    const std::string kk = join(key, k.str());
    if (k.str() == "paid") {
      if (auto b = read_bool(v, kk, p)) r.paid = *b;
    } else if (k.str() == "requestable") {
      if (auto b = read_bool(v, kk, p)) r.requestable = *b;
    } else if (k.str() == "draws_from") {
      r.draws_from = read_banks(v, kk, p);
    } else if (k.str() == "unpaid_allowed") {
      if (auto b = read_bool(v, kk, p)) r.unpaid_allowed = *b;
    } else if (k.str() == "charged_as_if_not_qualifying") {
      r.charged_as_if_not_qualifying = read_bank(v, kk, p);
    } else if (k.str() == "accrual") {
      if (!is_bank(type)) {
        p.add(v.source(), kk, std::string(to_string(type)) + " has no balance to accrue");
      } else {
        r.accrual = read_tiers(v, kk, p);
      }
    } else if (k.str() == "accrual_cap_minutes") {
      cap = read_int(v, kk, 0, kMaxMinutes, p);
      cap_node = &v;
    } else {
      p.add(k.source(), kk,
            "unknown key (expected paid, requestable, draws_from, unpaid_allowed, "
            "charged_as_if_not_qualifying, accrual, accrual_cap_minutes)");
    }
  }
  if (cap) {
    if (r.accrual) {
      r.accrual->cap = cap;
    } else if (cap_node != nullptr && t.contains("accrual") == false) {
      p.add(cap_node->source(), join(key, "accrual_cap_minutes"), "needs an accrual table");
    }
  }
  if (!r.paid && !r.draws_from.empty()) {
    p.add(t.source(), join(key, "draws_from"), "an unpaid type draws from no balance");
  }
  return r;
}

void read_unit(const std::string& code, const toml::table& t, const std::string& key,
               LeaveRules& rules, Problems& p) {
  UnitLeaveRules u;
  u.unit = code;
  u.name = code;
  const toml::table* types = nullptr;
  for (auto&& [k, v] : t) {
    const std::string kk = join(key, k.str());
    if (k.str() == "name") {
      if (auto s = read_string(v, kk, p)) u.name = *s;
    } else if (k.str() == "holiday_credit_minutes") {
      if (auto m = read_int(v, kk, 0, kMinutesPerDay, p)) u.holiday_credit_minutes = *m;
    } else if (k.str() == "furlough_grants_per_year") {
      if (auto m = read_int(v, kk, 0, 366, p)) u.furlough_grants_per_year = static_cast<int>(*m);
    } else if (k.str() == "furlough_grant_minutes") {
      if (auto m = read_int(v, kk, 0, kMinutesPerDay, p)) u.furlough_grant_minutes = *m;
    } else if (k.str() == "comp_time_cap_minutes") {
      u.comp_time_cap = read_int(v, kk, 0, kMaxMinutes, p);
    } else if (k.str() == "unearned_holiday") {
      if (auto b = read_bool(v, kk, p)) u.unearned_holiday = *b;
    } else if (k.str() == "unearned_furlough_minutes") {
      if (auto m = read_int(v, kk, 0, kMaxMinutes, p)) u.unearned_furlough_limit = *m;
    } else if (k.str() == "unearned_furlough_schedules") {
      u.unearned_furlough_schedules.clear();
      const auto* arr = v.as_array();
      if (arr == nullptr) {
        p.add(v.source(), kk, "expected an array of schedules");
        continue;
      }
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string ik = kk + "[" + std::to_string(i) + "]";
        auto s = read_string(*arr->get(i), ik, p);
        if (!s) continue;
        if (auto kind = parse_schedule_kind(*s)) {
          u.unearned_furlough_schedules.push_back(*kind);
        } else {
          p.add(arr->get(i)->source(), ik,
                "unknown schedule " + *s + " (4-2|5-8|9-80|4-10|24-hour)");
        }
      }
    } else if (k.str() == "types") {
      types = v.as_table();
      if (types == nullptr) p.add(v.source(), kk, "expected a table of leave types");
    } else {
      p.add(k.source(), kk,
            "unknown key (expected name, holiday_credit_minutes, furlough_grants_per_year, "
            "furlough_grant_minutes, comp_time_cap_minutes, unearned_holiday, "
            "unearned_furlough_minutes, unearned_furlough_schedules, types)");
    }
  }
  if (types == nullptr || types->empty()) {
    p.add(t.source(), join(key, "types"), "a unit needs at least one leave type");
  } else {
    for (auto&& [k, v] : *types) {
      const std::string kk = join(join(key, "types"), k.str());
      auto type = parse_leave_type(k.str());
      if (!type) {
        p.add(k.source(), kk,
              "unknown leave type " + std::string(k.str()) + " (" + leave_type_choices() + ")");
        continue;
      }
      const auto* tt = v.as_table();
      if (tt == nullptr) {
        p.add(v.source(), kk, "expected a table (may be empty: {})");
        continue;
      }
      u.types.push_back(read_type_rule(*type, *tt, kk, p));
    }
    // Every balance a type is charged to must be a type the unit has.
    for (const LeaveTypeRule& r : u.types) {
      const std::string kk = join(join(key, "types"), to_string(r.type));
      auto check = [&](LeaveType bank, const char* field) {
        if (u.find(bank) == nullptr) {
          p.add(types->source(), join(kk, field),
                std::string(to_string(bank)) + " is not a leave type of unit " + code);
        }
      };
      for (LeaveType b : r.draws_from) check(b, "draws_from");
      if (r.charged_as_if_not_qualifying) {
        check(*r.charged_as_if_not_qualifying, "charged_as_if_not_qualifying");
      }
    }
  }
  rules.units.push_back(std::move(u));
}

}  // namespace

Result<LeaveRules> parse_leave_rules(std::string_view text, std::string_view source) {
  Problems p{std::string(source)};
  toml::table doc;
  try {
    doc = toml::parse(text, std::string(source));
  } catch (const toml::parse_error& e) {
    p.add(e.source(), "", "TOML syntax: " + std::string(e.description()));
    return p.status();
  }
  LeaveRules rules;
  bool have_units = false;
  for (auto&& [k, v] : doc) {
    const std::string key(k.str());
    const auto* t = v.as_table();
    if (key != "requests" && key != "year_end" && key != "units") {
      p.add(k.source(), key, "unknown key (expected requests, year_end, units)");
      continue;
    }
    if (t == nullptr) {
      p.add(v.source(), key, "expected a table");
      continue;
    }
    if (key == "requests") {
      for (auto&& [rk, rv] : *t) {
        const std::string kk = join(key, rk.str());
        if (rk.str() == "horizon_days") {
          if (auto x = read_int(rv, kk, 1, 3660, p)) rules.requests.horizon_days = *x;
        } else if (rk.str() == "lookback_days") {
          if (auto x = read_int(rv, kk, 0, 366, p)) rules.requests.lookback_days = *x;
        } else if (rk.str() == "captain_review_over_days") {
          if (auto x = read_int(rv, kk, 1, 366, p)) rules.requests.captain_review_over_days = *x;
        } else if (rk.str() == "max_day_minutes") {
          if (auto x = read_int(rv, kk, 1, kMinutesPerDay, p)) rules.requests.max_day_minutes = *x;
        } else {
          p.add(rk.source(), kk,
                "unknown key (expected horizon_days, lookback_days, captain_review_over_days, "
                "max_day_minutes)");
        }
      }
    } else if (key == "year_end") {
      for (auto&& [yk, yv] : *t) {
        const std::string kk = join(key, yk.str());
        if (yk.str() == "use_or_lose") {
          rules.year_end.use_or_lose = read_banks(yv, kk, p);
        } else if (yk.str() == "cover_order") {
          rules.year_end.cover_order = read_banks(yv, kk, p);
        } else {
          p.add(yk.source(), kk, "unknown key (expected use_or_lose, cover_order)");
        }
      }
    } else {
      for (auto&& [uk, uv] : *t) {
        const std::string kk = join(key, uk.str());
        const auto* ut = uv.as_table();
        if (ut == nullptr) {
          p.add(uv.source(), kk, "expected a table");
          continue;
        }
        have_units = true;
        read_unit(std::string(uk.str()), *ut, kk, rules, p);
      }
    }
  }
  if (!have_units)
    p.add(toml::source_region{}, "units", "at least one bargaining unit is required");
  if (!p.empty()) return p.status();
  return rules;
}

}  // namespace rollcall::timeoff::leave
