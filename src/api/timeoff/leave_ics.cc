#include "api/timeoff/leave_ics.h"

#include <chrono>
#include <cstdio>

namespace rollcall::api::leave_api {
namespace {

namespace lv = rollcall::timeoff::leave;

std::string ics_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", d.year(), d.month(), d.day());
  return buf;
}

std::string ics_utc(Instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const Date d{std::chrono::sys_days(day)};
  const std::chrono::hh_mm_ss hms(t - day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d%02d%02dZ", ics_date(d).c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string escape_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Folds at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence.
void line(std::string& out, const std::string& content) {
  std::size_t start = 0, width = 75;
  while (content.size() - start > width) {
    std::size_t cut = start + width;
    while (cut > start && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;
    out += content.substr(start, cut - start) + "\r\n ";
    start = cut;
    width = 74;  // the leading space counts
  }
  out += content.substr(start) + "\r\n";
}

std::string title(lv::LeaveType t) {
  std::string s(lv::to_string(t));
  for (char& c : s) c = c == '-' ? ' ' : c;
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s + " leave";
}

bool was_approved(const lv::LeaveRequest& r) {
  for (const auto& h : r.history) {
    if (h.to == lv::RequestState::kApproved || h.to == lv::RequestState::kRecorded) return true;
  }
  return false;
}

}  // namespace

std::string leave_ics(const org::Employee& employee,
                      const std::vector<app::timeoff::StoredRequest>& requests,
                      const rollcall::timeoff::WorkSchedule& schedule, Instant now) {
  std::string out;
  line(out, "BEGIN:VCALENDAR");
  line(out, "VERSION:2.0");
  line(out, "PRODID:-//rollcall//4.010 leave//EN");
  line(out, "CALSCALE:GREGORIAN");
  line(out, "METHOD:PUBLISH");
  line(out, "X-WR-CALNAME:" + escape_text("Leave: " + employee.last_name + ", " +
                                          employee.first_name + " (" + employee.serial + ")"));
  const std::string stamp = ics_utc(now);
  for (const auto& s : requests) {
    const lv::LeaveRequest& r = s.request;
    const bool shown = r.state == lv::RequestState::kApproved ||
                       r.state == lv::RequestState::kRecorded ||
                       (r.state == lv::RequestState::kCancelled && was_approved(r));
    if (!shown) continue;
    const std::string status = r.state == lv::RequestState::kCancelled ? "CANCELLED" : "CONFIRMED";
    const std::string uid = "leave-request-" + std::to_string(r.id) + "@rollcall";
    bool whole = true;
    for (const auto& d : r.days) whole = whole && d.minutes >= schedule.scheduled_minutes(d.date);
    auto common = [&](const std::string& the_uid) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + the_uid);
      line(out, "DTSTAMP:" + stamp);
      line(out, "SEQUENCE:" + std::to_string(s.version));
      line(out, "STATUS:" + status);
      line(out, "TRANSP:OPAQUE");
      line(out, "SUMMARY:" + escape_text(title(r.type)));
      if (!r.note.empty()) line(out, "DESCRIPTION:" + escape_text(r.note));
    };
    if (whole) {
      common(uid);
      line(out, "DTSTART;VALUE=DATE:" + ics_date(r.first));
      line(out, "DTEND;VALUE=DATE:" + ics_date(r.last.plus_days(1)));
      line(out, "END:VEVENT");
      continue;
    }
    for (const auto& d : r.days) {
      const auto shift = schedule.shift_on(d.date);
      common("leave-request-" + std::to_string(r.id) + "-" + ics_date(d.date) + "@rollcall");
      if (shift) {
        line(out, "DTSTART:" + ics_utc(shift->start));
        line(out, "DTEND:" + ics_utc(shift->start + std::chrono::minutes(d.minutes)));
      } else {
        line(out, "DTSTART;VALUE=DATE:" + ics_date(d.date));
        line(out, "DTEND;VALUE=DATE:" + ics_date(d.date.plus_days(1)));
      }
      line(out, "END:VEVENT");
    }
  }
  line(out, "END:VCALENDAR");
  return out;
}

}  // namespace rollcall::api::leave_api
