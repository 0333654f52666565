#include "app/timeoff/leave_payroll.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "app/timeoff/leave_codec.h"
#include "domain/access/access.h"
#include "domain/timeoff/records/chain_route.h"

namespace rollcall::app::timeoff {
namespace {

// Entries grouped by employee (the reader returns them by employee, date, id).
std::map<org::EmployeeId, std::vector<lv::LedgerEntry>> by_employee(
    std::vector<lv::LedgerEntry> all) {
  std::map<org::EmployeeId, std::vector<lv::LedgerEntry>> out;
  for (auto& e : all) out[e.employee].push_back(std::move(e));
  return out;
}

Result<StoredExtension> ext_from_record(const storage::WorkflowRecord& w) {
  RC_ASSIGN_OR_RETURN(lv::ExtensionRequest x, extension_from_json(w.body_json, w.id));
  return StoredExtension{std::move(x), w.version};
}

}  // namespace

Result<AccrualReport> run_accruals(storage::Database& db, const TimeoffContext& ctx,
                                   const org::OrgSnapshot& org, const std::string& actor,
                                   Date through, bool dry_run,
                                   std::optional<org::EmployeeId> only) {
  if (only && org.employee(*only) == nullptr) {
    return not_found("employee " + std::to_string(*only) + " does not exist");
  }
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(auto all, tx->ledger_entries(only));
  auto ledgers = by_employee(std::move(all));
  AccrualReport report;
  report.through = through;
  std::vector<lv::LedgerEntry> posting;
  // Holidays and pay periods per year, computed once.
  std::map<int, std::vector<to::Holiday>> holidays;
  for (const org::Employee& e : org.data().employees) {
    if (e.hire_date > through || (only && e.id != *only)) continue;
    auto unit = ctx.unit_rules(e);
    if (!unit) {
      report.skipped.push_back(e.serial + ": " + unit.status().message());
      continue;
    }
    ++report.employees;
    const std::vector<lv::LedgerEntry>& existing = ledgers[e.id];
    const Date start = existing.empty()
                           ? std::max(e.hire_date, Date::from_ymd(through.year(), 1, 1))
                           : std::min(existing.front().date, through);
    std::vector<Date> ends;
    for (const PayPeriod& p : ctx.pay_periods().in_range(start, through)) {
      if (p.end >= start && p.end <= through) ends.push_back(p.end);
    }
    RC_ASSIGN_OR_RETURN(lv::AccrualRun run,
                        lv::generate_accruals(**unit, e.id, e.hire_date, ends, existing));
    for (const auto& p : run.postings) report.reduced_by_cap += p.reduced_by_cap > 0 ? 1 : 0;
    report.accrual_entries += static_cast<int>(run.entries.size());
    const to::ScheduleKind kind = schedule_kind(e.schedule);
    std::vector<Date> credit_dates, grant_dates;
    for (int y = start.year(); y <= through.year(); ++y) {
      auto it = holidays.find(y);
      if (it == holidays.end()) {
        RC_ASSIGN_OR_RETURN(auto hs, ctx.holidays(y));
        it = holidays.emplace(y, std::move(hs)).first;
      }
      for (const auto& h : it->second) {
        const Date d = ctx.credit_date(h, kind);
        if (d >= start && d <= through) credit_dates.push_back(d);
      }
      if ((*unit)->furlough_grants_per_year > 0) {
        for (Date d : ctx.furlough_grant_dates(y)) {
          if (d >= start && d <= through) grant_dates.push_back(d);
        }
      }
    }
    std::sort(credit_dates.begin(), credit_dates.end());
    auto credits = lv::holiday_credits(**unit, e.id, credit_dates, existing);
    report.holiday_credits += static_cast<int>(credits.size());
    RC_ASSIGN_OR_RETURN(auto grants, lv::furlough_grants(**unit, e.id, grant_dates, existing));
    report.furlough_grants += static_cast<int>(grants.size());
    for (auto* batch : {&run.entries, &credits, &grants}) {
      for (auto& entry : *batch) {
        report.minutes_posted += entry.minutes;
        posting.push_back(std::move(entry));
      }
    }
  }
  if (!dry_run && !posting.empty()) {
    RC_RETURN_IF_ERROR(tx->insert_ledger_entries(posting));
    RC_RETURN_IF_ERROR(tx->commit());
  }
  return report;
}

Result<std::vector<StoredExtension>> load_extensions(storage::WorkflowReader& db,
                                                     std::optional<org::EmployeeId> employee) {
  RC_ASSIGN_OR_RETURN(auto records, db.workflow_records(std::string(kExtensionKind), employee));
  std::vector<StoredExtension> out;
  for (const auto& w : records) {
    RC_ASSIGN_OR_RETURN(StoredExtension s, ext_from_record(w));
    out.push_back(std::move(s));
  }
  return out;
}

Result<StoredExtension> load_extension(storage::WorkflowReader& db, std::int64_t id) {
  RC_ASSIGN_OR_RETURN(auto versions, db.workflow_versions(id));
  if (versions.empty() || versions.back().kind != kExtensionKind) {
    return not_found("extension request " + std::to_string(id) + " does not exist");
  }
  return ext_from_record(versions.back());
}

Result<int> set_schedule_anchor(storage::Database& db, const std::string& actor,
                                org::EmployeeId employee, Date anchor) {
  const std::string kind(kScheduleAnchorKind);
  const std::string body = nlohmann::json{{"anchor", anchor.to_string()}, {"set_by", actor}}.dump();
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(auto existing, tx->workflow_records(kind, employee));
  int version = 1;
  if (existing.empty()) {
    RC_ASSIGN_OR_RETURN(std::int64_t id, tx->insert_workflow_record(kind, employee, "set", body));
    (void)id;
  } else {
    const auto& head = existing.back();
    RC_RETURN_IF_ERROR(tx->add_workflow_version(head.id, kind, head.version, "set", body));
    version = head.version + 1;
  }
  RC_RETURN_IF_ERROR(tx->commit());
  return version;
}

Result<StoredExtension> request_extension(storage::Database& db, const TimeoffContext& ctx,
                                          const org::OrgSnapshot& org, const ActingAs& actor,
                                          int year, std::vector<lv::LeaveType> banks, Date until,
                                          std::string reason) {
  // "through their chain of command to their Bureau Chief": every link from
  // the employee's sergeant up to the bureau chief.
  namespace tor = rollcall::timeoff::records;
  RC_ASSIGN_OR_RETURN(org::ChainOfCommand chain, org.chain_of(actor.employee, actor.on));
  auto route = tor::route_up_chain(chain, actor.employee, tor::ChainTop::kBureauChief);
  if (!route) {
    return failed_precondition("4.010-POL-7: " + route.status().message() +
                               " to send the request to");
  }
  RC_ASSIGN_OR_RETURN(
      lv::ExtensionRequest x,
      lv::request_extension(0, actor.employee, year, std::move(banks), until, std::move(reason),
                            ctx.rules().year_end,
                            leave_actor(org, actor.employee, actor.employee, actor.on), actor.on,
                            actor.at, std::move(route).value()));
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(
      std::int64_t id,
      tx->insert_workflow_record(std::string(kExtensionKind), actor.employee,
                                 std::string(lv::to_string(x.state)), extension_to_json(x)));
  RC_RETURN_IF_ERROR(tx->commit());
  x.id = id;
  return StoredExtension{std::move(x), 1};
}

std::optional<ExtensionStep> parse_extension_step(std::string_view s) {
  if (s == "grant") return ExtensionStep::kGrant;
  if (s == "refuse") return ExtensionStep::kRefuse;
  if (s == "send-to-payroll") return ExtensionStep::kSendToPayroll;
  if (s == "forward") return ExtensionStep::kForward;
  return std::nullopt;
}

Result<StoredExtension> extension_step(storage::Database& db, const org::OrgSnapshot& org,
                                       const ActingAs& actor, std::int64_t id, ExtensionStep step,
                                       int expected_version, std::string comments) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(auto versions, tx->workflow_versions(id));
  if (versions.empty() || versions.back().kind != kExtensionKind) {
    return not_found("extension request " + std::to_string(id) + " does not exist");
  }
  RC_ASSIGN_OR_RETURN(StoredExtension current, ext_from_record(versions.back()));
  const auto who = leave_actor(org, actor.employee, current.extension.employee, actor.on);
  Result<lv::ExtensionRequest> next =
      step == ExtensionStep::kForward
          ? lv::forward_extension(current.extension, who, actor.on, actor.at)
      : step == ExtensionStep::kSendToPayroll
          ? lv::send_to_payroll(current.extension, who, actor.on, actor.at)
          : lv::decide_extension(current.extension, step == ExtensionStep::kGrant,
                                 std::move(comments), who, actor.on, actor.at);
  if (!next) return next.status();
  if (current.version != expected_version) {
    return failed_precondition("extension request " + std::to_string(id) + " is at version " +
                               std::to_string(current.version) + ", not " +
                               std::to_string(expected_version) + ": reload it and try again");
  }
  RC_RETURN_IF_ERROR(tx->add_workflow_version(id, std::string(kExtensionKind), current.version,
                                              std::string(lv::to_string(next->state)),
                                              extension_to_json(*next)));
  RC_RETURN_IF_ERROR(tx->commit());
  return StoredExtension{std::move(*next), current.version + 1};
}

std::vector<std::string> extension_actions(const lv::ExtensionRequest& x,
                                           const org::OrgSnapshot& org, org::EmployeeId person,
                                           Date today) {
  if (person == x.employee) return {};
  if (x.state == lv::ExtensionState::kRequested && x.route && !x.route->delivered()) {
    if (x.route->holder() == person) return {"forward"};
    return {};
  }
  const auto roles = access::roles_on(org, person, today);
  const bool chief =
      std::find(roles.begin(), roles.end(), access::Role::kBureauChief) != roles.end();
  if (!chief || !org.in_chain_of(person, x.employee, today)) return {};
  if (x.state == lv::ExtensionState::kRequested) return {"grant", "refuse"};
  if (x.state != lv::ExtensionState::kSentToPayroll && x.bureau_chief == person) {
    return {"send-to-payroll"};
  }
  return {};
}

std::vector<const StoredExtension*> extension_inbox(const std::vector<StoredExtension>& all,
                                                    const org::OrgSnapshot& org,
                                                    org::EmployeeId person, Date today) {
  std::vector<const StoredExtension*> out;
  const auto roles = access::roles_on(org, person, today);
  const bool chief =
      std::find(roles.begin(), roles.end(), access::Role::kBureauChief) != roles.end();
  for (const auto& s : all) {
    const auto st = s.extension.state;
    const auto& route = s.extension.route;
    if (st == lv::ExtensionState::kRequested && route && !route->delivered()) {
      if (route->holder() == person) out.push_back(&s);  // on its way up: the holder forwards
      continue;
    }
    if (!chief) continue;
    if (st == lv::ExtensionState::kSentToPayroll || s.extension.employee == person) continue;
    if (!org.in_chain_of(person, s.extension.employee, today)) continue;
    // Decided ones await only the chief who decided: sending them to Payroll.
    if (st != lv::ExtensionState::kRequested && s.extension.bureau_chief != person) continue;
    out.push_back(&s);
  }
  return out;
}

Result<YearEndReport> run_year_end(storage::Database& db, const TimeoffContext& ctx,
                                   const std::string& actor, int year, bool apply, Date today) {
  if (apply && today <= Date::from_ymd(year, 12, 31)) {
    return failed_precondition("4.010-POL-7: the year " + std::to_string(year) +
                               " can be settled only after December 31; run a dry run until then");
  }
  RC_ASSIGN_OR_RETURN(Date deadline, ctx.furlough_deadline(year));
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(auto all, tx->ledger_entries(std::nullopt));
  const std::string source = "year-end " + std::to_string(year);
  if (apply) {
    for (const auto& e : all) {
      if (e.source == source) {
        return already_exists("4.010-POL-7: the year " + std::to_string(year) +
                              " was already settled (entry " + std::to_string(e.id) + ")");
      }
    }
  }
  auto ledgers = by_employee(std::move(all));
  RC_ASSIGN_OR_RETURN(auto exts, load_extensions(*tx, std::nullopt));
  std::map<org::EmployeeId, std::vector<lv::ExtensionRequest>> ext_by;
  for (auto& s : exts) ext_by[s.extension.employee].push_back(std::move(s.extension));
  std::vector<lv::EmployeeYearEnd> input;
  input.reserve(ledgers.size());
  for (const auto& [id, entries] : ledgers) {
    auto it = ext_by.find(id);
    input.push_back({id, entries,
                     it == ext_by.end() ? std::span<const lv::ExtensionRequest>{}
                                        : std::span<const lv::ExtensionRequest>(it->second)});
  }
  YearEndReport report;
  RC_ASSIGN_OR_RETURN(report.plan, lv::plan_year_end(ctx.rules().year_end, year, deadline, input));
  if (apply) {
    auto entries = lv::ledger_entries(report.plan);
    report.entries_posted = static_cast<int>(entries.size());
    if (!entries.empty()) RC_RETURN_IF_ERROR(tx->insert_ledger_entries(entries));
    RC_RETURN_IF_ERROR(tx->audit_event("leave-year-end", "leave_ledger", source,
                                       "{\"entries\":" + std::to_string(entries.size()) + "}"));
    RC_RETURN_IF_ERROR(tx->commit());
    report.applied = true;
  }
  return report;
}

}  // namespace rollcall::app::timeoff
