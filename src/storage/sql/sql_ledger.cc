// The 4.010 leave ledger (migration 0006): append-only rows in signed minutes.
#include <nlohmann/json.hpp>

#include "storage/sql/sql_errors.h"
#include "storage/sql/sql_internal.h"

namespace rollcall::storage::sql {
namespace {

namespace lv = timeoff::leave;
using nlohmann::json;

struct Row {
  long long id = 0, employee = 0, minutes = 0;
  std::string bank, taken_as, date, kind, source, reason;
};

}  // namespace

Status insert_ledger_entries(soci::session& s, AuditAppender& audit,
                             std::vector<lv::LedgerEntry>& entries, const std::string& now,
                             const std::string& actor) {
  if (entries.empty()) return Status::ok();
  return guarded("recording leave ledger entries", [&]() -> Status {
    // Employees are checked once each, before anything is written.
    std::vector<org::EmployeeId> seen;
    for (const lv::LedgerEntry& e : entries) {
      if (!lv::is_bank(e.bank)) {
        return invalid_argument("ledger entry: " + std::string(lv::to_string(e.bank)) +
                                " is not a balance");
      }
      if (std::find(seen.begin(), seen.end(), e.employee) != seen.end()) continue;
      long long id = e.employee, found = 0;
      s << "SELECT COUNT(*) FROM employees WHERE id = :e", soci::use(id, "e"), soci::into(found);
      if (found == 0)
        return not_found("employee " + std::to_string(e.employee) + " does not exist");
      seen.push_back(e.employee);
    }
    Row r;
    // Prepared once per call: accrual and year-end runs post thousands.
    soci::statement insert =
        (s.prepare << "INSERT INTO leave_ledger (employee_id, bank, taken_as, effective_on, "
                      "minutes, entry_kind, source, reason, recorded_at, recorded_by) VALUES "
                      "(:e, :b, :t, :d, :m, :k, :s, :r, :at, :by) RETURNING id",
         soci::use(r.employee, "e"), soci::use(r.bank, "b"), soci::use(r.taken_as, "t"),
         soci::use(r.date, "d"), soci::use(r.minutes, "m"), soci::use(r.kind, "k"),
         soci::use(r.source, "s"), soci::use(r.reason, "r"), soci::use(now, "at"),
         soci::use(actor, "by"), soci::into(r.id));
    for (lv::LedgerEntry& e : entries) {
      r.employee = e.employee;
      r.bank = std::string(lv::to_string(e.bank));
      r.taken_as = std::string(lv::to_string(e.taken_as));
      r.date = e.date.to_string();
      r.minutes = e.minutes;
      r.kind = std::string(lv::to_string(e.kind));
      r.source = e.source;
      r.reason = e.reason;
      insert.execute(true);
      e.id = r.id;
      const json after{{"employee_id", e.employee}, {"bank", r.bank},
                       {"taken_as", r.taken_as},    {"date", r.date},
                       {"minutes", r.minutes},      {"kind", r.kind},
                       {"source", r.source},        {"reason", r.reason}};
      RC_RETURN_IF_ERROR(
          audit.append("create", "leave_ledger", std::to_string(r.id), "", after.dump()));
    }
    return Status::ok();
  });
}

Result<std::vector<lv::LedgerEntry>> load_ledger_entries(soci::session& s,
                                                         std::optional<org::EmployeeId> employee) {
  return guarded("reading the leave ledger", [&]() -> Result<std::vector<lv::LedgerEntry>> {
    std::vector<lv::LedgerEntry> out;
    Row r;
    long long who = employee.value_or(0);
    const int all = employee ? 0 : 1;
    soci::statement st =
        (s.prepare << "SELECT id, employee_id, bank, taken_as, effective_on, minutes, entry_kind, "
                      "source, reason FROM leave_ledger WHERE (:all = 1 OR employee_id = :e) "
                      "ORDER BY employee_id, effective_on, id",
         soci::use(all, "all"), soci::use(who, "e"), soci::into(r.id), soci::into(r.employee),
         soci::into(r.bank), soci::into(r.taken_as), soci::into(r.date), soci::into(r.minutes),
         soci::into(r.kind), soci::into(r.source), soci::into(r.reason));
    st.execute();
    while (st.fetch()) {
      lv::LedgerEntry e;
      e.id = r.id;
      e.employee = r.employee;
      auto bank = lv::parse_leave_type(r.bank);
      auto taken = lv::parse_leave_type(r.taken_as);
      auto kind = lv::parse_entry_kind(r.kind);
      if (!bank || !taken || !kind) {
        return data_loss("leave ledger row " + std::to_string(r.id) + " has an unknown type");
      }
      e.bank = *bank;
      e.taken_as = *taken;
      RC_ASSIGN_OR_RETURN(e.date, stored_date(r.date, "effective_on"));
      e.minutes = r.minutes;
      e.kind = *kind;
      e.source = r.source;
      e.reason = r.reason;
      out.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace rollcall::storage::sql
