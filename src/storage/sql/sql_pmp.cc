// 3.070 tables: indicator events (identity + versions) and threshold sets.
#include <nlohmann/json.hpp>

#include "storage/sql/sql_errors.h"
#include "storage/sql/sql_internal.h"
#include "time/instant.h"

namespace rollcall::storage::sql {
namespace {

using nlohmann::json;

json to_json(const pmp::IndicatorEvent& e) {
  json j{{"employee_id", e.employee},
         {"kind", pmp::to_string(e.kind)},
         {"version", e.version},
         {"date", e.date.to_string()},
         {"incident_number", e.incident_number},
         {"source_system", e.source_system},
         {"withdrawn", e.withdrawn}};
  if (!e.note.empty()) j["note"] = e.note;
  switch (e.kind) {
    case pmp::EventKind::kSupervisoryRecommendation:
      j["author"] = e.author;
      j["text"] = e.text;
      break;
    case pmp::EventKind::kUseOfForce:
      j["force_type"] = e.force_type ? json(pmp::to_string(*e.force_type)) : json(nullptr);
      j["firearm_discharge"] = e.firearm_discharge;
      j["investigation_status"] = e.investigation_status;
      break;
    case pmp::EventKind::kVehicleCollision:
      j["preventability"] = pmp::to_string(e.preventability);
      j["ruled_on"] = e.ruled_on ? json(e.ruled_on->to_string()) : json(nullptr);
      break;
    case pmp::EventKind::kComplaint:
      j["complaint_source"] =
          e.complaint_source ? json(pmp::to_string(*e.complaint_source)) : json(nullptr);
      j["open"] = e.complaint_open;
      j["disposition"] = e.disposition;
      j["opa_interview_given"] = e.opa_interview_given;
      break;
    default:
      break;
  }
  return j;
}

// Column values of one version row, bound by name.
struct VersionRow {
  long long event_id = 0;
  int version = 1;
  std::string date, author, body, investigation_status, preventability, disposition, note,
      recorded_at, recorded_by;
  NullableDate ruled_on;
  std::string force_type, complaint_source;
  soci::indicator force_ind = soci::i_null, source_ind = soci::i_null;
  int firearm = 0, open = 0, interviewed = 0, withdrawn = 0;

  static VersionRow from(const pmp::IndicatorEvent& e) {
    VersionRow r;
    r.event_id = e.id;
    r.version = e.version;
    r.date = e.date.to_string();
    r.author = e.author;
    r.body = e.text;
    r.investigation_status = e.investigation_status;
    r.preventability = std::string(pmp::to_string(e.preventability));
    r.disposition = e.disposition;
    r.note = e.note;
    r.recorded_at = format_utc(e.recorded_at);
    r.recorded_by = e.recorded_by;
    r.ruled_on = NullableDate::from(e.ruled_on);
    if (e.force_type) {
      r.force_type = std::string(pmp::to_string(*e.force_type));
      r.force_ind = soci::i_ok;
    }
    if (e.complaint_source) {
      r.complaint_source = std::string(pmp::to_string(*e.complaint_source));
      r.source_ind = soci::i_ok;
    }
    r.firearm = e.firearm_discharge ? 1 : 0;
    r.open = e.complaint_open ? 1 : 0;
    r.interviewed = e.opa_interview_given ? 1 : 0;
    r.withdrawn = e.withdrawn ? 1 : 0;
    return r;
  }
};

constexpr const char* kInsertVersion =
    "INSERT INTO indicator_event_versions (event_id, version, event_date, author, body, "
    "force_type, firearm_discharge, investigation_status, preventability, ruled_on, "
    "complaint_source, complaint_open, disposition, opa_interview_given, withdrawn, note, "
    "recorded_at, recorded_by) VALUES (:id, :v, :d, :a, :b, :ft, :fd, :is, :p, :ro, :cs, :co, "
    ":di, :oi, :w, :n, :ra, :rb)";

void insert_version(soci::session& s, VersionRow& r) {
  s << kInsertVersion, soci::use(r.event_id, "id"), soci::use(r.version, "v"),
      soci::use(r.date, "d"), soci::use(r.author, "a"), soci::use(r.body, "b"),
      soci::use(r.force_type, r.force_ind, "ft"), soci::use(r.firearm, "fd"),
      soci::use(r.investigation_status, "is"), soci::use(r.preventability, "p"),
      soci::use(r.ruled_on.text, r.ruled_on.ind, "ro"),
      soci::use(r.complaint_source, r.source_ind, "cs"), soci::use(r.open, "co"),
      soci::use(r.disposition, "di"), soci::use(r.interviewed, "oi"), soci::use(r.withdrawn, "w"),
      soci::use(r.note, "n"), soci::use(r.recorded_at, "ra"), soci::use(r.recorded_by, "rb");
}

}  // namespace

// The two INSERTs of a new event, prepared once per transaction; execute()
// reads the member variables they are bound to.
struct PreparedEventWriter {
  explicit PreparedEventWriter(soci::session& s)
      : event((s.prepare << "INSERT INTO indicator_events (source_key, employee_id, kind, "
                            "source_system, incident_number) VALUES (:k, :e, :kind, :src, :inc) "
                            "RETURNING id",
               soci::use(key, "k"), soci::use(employee, "e"), soci::use(kind, "kind"),
               soci::use(source, "src"), soci::use(incident, "inc"), soci::into(id))),
        version((s.prepare << kInsertVersion, soci::use(row.event_id, "id"),
                 soci::use(row.version, "v"), soci::use(row.date, "d"), soci::use(row.author, "a"),
                 soci::use(row.body, "b"), soci::use(row.force_type, row.force_ind, "ft"),
                 soci::use(row.firearm, "fd"), soci::use(row.investigation_status, "is"),
                 soci::use(row.preventability, "p"),
                 soci::use(row.ruled_on.text, row.ruled_on.ind, "ro"),
                 soci::use(row.complaint_source, row.source_ind, "cs"), soci::use(row.open, "co"),
                 soci::use(row.disposition, "di"), soci::use(row.interviewed, "oi"),
                 soci::use(row.withdrawn, "w"), soci::use(row.note, "n"),
                 soci::use(row.recorded_at, "ra"), soci::use(row.recorded_by, "rb"))) {}

  // Declared before the statements, which bind to them.
  std::string key, kind, source, incident;
  long long employee = 0, id = 0;
  VersionRow row;
  soci::statement event;
  soci::statement version;
};

void PreparedEventWriterDeleter::operator()(PreparedEventWriter* w) const {
  delete w;  // NOLINT(cppcoreguidelines-owning-memory): owned by the unique_ptr
}

EventWriterPtr make_event_writer(soci::session& s) {
  return EventWriterPtr(new PreparedEventWriter(s));  // NOLINT(cppcoreguidelines-owning-memory)
}

Result<std::int64_t> insert_event(AuditAppender& audit, const pmp::IndicatorEvent& e,
                                  const std::string& source_key, PreparedEventWriter& w) {
  return guarded("inserting event " + source_key, [&]() -> Result<std::int64_t> {
    w.key = source_key;
    w.employee = e.employee;
    w.kind = std::string(pmp::to_string(e.kind));
    w.source = e.source_system;
    w.incident = e.incident_number;
    w.event.execute(true);
    pmp::IndicatorEvent stored = e;
    stored.id = w.id;
    stored.version = 1;
    w.row = VersionRow::from(stored);
    w.version.execute(true);
    RC_RETURN_IF_ERROR(
        audit.append("create", "indicator_event", source_key, "", to_json(stored).dump()));
    return stored.id;
  });
}

Status add_event_version(soci::session& s, AuditAppender& audit, const pmp::IndicatorEvent& e) {
  return guarded("correcting event " + std::to_string(e.id), [&]() -> Status {
    RC_ASSIGN_OR_RETURN(auto versions, load_event_versions(s, std::nullopt, e.id));
    if (versions.empty()) return not_found("event " + std::to_string(e.id) + " does not exist");
    const pmp::IndicatorEvent& before = versions.back();
    pmp::IndicatorEvent after = e;
    after.employee = before.employee;  // identity fields are not versioned
    after.kind = before.kind;
    after.source_system = before.source_system;
    after.incident_number = before.incident_number;
    after.version = before.version + 1;
    VersionRow row = VersionRow::from(after);
    insert_version(s, row);
    std::string key;
    const long long id = e.id;
    s << "SELECT source_key FROM indicator_events WHERE id = :id", soci::use(id, "id"),
        soci::into(key);
    return audit.append(after.withdrawn && !before.withdrawn ? "withdraw" : "correct",
                        "indicator_event", key, to_json(before).dump(), to_json(after).dump());
  });
}

Result<std::vector<pmp::IndicatorEvent>> load_event_versions(
    soci::session& s, std::optional<org::EmployeeId> employee, std::optional<std::int64_t> event) {
  return guarded("loading events", [&]() -> Result<std::vector<pmp::IndicatorEvent>> {
    std::vector<pmp::IndicatorEvent> out;
    long long id = 0, emp = 0, filter = 0;
    VersionRow r;
    std::string kind, source, incident;
    std::string where;
    if (employee) {
      where = " WHERE e.employee_id = :f";
      filter = *employee;
    } else if (event) {
      where = " WHERE e.id = :f";
      filter = *event;
    }
    soci::statement st(s);
    st.exchange(soci::into(id));
    st.exchange(soci::into(emp));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(source));
    st.exchange(soci::into(incident));
    st.exchange(soci::into(r.version));
    st.exchange(soci::into(r.date));
    st.exchange(soci::into(r.author));
    st.exchange(soci::into(r.body));
    st.exchange(soci::into(r.force_type, r.force_ind));
    st.exchange(soci::into(r.firearm));
    st.exchange(soci::into(r.investigation_status));
    st.exchange(soci::into(r.preventability));
    st.exchange(soci::into(r.ruled_on.text, r.ruled_on.ind));
    st.exchange(soci::into(r.complaint_source, r.source_ind));
    st.exchange(soci::into(r.open));
    st.exchange(soci::into(r.disposition));
    st.exchange(soci::into(r.interviewed));
    st.exchange(soci::into(r.withdrawn));
    st.exchange(soci::into(r.note));
    st.exchange(soci::into(r.recorded_at));
    st.exchange(soci::into(r.recorded_by));
    if (!where.empty()) st.exchange(soci::use(filter, "f"));
    st.alloc();
    st.prepare(
        "SELECT e.id, e.employee_id, e.kind, e.source_system, e.incident_number, v.version, "
        "v.event_date, v.author, v.body, v.force_type, v.firearm_discharge, "
        "v.investigation_status, v.preventability, v.ruled_on, v.complaint_source, "
        "v.complaint_open, v.disposition, v.opa_interview_given, v.withdrawn, v.note, "
        "v.recorded_at, v.recorded_by FROM indicator_events e JOIN indicator_event_versions v "
        "ON v.event_id = e.id" +
        where + " ORDER BY e.id, v.version");
    st.define_and_bind();
    st.execute();
    while (st.fetch()) {
      pmp::IndicatorEvent e;
      e.id = id;
      e.employee = emp;
      auto k = pmp::parse_event_kind(kind);
      if (!k) return data_loss("stored event kind " + kind);
      e.kind = *k;
      e.source_system = source;
      e.incident_number = incident;
      e.version = r.version;
      RC_ASSIGN_OR_RETURN(e.date, stored_date(r.date, "event_date"));
      e.author = r.author;
      e.text = r.body;
      if (r.force_ind == soci::i_ok) e.force_type = pmp::parse_force_type(r.force_type);
      e.firearm_discharge = r.firearm != 0;
      e.investigation_status = r.investigation_status;
      e.preventability =
          pmp::parse_preventability(r.preventability).value_or(pmp::Preventability::kPending);
      if (r.ruled_on.ind == soci::i_ok) {
        RC_ASSIGN_OR_RETURN(Date d, stored_date(r.ruled_on.text, "ruled_on"));
        e.ruled_on = d;
      }
      if (r.source_ind == soci::i_ok) {
        e.complaint_source = pmp::parse_complaint_source(r.complaint_source);
      }
      e.complaint_open = r.open != 0;
      e.disposition = r.disposition;
      e.opa_interview_given = r.interviewed != 0;
      e.withdrawn = r.withdrawn != 0;
      e.note = r.note;
      RC_ASSIGN_OR_RETURN(e.recorded_at, parse_utc(r.recorded_at));
      e.recorded_by = r.recorded_by;
      out.push_back(std::move(e));
    }
    return out;
  });
}

Result<std::vector<std::pair<std::string, std::int64_t>>> load_event_keys(soci::session& s) {
  return guarded("loading event keys",
                 [&]() -> Result<std::vector<std::pair<std::string, std::int64_t>>> {
                   std::vector<std::pair<std::string, std::int64_t>> out;
                   std::string key;
                   long long id = 0;
                   soci::statement st = (s.prepare << "SELECT source_key, id FROM indicator_events",
                                         soci::into(key), soci::into(id));
                   st.execute();
                   while (st.fetch()) out.emplace_back(key, id);
                   return out;
                 });
}

Result<std::int64_t> insert_threshold_set(soci::session& s, AuditAppender& audit,
                                          const pmp::ThresholdSet& t, const std::string& now,
                                          const std::string& actor) {
  return guarded("inserting threshold set " + t.name, [&]() -> Result<std::int64_t> {
    long long id = 0;
    const std::string effective = t.effective_from.to_string();
    const int starting = t.starting_point ? 1 : 0;
    NullableDate recommended = NullableDate::from(t.committee_recommended_on);
    NullableDate approved = NullableDate::from(t.chief_approved_on);
    s << "INSERT INTO threshold_sets (name, effective_from, starting_point, recent_review_months, "
         "committee_recommendation, committee_recommended_on, chief_approved_by, "
         "chief_approved_on, recorded_at, recorded_by) VALUES (:n, :e, :s, :m, :cr, :cro, :cab, "
         ":cao, :ra, :rb) RETURNING id",
        soci::use(t.name, "n"), soci::use(effective, "e"), soci::use(starting, "s"),
        soci::use(t.recent_review_months, "m"), soci::use(t.committee_recommendation, "cr"),
        soci::use(recommended.text, recommended.ind, "cro"), soci::use(t.chief_approved_by, "cab"),
        soci::use(approved.text, approved.ind, "cao"), soci::use(now, "ra"), soci::use(actor, "rb"),
        soci::into(id);
    json rules;
    for (const auto& [table_name, table] :
         {std::pair<std::string, const pmp::ThresholdTable*>{"initial", &t.initial},
          {"recent-review", &t.recent_review}}) {
      for (const auto& [ind, rule] : *table) {
        std::string indicator(pmp::to_string(ind));
        int count = rule.count, months = rule.months;
        s << "INSERT INTO threshold_rules (set_id, table_name, indicator, threshold_count, "
             "months) VALUES (:id, :t, :i, :c, :m)",
            soci::use(id, "id"), soci::use(table_name, "t"), soci::use(indicator, "i"),
            soci::use(count, "c"), soci::use(months, "m");
        rules[table_name][indicator] = {{"count", count}, {"months", months}};
      }
    }
    json after{{"name", t.name},
               {"effective_from", effective},
               {"starting_point", t.starting_point},
               {"recent_review_months", t.recent_review_months},
               {"committee_recommendation", t.committee_recommendation},
               {"chief_approved_by", t.chief_approved_by},
               {"rules", rules}};
    RC_RETURN_IF_ERROR(
        audit.append("create", "threshold_set", std::to_string(id), "", after.dump()));
    return id;
  });
}

Result<std::vector<pmp::ThresholdSet>> load_threshold_sets(soci::session& s) {
  return guarded("loading threshold sets", [&]() -> Result<std::vector<pmp::ThresholdSet>> {
    std::vector<pmp::ThresholdSet> out;
    {
      long long id = 0;
      int starting = 0, months = 12;
      std::string name, effective, recommendation, approver;
      NullableDate recommended, approved;
      soci::statement st =
          // An approval recorded later (threshold_approvals) completes a set
          // that was stored as a proposal; the set row itself never changes.
          (s.prepare << "SELECT t.id, t.name, t.effective_from, t.starting_point, "
                        "t.recent_review_months, t.committee_recommendation, "
                        "t.committee_recommended_on, COALESCE(a.approved_by, t.chief_approved_by), "
                        "COALESCE(a.approved_on, t.chief_approved_on) FROM threshold_sets t "
                        "LEFT JOIN threshold_approvals a ON a.set_id = t.id "
                        "ORDER BY t.effective_from, t.id",
           soci::into(id), soci::into(name), soci::into(effective), soci::into(starting),
           soci::into(months), soci::into(recommendation),
           soci::into(recommended.text, recommended.ind), soci::into(approver),
           soci::into(approved.text, approved.ind));
      st.execute();
      while (st.fetch()) {
        pmp::ThresholdSet t;
        t.id = id;
        t.name = name;
        RC_ASSIGN_OR_RETURN(t.effective_from, stored_date(effective, "effective_from"));
        t.starting_point = starting != 0;
        t.recent_review_months = months;
        t.committee_recommendation = recommendation;
        if (recommended.ind == soci::i_ok) {
          RC_ASSIGN_OR_RETURN(Date d, stored_date(recommended.text, "committee_recommended_on"));
          t.committee_recommended_on = d;
        }
        t.chief_approved_by = approver;
        if (approved.ind == soci::i_ok) {
          RC_ASSIGN_OR_RETURN(Date d, stored_date(approved.text, "chief_approved_on"));
          t.chief_approved_on = d;
        }
        out.push_back(std::move(t));
      }
    }
    long long set_id = 0;
    int count = 0, months = 0;
    std::string table, indicator;
    soci::statement st = (s.prepare << "SELECT set_id, table_name, indicator, threshold_count, "
                                       "months FROM threshold_rules",
                          soci::into(set_id), soci::into(table), soci::into(indicator),
                          soci::into(count), soci::into(months));
    st.execute();
    while (st.fetch()) {
      auto ind = pmp::parse_indicator(indicator);
      if (!ind) return data_loss("stored indicator " + indicator);
      for (auto& t : out) {
        if (t.id != set_id) continue;
        (table == "initial" ? t.initial : t.recent_review)[*ind] = {count, months};
      }
    }
    return out;
  });
}

}  // namespace rollcall::storage::sql
