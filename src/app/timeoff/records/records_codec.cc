#include "app/timeoff/records/records_codec.h"

#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "time/instant.h"

// Adapter boundary: nlohmann's conversions for the vocabulary types. Every
// exception they throw becomes DATA_LOSS in from_body().
namespace nlohmann {

template <>
struct adl_serializer<rollcall::Date> {
  static void to_json(json& j, const rollcall::Date& d) { j = d.to_string(); }
  static void from_json(const json& j, rollcall::Date& d) {
    auto r = rollcall::Date::parse(j.get<std::string>());
    if (!r) throw std::runtime_error(r.status().message());
    d = r.value();
  }
};

template <>
struct adl_serializer<rollcall::Instant> {
  static void to_json(json& j, const rollcall::Instant& t) { j = rollcall::format_utc(t); }
  static void from_json(const json& j, rollcall::Instant& t) {
    auto r = rollcall::parse_utc(j.get<std::string>());
    if (!r) throw std::runtime_error(r.status().message());
    t = r.value();
  }
};

template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v) {
      j = *v;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null()) {
      v.reset();
    } else {
      v = j.get<T>();
    }
  }
};

}  // namespace nlohmann

// Enums as their readable text, in the namespaces ADL looks in.
#define RC_RECORDS_ENUM_JSON(Type, parse)                                           \
  inline void to_json(nlohmann::json& j, Type v) { j = std::string(to_string(v)); } \
  inline void from_json(const nlohmann::json& j, Type& v) {                         \
    auto p = parse(j.get<std::string>());                                           \
    if (!p) throw std::runtime_error("not a " #Type ": " + j.get<std::string>());   \
    v = *p;                                                                         \
  }

namespace rollcall::timeoff {
RC_RECORDS_ENUM_JSON(ScheduleKind, parse_schedule_kind)
}  // namespace rollcall::timeoff

namespace rollcall::timeoff::records {

RC_RECORDS_ENUM_JSON(TimeCode, parse_time_code)
RC_RECORDS_ENUM_JSON(TimesheetState, parse_timesheet_state)
RC_RECORDS_ENUM_JSON(CorrectionState, parse_correction_state)
RC_RECORDS_ENUM_JSON(CashOutState, parse_cash_out_state)
RC_RECORDS_ENUM_JSON(ReleaseState, parse_release_state)
RC_RECORDS_ENUM_JSON(FurloughWorkState, parse_furlough_work_state)
RC_RECORDS_ENUM_JSON(SpecialDutyPurpose, parse_special_duty_purpose)
RC_RECORDS_ENUM_JSON(AuthorizationState, parse_authorization_state)

template <typename State>
void to_json(nlohmann::json& j, const RecordEvent<State>& e) {
  j = nlohmann::json{
      {"what", e.what}, {"actor", e.actor}, {"at", e.at}, {"to", e.to}, {"comments", e.comments}};
}
template <typename State>
void from_json(const nlohmann::json& j, RecordEvent<State>& e) {
  j.at("what").get_to(e.what);
  j.at("actor").get_to(e.actor);
  j.at("at").get_to(e.at);
  j.at("to").get_to(e.to);
  j.at("comments").get_to(e.comments);
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TimesheetLine, date, code, leave_type, minutes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PayPeriodRef, first, last, approval_due)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TimesheetVersion, number, lines, by, at, reason,
                                                correction)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TimesheetEvent, what, actor, at, from, to, comments)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Timesheet, employee, period, state, draft, versions,
                                                submitted_at, approved_at, approved_by,
                                                approved_late, history)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Hop, recipient, title, received)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Routing, hops)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CorrectionEvent, what, actor, at, to, comments)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Correction, timesheet, employee, day, lines, reason,
                                                requested_by, requested_on, deadline, exception,
                                                routing, state, applied_version, history)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AwolMemo, author, circumstances, hr_director, sent,
                                                copy)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AwolRecord, employee, timesheet, date, minutes,
                                                memo)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CashOut, employee, minutes, state, requested_at,
                                                decided_at, decided_by, comments, history)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FmlTask, coordinator, copied_at, informed_at,
                                                informed_by)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReleaseEvent, what, actor, at, to, comments)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReleaseTime, employee, relationship, emergency,
                                                first_day, last_day, minutes, offered, supervisor,
                                                additional_minutes, additional_by, state, payroll,
                                                payroll_received, copy, fml, history)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FlsaPeriodRef, first, last, limit_minutes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(FurloughWork, employee, schedule, furlough_day,
                                                minutes, approved_overtime, period, state,
                                                requested_at, decided_by, decided_at,
                                                worked_before_minutes, day_off, day_off_recorded_at,
                                                comments, history)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SpecialDutyRequest, employee, days, minutes_per_day,
                                                purpose, description, state, requested_at,
                                                decided_by, decided_at, comments, history)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GuildDayRequest, employee, days, minutes_per_day,
                                                business, state, requested_at, decided_by,
                                                decided_at, comments, history)

}  // namespace rollcall::timeoff::records

namespace rollcall::app::records {
namespace {

template <typename T>
std::string encode(const T& r) {
  return nlohmann::json(r).dump();
}

}  // namespace

std::string to_body(const tr::Timesheet& r) { return encode(r); }
std::string to_body(const tr::Correction& r) { return encode(r); }
std::string to_body(const tr::AwolRecord& r) { return encode(r); }
std::string to_body(const tr::CashOut& r) { return encode(r); }
std::string to_body(const tr::ReleaseTime& r) { return encode(r); }
std::string to_body(const tr::FurloughWork& r) { return encode(r); }
std::string to_body(const tr::SpecialDutyRequest& r) { return encode(r); }
std::string to_body(const tr::GuildDayRequest& r) { return encode(r); }

template <typename T>
Result<T> from_body(std::string_view body, std::int64_t id) {
  try {
    T r = nlohmann::json::parse(body).get<T>();
    r.id = id;
    return r;
  } catch (const std::exception& e) {
    return data_loss("time record " + std::to_string(id) + " is unreadable: " + e.what());
  }
}

template Result<tr::Timesheet> from_body(std::string_view, std::int64_t);
template Result<tr::Correction> from_body(std::string_view, std::int64_t);
template Result<tr::AwolRecord> from_body(std::string_view, std::int64_t);
template Result<tr::CashOut> from_body(std::string_view, std::int64_t);
template Result<tr::ReleaseTime> from_body(std::string_view, std::int64_t);
template Result<tr::FurloughWork> from_body(std::string_view, std::int64_t);
template Result<tr::SpecialDutyRequest> from_body(std::string_view, std::int64_t);
template Result<tr::GuildDayRequest> from_body(std::string_view, std::int64_t);

}  // namespace rollcall::app::records
