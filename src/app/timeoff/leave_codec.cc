#include "app/timeoff/leave_codec.h"

#include <nlohmann/json.hpp>

namespace rollcall::app::timeoff {
namespace {

using nlohmann::json;
namespace lv = rollcall::timeoff::leave;

struct Bad {
  std::string why;
};

Date date_of(const json& j) {
  auto d = Date::parse(j.get<std::string>());
  if (!d) throw Bad{d.status().message()};
  return *d;
}

lv::LeaveType type_of(const json& j) {
  auto t = lv::parse_leave_type(j.get<std::string>());
  if (!t) throw Bad{"unknown leave type " + j.dump()};
  return *t;
}

lv::RequestState state_of(const json& j) {
  auto s = lv::parse_request_state(j.get<std::string>());
  if (!s) throw Bad{"unknown state " + j.dump()};
  return *s;
}

json history_json(const std::vector<lv::RequestStepTaken>& history) {
  json out = json::array();
  for (const auto& h : history) {
    out.push_back(json{{"step", h.step},
                       {"what", h.what},
                       {"actor", h.actor},
                       {"at", h.at.time_since_epoch().count()},
                       {"on", h.on.to_string()},
                       {"from", lv::to_string(h.from)},
                       {"to", lv::to_string(h.to)},
                       {"comments", h.comments}});
  }
  return out;
}

std::vector<lv::RequestStepTaken> history_of(const json& j) {
  std::vector<lv::RequestStepTaken> out;
  for (const json& h : j) {
    lv::RequestStepTaken s;
    s.step = h.at("step").get<std::string>();
    s.what = h.at("what").get<std::string>();
    s.actor = h.at("actor").get<std::int64_t>();
    s.at = Instant(std::chrono::seconds(h.at("at").get<std::int64_t>()));
    s.on = date_of(h.at("on"));
    s.from = state_of(h.at("from"));
    s.to = state_of(h.at("to"));
    s.comments = h.value("comments", "");
    out.push_back(std::move(s));
  }
  return out;
}

// A routing (PRO-1.3/1.4) as {"hops": [{"recipient", "title", "received"}]},
// `received` in seconds since the epoch or null; null for no routing.
json routing_json(const std::optional<rollcall::timeoff::records::Routing>& routing) {
  if (!routing) return nullptr;
  json hops = json::array();
  for (const auto& h : routing->hops) {
    hops.push_back(json{
        {"recipient", h.recipient},
        {"title", h.title},
        {"received", h.received ? json(h.received->time_since_epoch().count()) : json(nullptr)}});
  }
  return json{{"hops", std::move(hops)}};
}

std::optional<rollcall::timeoff::records::Routing> routing_of(const json& j) {
  if (j.is_null()) return std::nullopt;
  rollcall::timeoff::records::Routing r;
  for (const json& h : j.at("hops")) {
    rollcall::timeoff::records::Hop hop;
    hop.recipient = h.at("recipient").get<std::int64_t>();
    hop.title = h.at("title").get<std::string>();
    if (!h.at("received").is_null()) {
      hop.received = Instant(std::chrono::seconds(h.at("received").get<std::int64_t>()));
    }
    r.hops.push_back(std::move(hop));
  }
  return r;
}

}  // namespace

std::string request_to_json(const lv::LeaveRequest& r) {
  json days = json::array();
  for (const auto& d : r.days)
    days.push_back(json{{"date", d.date.to_string()}, {"minutes", d.minutes}});
  return json{{"employee", r.employee},
              {"type", lv::to_string(r.type)},
              {"charge", r.charge ? json(lv::to_string(*r.charge)) : json(nullptr)},
              {"first", r.first.to_string()},
              {"last", r.last.to_string()},
              {"days", std::move(days)},
              {"note", r.note},
              {"unscheduled", r.unscheduled},
              {"called_in_before_shift", r.called_in_before_shift},
              {"captain_path", r.captain_path},
              {"consecutive_days", r.consecutive_days},
              {"joined_with", r.joined_with},
              {"state", lv::to_string(r.state)},
              {"state_since", r.state_since.to_string()},
              {"sergeant", r.sergeant},
              {"captain", r.captain},
              {"denial_reason", r.denial_reason},
              {"to_captain", routing_json(r.to_captain)},
              {"back_to_sergeant", routing_json(r.back_to_sergeant)},
              {"history", history_json(r.history)}}
      .dump();
}

Result<lv::LeaveRequest> request_from_json(const std::string& body, std::int64_t id) {
  try {
    const json j = json::parse(body);
    lv::LeaveRequest r;
    r.id = id;
    r.employee = j.at("employee").get<std::int64_t>();
    r.type = type_of(j.at("type"));
    if (!j.at("charge").is_null()) r.charge = type_of(j.at("charge"));
    r.first = date_of(j.at("first"));
    r.last = date_of(j.at("last"));
    for (const json& d : j.at("days")) {
      r.days.push_back(lv::LeaveDay{date_of(d.at("date")), d.at("minutes").get<std::int64_t>()});
    }
    r.note = j.value("note", "");
    r.unscheduled = j.value("unscheduled", false);
    r.called_in_before_shift = j.value("called_in_before_shift", false);
    r.captain_path = j.value("captain_path", false);
    r.consecutive_days = j.value("consecutive_days", 0);
    r.joined_with = j.value("joined_with", std::vector<std::int64_t>{});
    r.state = state_of(j.at("state"));
    r.state_since = date_of(j.at("state_since"));
    r.sergeant = j.value("sergeant", std::int64_t{0});
    r.captain = j.value("captain", std::int64_t{0});
    r.denial_reason = j.value("denial_reason", "");
    if (j.contains("to_captain")) r.to_captain = routing_of(j.at("to_captain"));
    if (j.contains("back_to_sergeant")) r.back_to_sergeant = routing_of(j.at("back_to_sergeant"));
    r.history = history_of(j.at("history"));
    return r;
  } catch (const Bad& b) {
    return data_loss("leave request " + std::to_string(id) + ": " + b.why);
  } catch (const std::exception& e) {
    return data_loss("leave request " + std::to_string(id) + " is unreadable: " + e.what());
  }
}

std::string extension_to_json(const lv::ExtensionRequest& x) {
  json banks = json::array();
  for (auto b : x.banks) banks.push_back(lv::to_string(b));
  return json{{"employee", x.employee},
              {"year", x.year},
              {"banks", std::move(banks)},
              {"until", x.until.to_string()},
              {"reason", x.reason},
              {"state", lv::to_string(x.state)},
              {"granted", x.granted},
              {"bureau_chief", x.bureau_chief},
              {"route", routing_json(x.route)},
              {"decision_comments", x.decision_comments},
              {"history", history_json(x.history)}}
      .dump();
}

Result<lv::ExtensionRequest> extension_from_json(const std::string& body, std::int64_t id) {
  try {
    const json j = json::parse(body);
    lv::ExtensionRequest x;
    x.id = id;
    x.employee = j.at("employee").get<std::int64_t>();
    x.year = j.at("year").get<int>();
    for (const json& b : j.at("banks")) x.banks.push_back(type_of(b));
    x.until = date_of(j.at("until"));
    x.reason = j.value("reason", "");
    auto s = lv::parse_extension_state(j.at("state").get<std::string>());
    if (!s) throw Bad{"unknown state " + j.at("state").dump()};
    x.state = *s;
    x.granted = j.value("granted", false);
    x.bureau_chief = j.value("bureau_chief", std::int64_t{0});
    if (j.contains("route")) x.route = routing_of(j.at("route"));
    x.decision_comments = j.value("decision_comments", "");
    x.history = history_of(j.at("history"));
    return x;
  } catch (const Bad& b) {
    return data_loss("extension request " + std::to_string(id) + ": " + b.why);
  } catch (const std::exception& e) {
    return data_loss("extension request " + std::to_string(id) + " is unreadable: " + e.what());
  }
}

}  // namespace rollcall::app::timeoff
