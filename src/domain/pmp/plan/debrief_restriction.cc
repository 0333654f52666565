#include "domain/pmp/plan/debrief_restriction.h"

namespace rollcall::pmp::plan {
namespace {

constexpr std::string_view kClause = "3.070-POL-6";

DebriefView view(const IndicatorEvent& e, DebriefDetail detail, std::string reason) {
  return {e.id, e.kind, e.date, detail, std::string(kClause), std::move(reason)};
}

}  // namespace

std::string_view to_string(DebriefDetail d) {
  switch (d) {
    case DebriefDetail::kFull:
      return "full";
    case DebriefDetail::kGeneralIssuesOnly:
      return "general-issues-only";
    case DebriefDetail::kExistenceOnly:
      return "existence-only";
  }
  return "?";
}

std::optional<DebriefDetail> parse_debrief_detail(std::string_view s) {
  for (DebriefDetail d :
       {DebriefDetail::kFull, DebriefDetail::kGeneralIssuesOnly, DebriefDetail::kExistenceOnly}) {
    if (to_string(d) == s) return d;
  }
  return std::nullopt;
}

DebriefView debrief_view(const IndicatorEvent& e, std::optional<Date> opa_interview, Date on) {
  if (e.withdrawn) {
    return view(e, DebriefDetail::kExistenceOnly,
                "withdrawn event (a duplicate or an error): nothing to debrief");
  }
  if (e.kind == EventKind::kUseOfForce) {
    if (e.firearm_discharge) {
      return view(e, DebriefDetail::kExistenceOnly,
                  "firearms discharge: cannot be discussed in detail (Labor Agreements and "
                  "Department Policy)");
    }
    if (!e.force_type) {
      return view(e, DebriefDetail::kExistenceOnly,
                  "use of force not yet designated by type: withheld until designated, as it "
                  "may be Type III");
    }
    if (*e.force_type == ForceType::kIII) {
      return view(e, DebriefDetail::kExistenceOnly,
                  "Type III use of force: cannot be discussed in detail (Labor Agreements and "
                  "Department Policy)");
    }
    return view(e, DebriefDetail::kFull,
                "Type " + std::string(to_string(*e.force_type)) +
                    " use of force: may be debriefed in full");
  }
  if (e.kind == EventKind::kComplaint) {
    const bool opa = !e.complaint_source || *e.complaint_source == ComplaintSource::kOpa;
    if (!opa) return view(e, DebriefDetail::kFull, "EEO complaint: not restricted by 3.070 §6");
    if (!e.complaint_open) {
      return view(e, DebriefDetail::kFull, "closed OPA complaint: may be debriefed in full");
    }
    const bool interviewed = opa_interview ? *opa_interview <= on : e.opa_interview_given;
    if (interviewed) {
      return view(e, DebriefDetail::kGeneralIssuesOnly,
                  "open OPA complaint, the employee has given a statement and been interviewed "
                  "by OPA: general issues and best practices only");
    }
    return view(e, DebriefDetail::kExistenceOnly,
                "open OPA complaint: cannot be discussed in detail until the employee has given "
                "a statement and been interviewed by OPA");
  }
  return view(e, DebriefDetail::kFull,
              std::string(to_string(e.kind)) + ": may be debriefed in full");
}

bool debriefable(const DebriefView& v) { return v.detail != DebriefDetail::kExistenceOnly; }

}  // namespace rollcall::pmp::plan
