// 3.070 §5 over HTTP (issue 5): the Coordinator's precinct-level information
// for a period — uses of force by type, OPA complaints and their
// dispositions, the officers who triggered reviews, and review frequency by
// supervisor to find supervisors who need training. An aggregate
// (Resource::kPmpAggregate): no officer is named. A supervisor is named only
// to a caller who may read that supervisor's own PMP record (the Coordinator,
// the Chief, their chain); the Committee sees them numbered.
#include <nlohmann/json.hpp>

#include "api/csv_response.h"
#include "api/endpoint.h"
#include "api/json_codecs.h"
#include "api/routes.h"
#include "app/pmp/review/review_service.h"
#include "domain/pmp/plan/precinct_statistics.h"

namespace rollcall::api {
namespace {

using nlohmann::json;
namespace pl = pmp::plan;

Result<http::Response> program_statistics(Ctx& ctx) {
  RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kPmpAggregate));
  RC_ASSIGN_OR_RETURN(auto from_param, ctx.date_param("from"));
  RC_ASSIGN_OR_RETURN(auto to_param, ctx.date_param("to"));
  const Date to = to_param.value_or(ctx.caller.today);
  const Date from = from_param.value_or(to.minus_months(6).plus_days(1));
  if (to < from) return validation_failed("the period is empty", {{"to", "before from"}});
  if (days_between(from, to) > 731) {
    return validation_failed("the period is too long", {{"from", "at most two years before to"}});
  }
  double multiple = 2.0;
  if (const std::string m = ctx.request.query_param("flag_multiple"); !m.empty()) {
    try {
      multiple = std::stod(m);
    } catch (const std::exception&) {
      multiple = -1;
    }
    if (!(multiple > 0)) {
      return validation_failed("flag_multiple", {{"flag_multiple", "a positive number"}});
    }
  }
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  std::vector<app::review::StoredReview> stored;
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(stored, app::review::load_reviews(*db, std::nullopt));
  }
  std::vector<pl::ReviewOpened> reviews;
  for (const auto& s : stored) {
    if (!s.review.history.empty()) {
      reviews.push_back({s.review.employee, s.review.history.front().on});
    }
  }
  std::vector<pmp::IndicatorEvent> events;
  events.reserve(pmp->latest.size());
  for (const auto& [id, e] : pmp->latest) events.push_back(*e);
  const org::OrgSnapshot& org = ctx.org().org();
  std::vector<org::EmployeeId> officers;
  for (const org::Employee& e : org.data().employees) officers.push_back(e.id);
  RC_ASSIGN_OR_RETURN(pl::PrecinctReport report,
                      pl::precinct_statistics(
                          from, to, events, reviews, officers,
                          [&org](org::EmployeeId e, Date d) { return pl::placement_on(org, e, d); },
                          pl::FrequencyRules{multiple, 2}));

  json precincts = json::array();
  json supervisor_rows = json::array();
  int numbered = 0;
  for (const pl::PrecinctStatistics& p : report.precincts) {
    json supervisors = json::array();
    for (const pl::SupervisorFrequency& s : p.supervisors) {
      json row{{"officers", s.officers},
               {"reviews", s.reviews},
               {"rate", s.rate},
               {"flagged", s.flagged}};
      if (ctx.may(access::Action::kRead, access::Resource::kPmpRecord, s.sergeant)) {
        row["supervisor"] = employee_ref(ctx.org(), s.sergeant, to);
      } else {
        row["supervisor"] = json{{"label", "supervisor " + std::to_string(++numbered)}};
      }
      json csv_row = row;
      csv_row["precinct"] = unit_ref(ctx.org(), p.precinct);
      supervisor_rows.push_back(std::move(csv_row));
      supervisors.push_back(std::move(row));
    }
    precincts.push_back(json{{"precinct", unit_ref(ctx.org(), p.precinct)},
                             {"uses_of_force", p.uses_of_force},
                             {"uses_of_force_by_type", p.uses_of_force_by_type},
                             {"firearm_discharges", p.firearm_discharges},
                             {"opa_complaints", p.opa_complaints},
                             {"opa_dispositions", p.opa_dispositions},
                             {"officers_with_reviews", p.officers_with_reviews},
                             {"reviews", p.reviews},
                             {"supervisors", std::move(supervisors)}});
  }
  ctx.audit_read("pmp_statistics", from.to_string() + ".." + to.to_string(), json::object());
  const std::string format = ctx.request.query_param("format");
  if (format == "csv") {
    return csv_response(precincts,
                        {{"precinct", "/precinct/code"},
                         {"uses_of_force", "/uses_of_force"},
                         {"type_I", "/uses_of_force_by_type/I"},
                         {"type_II", "/uses_of_force_by_type/II"},
                         {"type_III", "/uses_of_force_by_type/III"},
                         {"firearm_discharges", "/firearm_discharges"},
                         {"opa_complaints", "/opa_complaints"},
                         {"opa_open", "/opa_dispositions/open"},
                         {"officers_with_reviews", "/officers_with_reviews"},
                         {"reviews", "/reviews"}},
                        "pmp-precincts.csv");
  }
  if (format == "supervisors-csv") {
    return csv_response(supervisor_rows,
                        {{"precinct", "/precinct/code"},
                         {"supervisor_serial", "/supervisor/serial"},
                         {"supervisor", "/supervisor/name"},
                         {"label", "/supervisor/label"},
                         {"officers", "/officers"},
                         {"reviews", "/reviews"},
                         {"rate", "/rate"},
                         {"flagged", "/flagged"}},
                        "pmp-supervisors.csv");
  }
  return json_response(200, json{{"from", from.to_string()},
                                 {"to", to.to_string()},
                                 {"department_rate", report.department_rate},
                                 {"flag_multiple", multiple},
                                 {"unplaced", report.unplaced},
                                 {"precincts", std::move(precincts)}});
}

}  // namespace

void add_program_statistics_routes(Api& api) {
  api.add("GET", "/api/v1/pmp-statistics", program_statistics);
}

}  // namespace rollcall::api
