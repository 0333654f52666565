#include "app/pmp/review/review_codec.h"

#include <nlohmann/json.hpp>

#include "time/instant.h"

namespace rollcall::app::review {
namespace {

using nlohmann::json;
namespace rv = pmp::review;

json opt_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

// Adapter boundary: nlohmann throws; every failure becomes DATA_LOSS here.
struct Reader {
  const json& j;
  template <typename T>
  T get(const char* key) const {
    return j.at(key).get<T>();
  }
  Date date(const char* key) const {
    auto d = Date::parse(j.at(key).get<std::string>());
    if (!d) throw std::runtime_error(std::string(key) + ": " + d.status().message());
    return d.value();
  }
  std::optional<Date> opt_date(const char* key) const {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return date(key);
  }
};

std::optional<rv::Recommendation> recommendation(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  auto r = rv::parse_recommendation(j.at(key).get<std::string>());
  if (!r) throw std::runtime_error(std::string(key) + " is not a recommendation");
  return r;
}

rv::ReviewState state(const json& j, const char* key) {
  auto s = rv::parse_review_state(j.at(key).get<std::string>());
  if (!s) throw std::runtime_error(std::string(key) + " is not a review state");
  return *s;
}

json designation_json(const std::optional<rv::Designation>& d) {
  if (!d) return nullptr;
  return json{{"plan", d->plan},
              {"period", std::string(rv::to_string(d->period))},
              {"other_days", d->other_days}};
}

}  // namespace

std::string review_to_json(const rv::Review& r) {
  json history = json::array();
  for (const rv::StepTaken& s : r.history) {
    history.push_back({{"step", s.step},
                       {"what", s.what},
                       {"actor", s.actor},
                       {"at", format_utc(s.at)},
                       {"on", s.on.to_string()},
                       {"from", std::string(rv::to_string(s.from))},
                       {"to", std::string(rv::to_string(s.to))},
                       {"comments", s.comments}});
  }
  auto rec = [](const std::optional<rv::Recommendation>& x) {
    return x ? json(std::string(rv::to_string(*x))) : json(nullptr);
  };
  json j{{"employee", r.employee},
         {"trigger",
          {{"indicator", std::string(pmp::to_string(r.trigger.indicator))},
           {"date", r.trigger.date.to_string()},
           {"event_ids", r.trigger.event_ids}}},
         {"coordinator", r.coordinator},
         {"captain", r.captain},
         {"lieutenant", r.lieutenant},
         {"sergeant", r.sergeant},
         {"bureau_chief", r.bureau_chief},
         {"state", std::string(rv::to_string(r.state))},
         {"state_since", r.state_since.to_string()},
         {"lieutenant_received", opt_date(r.lieutenant_received)},
         {"sergeant_received", opt_date(r.sergeant_received)},
         {"corrections_since", opt_date(r.corrections_since)},
         {"captain_received", opt_date(r.captain_received)},
         {"coaching_strategies", r.coaching_strategies},
         {"plan_items", r.plan_items},
         {"sergeant_recommendation", rec(r.sergeant_recommendation)},
         {"lieutenant_recommendation", rec(r.lieutenant_recommendation)},
         {"designation", designation_json(r.designation)},
         {"returns", r.returns},
         {"history", history}};
  return j.dump();
}

Result<rv::Review> review_from_json(const std::string& body, std::int64_t id) {
  try {
    const json j = json::parse(body);
    const Reader in{j};
    rv::Review r;
    r.id = id;
    r.employee = in.get<org::EmployeeId>("employee");
    const json& t = j.at("trigger");
    const Reader tin{t};
    auto ind = pmp::parse_indicator(t.at("indicator").get<std::string>());
    if (!ind) throw std::runtime_error("trigger.indicator is not an indicator");
    r.trigger.indicator = *ind;
    r.trigger.date = tin.date("date");
    r.trigger.event_ids = t.at("event_ids").get<std::vector<std::int64_t>>();
    r.coordinator = in.get<org::EmployeeId>("coordinator");
    r.captain = in.get<org::EmployeeId>("captain");
    r.lieutenant = in.get<org::EmployeeId>("lieutenant");
    r.sergeant = in.get<org::EmployeeId>("sergeant");
    r.bureau_chief = in.get<org::EmployeeId>("bureau_chief");
    r.state = state(j, "state");
    r.state_since = in.date("state_since");
    r.lieutenant_received = in.opt_date("lieutenant_received");
    r.sergeant_received = in.opt_date("sergeant_received");
    r.corrections_since = in.opt_date("corrections_since");
    r.captain_received = in.opt_date("captain_received");
    r.coaching_strategies = in.get<std::vector<std::string>>("coaching_strategies");
    r.plan_items = in.get<std::vector<std::string>>("plan_items");
    r.sergeant_recommendation = recommendation(j, "sergeant_recommendation");
    r.lieutenant_recommendation = recommendation(j, "lieutenant_recommendation");
    if (!j.at("designation").is_null()) {
      const json& d = j.at("designation");
      rv::Designation des;
      des.plan = d.at("plan").get<bool>();
      auto p = rv::parse_review_period(d.at("period").get<std::string>());
      if (!p) throw std::runtime_error("designation.period is not a review period");
      des.period = *p;
      des.other_days = d.at("other_days").get<int>();
      r.designation = des;
    }
    r.returns = in.get<int>("returns");
    for (const json& h : j.at("history")) {
      const Reader hin{h};
      rv::StepTaken s;
      s.step = hin.get<std::string>("step");
      s.what = hin.get<std::string>("what");
      s.actor = hin.get<org::EmployeeId>("actor");
      auto at = parse_utc(h.at("at").get<std::string>());
      if (!at) throw std::runtime_error("history.at: " + at.status().message());
      s.at = at.value();
      s.on = hin.date("on");
      s.from = state(h, "from");
      s.to = state(h, "to");
      s.comments = hin.get<std::string>("comments");
      r.history.push_back(std::move(s));
    }
    return r;
  } catch (const std::exception& e) {
    return data_loss("stored review " + std::to_string(id) + " is unreadable: " + e.what());
  }
}

}  // namespace rollcall::app::review
