#include "domain/timeoff/leave/request_validation.h"

#include <algorithm>

namespace rollcall::timeoff::leave {

std::optional<LeaveType> charge_of(const RequestDraft& draft, const LeaveTypeRule& rule) {
  if (draft.unpaid) return std::nullopt;
  if (draft.charge) return draft.charge;
  if (rule.draws_from.empty()) return std::nullopt;
  return rule.draws_from.front();
}

Result<std::vector<LeaveDay>> validate_draft(const RequestDraft& draft, const UnitLeaveRules& unit,
                                             const RequestRules& limits,
                                             const WorkSchedule& schedule,
                                             std::span<const LeaveRequest> others,
                                             std::int64_t self_id, Date today) {
  const std::string type(to_string(draft.type));
  const LeaveTypeRule* rule = unit.find(draft.type);
  if (rule == nullptr) {
    return invalid_argument("type: " + type + " is not a leave type of bargaining unit " +
                            unit.unit);
  }
  if (!rule->requestable) {
    return invalid_argument("type: " + type +
                            " is recorded by the supervisor or its own process, not requested");
  }
  if (draft.unpaid && !rule->unpaid_allowed) {
    return invalid_argument("unpaid: " + type + " may not be taken unpaid");
  }
  if (draft.charge && !draft.unpaid &&
      std::find(rule->draws_from.begin(), rule->draws_from.end(), *draft.charge) ==
          rule->draws_from.end()) {
    std::string allowed;
    for (LeaveType b : rule->draws_from)
      allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(b));
    return invalid_argument("charge: " + type + " is not charged to " +
                            std::string(to_string(*draft.charge)) +
                            " (allowed: " + (allowed.empty() ? "none" : allowed) + ")");
  }
  if (draft.last < draft.first) {
    return invalid_argument("last: " + draft.last.to_string() + " is before first " +
                            draft.first.to_string());
  }
  if (draft.first < today.plus_days(-limits.lookback_days)) {
    return invalid_argument("first: " + draft.first.to_string() + " is more than " +
                            std::to_string(limits.lookback_days) + " days before today " +
                            today.to_string());
  }
  if (draft.last > today.plus_days(limits.horizon_days)) {
    return invalid_argument("last: " + draft.last.to_string() + " is more than " +
                            std::to_string(limits.horizon_days) + " days after today " +
                            today.to_string());
  }
  std::vector<LeaveDay> days =
      draft.days.empty() ? schedule.whole_days(draft.first, draft.last) : draft.days;
  if (days.empty()) {
    return invalid_argument("days: no scheduled work day from " + draft.first.to_string() + " to " +
                            draft.last.to_string());
  }
  std::sort(days.begin(), days.end(),
            [](const LeaveDay& a, const LeaveDay& b) { return a.date < b.date; });
  for (std::size_t i = 0; i < days.size(); ++i) {
    const LeaveDay& d = days[i];
    const std::string field = "days[" + d.date.to_string() + "]";
    if (d.date < draft.first || d.date > draft.last) {
      return invalid_argument(field + ": outside " + draft.first.to_string() + " to " +
                              draft.last.to_string());
    }
    if (i > 0 && days[i - 1].date == d.date) {
      return invalid_argument(field + ": the date appears twice");
    }
    if (d.minutes <= 0) {
      return invalid_argument(field + ".minutes: must be more than 0, not " +
                              std::to_string(d.minutes));
    }
    if (d.minutes > limits.max_day_minutes) {
      return invalid_argument(field + ".minutes: " + std::to_string(d.minutes) +
                              " is more than a day (" + std::to_string(limits.max_day_minutes) +
                              " minutes)");
    }
    const Minutes scheduled = schedule.minutes_on(d.date);
    if (scheduled == 0) {
      return invalid_argument(field + ": not a scheduled work day");
    }
    if (d.minutes > scheduled) {
      return invalid_argument(field + ".minutes: " + std::to_string(d.minutes) +
                              " is more than the " + std::to_string(scheduled) +
                              " minutes scheduled that day");
    }
  }
  for (const LeaveRequest& o : others) {
    if (o.id == self_id || !is_live(o.state) || o.last < draft.first || o.first > draft.last) {
      continue;
    }
    for (const LeaveDay& mine : days) {
      for (const LeaveDay& theirs : o.days) {
        if (mine.date == theirs.date) {
          return invalid_argument("days[" + mine.date.to_string() + "]: already in request " +
                                  std::to_string(o.id) + " (" + std::string(to_string(o.state)) +
                                  ")");
        }
      }
    }
  }
  return days;
}

}  // namespace rollcall::timeoff::leave
