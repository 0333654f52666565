#include "api/timeoff/records_common.h"

#include <cmath>

#include "api/json_codecs.h"
#include "time/instant.h"

namespace rollcall::api::records {

// The shipped calendars with the schedule anchors Payroll stored, so time
// records see the same shifts as leave (leave_api::timeoff_context).
Result<std::shared_ptr<const app::timeoff::TimeoffContext>> calendar(const Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(auto shipped,
                      app::timeoff::TimeoffContext::shipped(ctx.state.options().zone));
  auto out = std::make_shared<app::timeoff::TimeoffContext>(*shipped);
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto anchors, app::timeoff::load_schedule_anchors(*db));
  out->set_anchors(std::move(anchors));
  return std::shared_ptr<const app::timeoff::TimeoffContext>(std::move(out));
}

ar::ActingAs acting(const Ctx& ctx) {
  return ar::ActingAs{ctx.caller.account.employee, ctx.caller.actor(), ctx.state.clock().now(),
                      ctx.caller.today};
}

bool in_scope(const Ctx& ctx, org::EmployeeId employee) {
  return ctx.may(access::Action::kRead, access::Resource::kEmployeeRecord, employee);
}

Result<org::EmployeeId> employee_in_scope(const Ctx& ctx, const std::string& serial) {
  if (serial.empty()) return ctx.caller.account.employee;
  const org::Employee* e = ctx.org().org().employee_by_serial(serial);
  if (e == nullptr || !in_scope(ctx, e->id)) {
    return not_found("no employee with serial '" + serial + "' in your scope");
  }
  return e->id;
}

json amount(std::int64_t minutes) {
  return json{{"minutes", minutes}, {"hours", static_cast<double>(minutes) / 60.0}};
}

json person(const Ctx& ctx, org::EmployeeId e) {
  return e == 0 ? json(nullptr) : employee_ref(ctx.org(), e, ctx.caller.today);
}

json opt_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

json opt_instant(const std::optional<Instant>& t) {
  return t ? json(format_utc(*t)) : json(nullptr);
}

json routing_json(const Ctx& ctx, const tr::Routing& r) {
  json hops = json::array();
  for (const tr::Hop& h : r.hops) {
    hops.push_back(json{{"recipient", person(ctx, h.recipient)},
                        {"title", h.title},
                        {"received", opt_instant(h.received)}});
  }
  const auto holder = r.holder();
  return json{{"hops", std::move(hops)},
              {"holder", holder ? person(ctx, *holder) : json(nullptr)},
              {"delivered", r.delivered()}};
}

json line_json(const tr::TimesheetLine& l) {
  json out = amount(l.minutes);
  out["date"] = l.date.to_string();
  out["code"] = tr::to_string(l.code);
  out["leave_type"] = l.code == tr::TimeCode::kLeave ? json(l.leave_type) : json(nullptr);
  out["paid"] = tr::is_paid(l.code);
  return out;
}

bool Fields::has(const char* key) const {
  return body_.is_object() && body_.contains(key) && !body_[key].is_null();
}

std::string Fields::text(const char* key, std::size_t max, bool required) {
  if (!has(key)) {
    if (required) errors.push_back({key, "required"});
    return "";
  }
  if (!body_[key].is_string()) {
    errors.push_back({key, "must be text"});
    return "";
  }
  std::string s = body_[key].get<std::string>();
  if (s.size() > max) errors.push_back({key, "longer than " + std::to_string(max) + " bytes"});
  if (required && s.empty()) errors.push_back({key, "required"});
  return s;
}

std::optional<Date> Fields::date(const char* key, bool required) {
  if (!has(key)) {
    if (required) errors.push_back({key, "required: a date YYYY-MM-DD"});
    return std::nullopt;
  }
  if (!body_[key].is_string()) {
    errors.push_back({key, "a date YYYY-MM-DD"});
    return std::nullopt;
  }
  auto d = Date::parse(body_[key].get<std::string>());
  if (!d) {
    errors.push_back({key, "a date YYYY-MM-DD"});
    return std::nullopt;
  }
  return d.value();
}

bool Fields::boolean(const char* key, bool fallback) {
  if (!has(key)) return fallback;
  if (!body_[key].is_boolean()) {
    errors.push_back({key, "true or false"});
    return fallback;
  }
  return body_[key].get<bool>();
}

namespace {

// Minutes from a "minutes" or "hours" value in `j`; nullopt (with an error)
// when it is not a number or not whole minutes.
std::optional<std::int64_t> read_minutes(const json& j, const std::string& prefix,
                                         std::vector<FieldError>& errors, bool required,
                                         const std::string& where = "") {
  const std::string m = prefix + "minutes", h = prefix + "hours";
  if (j.contains(m) && !j[m].is_null()) {
    if (!j[m].is_number_integer()) {
      errors.push_back({where + m, "a whole number of minutes"});
      return std::nullopt;
    }
    return j[m].get<std::int64_t>();
  }
  if (j.contains(h) && !j[h].is_null()) {
    if (!j[h].is_number()) {
      errors.push_back({where + h, "a number of hours"});
      return std::nullopt;
    }
    const double minutes = j[h].get<double>() * 60.0;
    if (!std::isfinite(minutes) || std::abs(minutes) > 1e9 ||
        std::abs(minutes - std::round(minutes)) > 1e-6) {
      errors.push_back({where + h, "hours in whole minutes (e.g. 7.5)"});
      return std::nullopt;
    }
    return static_cast<std::int64_t>(std::llround(minutes));
  }
  if (required) errors.push_back({where + m, "required: " + m + " or " + h});
  return std::nullopt;
}

}  // namespace

std::int64_t Fields::minutes(const std::string& prefix, bool required) {
  if (!body_.is_object()) return 0;
  return read_minutes(body_, prefix, errors, required).value_or(0);
}

std::optional<int> Fields::version() {
  if (!has("version")) return std::nullopt;
  if (!body_["version"].is_number_integer()) {
    errors.push_back({"version", "the version of the record you acted on"});
    return std::nullopt;
  }
  return body_["version"].get<int>();
}

std::vector<Date> Fields::dates(const char* key) {
  std::vector<Date> out;
  if (!has(key) || !body_[key].is_array()) {
    errors.push_back({key, "required: a list of dates YYYY-MM-DD"});
    return out;
  }
  for (const json& x : body_[key]) {
    auto d = x.is_string() ? Date::parse(x.get<std::string>()) : Result<Date>(invalid_argument(""));
    if (!d) {
      errors.push_back({key, "a list of dates YYYY-MM-DD"});
      return {};
    }
    out.push_back(d.value());
  }
  return out;
}

std::vector<tr::TimesheetLine> Fields::lines(const char* key, std::optional<Date> day) {
  std::vector<tr::TimesheetLine> out;
  if (!has(key) || !body_[key].is_array()) {
    errors.push_back({key, "required: a list of lines"});
    return out;
  }
  int i = 0;
  for (const json& x : body_[key]) {
    const std::string where = std::string(key) + "[" + std::to_string(i++) + "].";
    if (!x.is_object()) {
      errors.push_back({where, "a line {code, minutes|hours, leave_type?, date?}"});
      continue;
    }
    tr::TimesheetLine l;
    if (x.contains("date") && x["date"].is_string()) {
      auto d = Date::parse(x["date"].get<std::string>());
      if (!d) {
        errors.push_back({where + "date", "a date YYYY-MM-DD"});
      } else {
        l.date = d.value();
      }
    } else if (day) {
      l.date = *day;
    } else {
      errors.push_back({where + "date", "required"});
    }
    auto code = tr::parse_time_code(x.value("code", ""));
    if (!code) {
      errors.push_back({where + "code",
                        "regular, overtime, overtime-comp, leave, release-time, special-duty, "
                        "guild or awol"});
    } else {
      l.code = *code;
    }
    if (x.contains("leave_type") && x["leave_type"].is_string()) {
      l.leave_type = x["leave_type"].get<std::string>();
    }
    l.minutes = read_minutes(x, "", errors, true, where).value_or(0);
    out.push_back(std::move(l));
  }
  return out;
}

http::Response invalid(std::string_view message, const std::vector<FieldError>& errors) {
  return validation_failed(message, errors);
}

http::Response rule_broken(const Status& s) {
  const std::string& m = s.message();
  const auto colon = m.find(": ");
  std::string field;
  if (colon != std::string::npos && colon < 40 && m.find(' ') >= colon) field = m.substr(0, colon);
  // The detail says why without repeating the field it is attached to.
  return validation_failed(m, {{field, field.empty() ? m : m.substr(colon + 2)}});
}

}  // namespace rollcall::api::records
