// Runs every tests/scenarios/pmp/plan/*.scenario file against the Mentoring
// Plan workflow (3.070-PRO-2), the §6 debrief restrictions and the §6 weekly
// compliance. Files are named after the clause they prove
// (3.070-PRO-2-extension.scenario). A file reads as the plan's log: who is
// who, the review the plan comes from, then each dated step by a named person,
// each followed by what should be true afterwards. One statement per line,
// # comments.
//
// Set-up (before the first step):
//   person NAME ID ROLE[,ROLE…] [in-chain]      as in the PRO-1 scenarios
//   review EMPLOYEE captain=NAME lieutenant=NAME sergeant=NAME bureau-chief=NAME
//          period=30|60|90|other=DAYS|no-review [items=A,B] [state=STATE]
//       a PRO-1 review (default state plan-designated, the end of PRO-1)
//   schedule half-months|interval [mid=DAY] [every=DAYS] [min-first=DAYS]
//   deadlines NAME=DAYS …   review-with-employee, report-grace, report-resubmit,
//       report-concurrence, final-recommendation, corrections, lieutenant,
//       captain, coordinator, bureau-chief
//   weekly [week-starts=sunday|monday|…] [ride-alongs=N] [longer-than=MIN]
//          [accompaniments=N] [debrief-within=DAYS] [partial=prorate|exempt|full]
//   event ID KIND DATE [employee=NAME] [force=I|II|III] [firearm] [opa|eeo]
//          [open|closed] [disposition=TEXT] [interview=DATE] [interviewed] [withdrawn]
//       an indicator event of the plan's employee (unless employee=)
//
// Steps: DATE ACTOR VERB ARGUMENTS [COMMENTS…]
//   DATE A opens-plan                                          PRO-2.1
//   DATE A reviews-plan COMMENTS…                              PRO-2.2
//   DATE A logs KIND [on=DATE] [minutes=N] [contact=C] [subject=S] [event=ID]
//          [feedback=WORDS-WITH-DASHES] NOTES…                 PRO-2.4–2.5
//   DATE A modifies-plan ITEM,ITEM REASON…                     PRO-2.6
//   DATE A submits-report DUE [checklist=A,B] [pas=REF] [COMMENTS…]   PRO-2.7–2.8
//   DATE A concurs-report DUE [COMMENTS…]                      PRO-2.3
//   DATE A returns-report DUE COMMENTS…                        PRO-2.3
//   DATE A recommends participated=yes|no progressed=yes|no COMMENTS…   PRO-2.9
//   DATE A returns-to-sergeant COMMENTS…                       PRO-2.10
//   DATE A specifies remove|keep [COMMENTS…]                   PRO-2.11
//   DATE A forwards-to-captain                                 PRO-2.12
//   DATE A returns-to-lieutenant COMMENTS…                     PRO-2.13
//   DATE A designates completion | extension DAYS              PRO-2.14
//   DATE A receives                                            PRO-2.15
//   DATE A forwards-to-bureau-chief                            PRO-2.16
//   DATE A completes                                           PRO-2.18
//   DATE A directs-additional-actions COMMENTS…                PRO-2.18
// A debrief of an indicator event (logs debrief subject=indicator-event
// event=ID) passes that event's debrief_view on the entry's date. A step that
// fails leaves the plan as it was and must be followed by expect-denied,
// expect-refused or expect-invalid.
//
// Expectations:
//   expect-denied PRO-2.N | expect-refused WORD | expect-invalid [WORD]
//       WORD must appear in the message (for refused: before "; it is")
//   expect-state STATE
//   expect-period START END|none
//   expect-due DATE|none              expect-overdue DATE yes|no
//   expect-report-dates THROUGH DUE,DUE…|none    slots due through THROUGH
//   expect-report-issued DUE ISSUED
//   expect-report DUE missing|submitted|returned|concurred
//   expect-overdue-reports TODAY DUE,DUE…|none
//   expect-version N ITEM,ITEM…       the current version of the plan's items
//   expect-coaching N                 entries logged
//   expect-logged-detail EVENT_ID full|general-issues-only
//   expect-debrief EVENT_ID ON full|general-issues-only|existence-only [WORD]
//       debrief_view of the event on ON; WORD must appear in its reason
//   expect-weeks THROUGH N            weeks judged through THROUGH
//   expect-week THROUGH WEEK_START compliant|missing [ride-alongs=DONE/REQ]
//          [accompaniments=DONE/REQ] [required=ID,…|none] [missing=ID,…|none]
//          [pending=ID,…|none] [first=DATE] [last=DATE]
//   expect-no-week THROUGH WEEK_START  that week is not judged yet
//   expect-recommendation participated=yes|no progressed=yes|no | none
//   expect-removal yes|no|none
//   expect-closed DATE|none   expect-extensions N   expect-returns N   expect-history N
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "domain/pmp/plan/plan_workflow.h"
#include "domain/pmp/plan/weekly_compliance.h"
#include "support/scenario_file.h"

namespace rollcall::pmp::plan {
namespace {

namespace fs = std::filesystem;
using access::Role;

fs::path dir() { return fs::path(ROLLCALL_SOURCE_DIR) / "tests" / "scenarios" / "pmp" / "plan"; }

std::optional<Role> parse_role(const std::string& s) {
  if (s == "sergeant") return Role::kSupervisor;
  if (s == "coordinator") return Role::kCoordinator;
  for (int i = 0; i <= static_cast<int>(Role::kAdministrator); ++i) {
    if (access::to_string(static_cast<Role>(i)) == s) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// "key=value" → value if the word starts with key=.
std::optional<std::string> option(const std::string& word, const std::string& key) {
  if (word.rfind(key + "=", 0) == 0) return word.substr(key.size() + 1);
  return std::nullopt;
}

std::string join(const std::vector<Date>& dates) {
  std::string out;
  for (Date d : dates) out += (out.empty() ? "" : ",") + d.to_string();
  return out.empty() ? "none" : out;
}

std::string join(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out.empty() ? "none" : out;
}

struct Person {
  org::EmployeeId id = 0;
  std::vector<Role> roles;
  bool in_chain = false;
};

class Scenario final : public testing::ScenarioRunner {
 public:
  explicit Scenario(std::string name) : ScenarioRunner(dir(), std::move(name)) {}

  void finish() const { EXPECT_TRUE(pending_.is_ok()) << "unexpected " << pending_.to_string(); }

 private:
  const Person& person(const std::string& name) {
    auto it = people_.find(name);
    if (it == people_.end()) {
      ADD_FAILURE() << where() << ": no person named " << name;
      static const Person kNobody;
      return kNobody;
    }
    return it->second;
  }

  static std::string rest(const std::vector<std::string>& w, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
    return out;
  }

  bool yes_no(const std::string& s) {
    EXPECT_TRUE(s == "yes" || s == "no") << where() << ": yes or no, not " << s;
    return s == "yes";
  }

  void person_line(const std::vector<std::string>& w) {
    ASSERT_GE(w.size(), 4u) << where();
    Person p;
    p.id = std::stoll(w[2]);
    for (const std::string& r : split_commas(w[3])) {
      auto role = parse_role(r);
      EXPECT_TRUE(role) << where() << ": role " << r;
      if (role) p.roles.push_back(*role);
    }
    for (std::size_t i = 4; i < w.size(); ++i) {
      EXPECT_EQ(w[i], "in-chain") << where() << ": unknown person option";
      p.in_chain = true;
    }
    people_[w[1]] = p;
  }

  void review_line(const std::vector<std::string>& w) {
    ASSERT_GE(w.size(), 2u) << where();
    review::Review r;
    r.id = 7;
    r.employee = person(w[1]).id;
    r.state = review::ReviewState::kPlanDesignated;
    r.plan_items = {"ride-alongs", "de-escalation-training"};
    review::Designation d;
    d.plan = true;
    for (std::size_t i = 2; i < w.size(); ++i) {
      if (auto v = option(w[i], "captain")) {
        r.captain = person(*v).id;
      } else if (auto v = option(w[i], "lieutenant")) {
        r.lieutenant = person(*v).id;
      } else if (auto v = option(w[i], "sergeant")) {
        r.sergeant = person(*v).id;
      } else if (auto v = option(w[i], "bureau-chief")) {
        r.bureau_chief = person(*v).id;
      } else if (auto v = option(w[i], "items")) {
        r.plan_items = split_commas(*v);
      } else if (auto v = option(w[i], "state")) {
        auto s = review::parse_review_state(*v);
        EXPECT_TRUE(s) << where() << ": review state " << *v;
        if (s) r.state = *s;
      } else if (auto v = option(w[i], "period")) {
        if (*v == "30")
          d.period = review::ReviewPeriod::k30Days;
        else if (*v == "60")
          d.period = review::ReviewPeriod::k60Days;
        else if (*v == "90")
          d.period = review::ReviewPeriod::k90Days;
        else if (*v == "no-review")
          d.period = review::ReviewPeriod::kNoReviewNecessary;
        else if (auto days = option(*v, "other")) {
          d.period = review::ReviewPeriod::kOther;
          d.other_days = std::stoi(*days);
        } else {
          ADD_FAILURE() << where() << ": period " << *v;
        }
      } else {
        ADD_FAILURE() << where() << ": unknown review option " << w[i];
      }
    }
    r.designation = d;
    review_ = r;
  }

  void schedule_line(const std::vector<std::string>& w) {
    ASSERT_GE(w.size(), 2u) << where();
    auto style = parse_schedule_style(w[1]);
    ASSERT_TRUE(style) << where() << ": schedule style " << w[1];
    schedule_.style = *style;
    for (std::size_t i = 2; i < w.size(); ++i) {
      if (auto v = option(w[i], "mid"))
        schedule_.mid_month_day = std::stoi(*v);
      else if (auto v = option(w[i], "every"))
        schedule_.interval_days = std::stoi(*v);
      else if (auto v = option(w[i], "min-first"))
        schedule_.min_first_report_days = std::stoi(*v);
      else
        ADD_FAILURE() << where() << ": unknown schedule option " << w[i];
    }
  }

  void deadlines_line(const std::vector<std::string>& w) {
    static const std::map<std::string, int PlanDeadlines::*> kFields{
        {"review-with-employee", &PlanDeadlines::review_with_employee_days},
        {"report-grace", &PlanDeadlines::report_grace_days},
        {"report-resubmit", &PlanDeadlines::report_resubmit_days},
        {"report-concurrence", &PlanDeadlines::report_concurrence_days},
        {"final-recommendation", &PlanDeadlines::final_recommendation_days},
        {"corrections", &PlanDeadlines::corrections_days},
        {"lieutenant", &PlanDeadlines::lieutenant_days},
        {"captain", &PlanDeadlines::captain_days},
        {"coordinator", &PlanDeadlines::coordinator_days},
        {"bureau-chief", &PlanDeadlines::bureau_chief_days},
    };
    for (std::size_t i = 1; i < w.size(); ++i) {
      const auto eq = w[i].find('=');
      auto it = kFields.find(w[i].substr(0, eq));
      ASSERT_TRUE(eq != std::string::npos && it != kFields.end()) << where() << ": " << w[i];
      deadlines_.*(it->second) = std::stoi(w[i].substr(eq + 1));
    }
  }

  void weekly_line(const std::vector<std::string>& w) {
    static const std::map<std::string, std::chrono::weekday> kDays{
        {"sunday", std::chrono::Sunday},     {"monday", std::chrono::Monday},
        {"tuesday", std::chrono::Tuesday},   {"wednesday", std::chrono::Wednesday},
        {"thursday", std::chrono::Thursday}, {"friday", std::chrono::Friday},
        {"saturday", std::chrono::Saturday}};
    for (std::size_t i = 1; i < w.size(); ++i) {
      if (auto v = option(w[i], "week-starts")) {
        ASSERT_TRUE(kDays.count(*v)) << where() << ": day " << *v;
        weekly_.week_starts = kDays.at(*v);
      } else if (auto v = option(w[i], "ride-alongs")) {
        weekly_.ride_alongs = std::stoi(*v);
      } else if (auto v = option(w[i], "longer-than")) {
        weekly_.ride_along_longer_than_minutes = std::stoi(*v);
      } else if (auto v = option(w[i], "accompaniments")) {
        weekly_.accompaniments = std::stoi(*v);
      } else if (auto v = option(w[i], "debrief-within")) {
        weekly_.debrief_within_days = std::stoi(*v);
      } else if (auto v = option(w[i], "partial")) {
        auto p = parse_partial_week(*v);
        ASSERT_TRUE(p) << where() << ": partial " << *v;
        weekly_.partial = *p;
      } else {
        ADD_FAILURE() << where() << ": unknown weekly option " << w[i];
      }
    }
  }

  void event_line(const std::vector<std::string>& w) {
    ASSERT_GE(w.size(), 4u) << where() << ": event ID KIND DATE …";
    ASSERT_TRUE(review_) << where() << ": events after the review line";
    EventForDebrief e;
    e.event.id = std::stoll(w[1]);
    auto kind = parse_event_kind(w[2]);
    ASSERT_TRUE(kind) << where() << ": kind " << w[2];
    e.event.kind = *kind;
    e.event.date = date(w[3]);
    e.event.employee = review_->employee;
    for (std::size_t i = 4; i < w.size(); ++i) {
      if (auto v = option(w[i], "employee")) {
        e.event.employee = person(*v).id;
      } else if (auto v = option(w[i], "force")) {
        e.event.force_type = parse_force_type(*v);
        EXPECT_TRUE(e.event.force_type) << where() << ": force " << *v;
      } else if (w[i] == "firearm") {
        e.event.firearm_discharge = true;
      } else if (w[i] == "opa" || w[i] == "eeo") {
        e.event.complaint_source = parse_complaint_source(w[i]);
      } else if (w[i] == "open" || w[i] == "closed") {
        e.event.complaint_open = w[i] == "open";
      } else if (auto v = option(w[i], "disposition")) {
        e.event.disposition = *v;
      } else if (auto v = option(w[i], "interview")) {
        e.opa_interview = date(*v);
      } else if (w[i] == "interviewed") {
        e.event.opa_interview_given = true;
      } else if (w[i] == "withdrawn") {
        e.event.withdrawn = true;
      } else {
        ADD_FAILURE() << where() << ": unknown event option " << w[i];
      }
    }
    events_.push_back(e);
  }

  const EventForDebrief* event(std::int64_t id) const {
    for (const auto& e : events_) {
      if (e.event.id == id) return &e;
    }
    return nullptr;
  }

  ActorContext context(const Person& p) const { return {p.id, p.roles, p.in_chain}; }

  // logs KIND [options] NOTES…
  void coaching(Action& a, const std::vector<std::string>& w, std::size_t& i) {
    a.kind = ActionKind::kLogCoaching;
    CoachingEntry e;
    e.date = a.on;
    if (i < w.size()) {
      auto k = parse_coaching_kind(w[i]);
      EXPECT_TRUE(k) << where() << ": coaching kind " << w[i];
      if (k) e.kind = *k;
      ++i;
    }
    for (; i < w.size(); ++i) {
      if (auto v = option(w[i], "on")) {
        e.date = date(*v);
      } else if (auto v = option(w[i], "minutes")) {
        e.minutes = std::stoi(*v);
      } else if (auto v = option(w[i], "contact")) {
        e.contact = parse_contact_kind(*v);
        EXPECT_TRUE(e.contact) << where() << ": contact " << *v;
      } else if (auto v = option(w[i], "subject")) {
        e.subject = parse_debrief_subject(*v);
        EXPECT_TRUE(e.subject) << where() << ": subject " << *v;
      } else if (auto v = option(w[i], "event")) {
        e.event_id = std::stoll(*v);
      } else if (auto v = option(w[i], "feedback")) {
        e.employee_feedback = *v;
      } else {
        break;
      }
    }
    e.notes = rest(w, i);
    i = w.size();
    if (e.event_id) {
      if (const EventForDebrief* ev = event(*e.event_id)) {
        a.debrief = debrief_view(ev->event, ev->opa_interview, e.date);
      }
    }
    a.entry = e;
  }

  void statement(const std::vector<std::string>& w) override {
    if (!pending_.is_ok()) {
      ADD_FAILURE() << where()
                    << ": the previous step failed unexpectedly: " << pending_.to_string();
      pending_ = Status::ok();
    }
    const std::string& kw = w[0];
    if (kw == "person") return person_line(w);
    if (kw == "review") return review_line(w);
    if (kw == "schedule") return schedule_line(w);
    if (kw == "deadlines") return deadlines_line(w);
    if (kw == "weekly") return weekly_line(w);
    if (kw == "event") return event_line(w);

    ASSERT_GE(w.size(), 3u) << where() << ": DATE ACTOR VERB …";
    const Date on = date(w[0]);
    const Person& actor = person(w[1]);
    const std::string& verb = w[2];
    const Instant at = Instant(on.sys_days()) + std::chrono::hours(17);

    if (verb == "opens-plan") {
      ASSERT_TRUE(review_) << where() << ": no review line";
      record(open_plan(1, *review_, context(actor), at, on, schedule_));
      return;
    }
    ASSERT_TRUE(plan_) << where() << ": no plan yet (opens-plan first)";
    Action a;
    a.at = at;
    a.on = on;
    std::size_t i = 3;
    auto need = [&](std::size_t n) {
      EXPECT_GE(w.size(), i + n) << where() << ": " << verb << " needs " << n << " argument(s)";
      return w.size() >= i + n;
    };
    if (verb == "reviews-plan") {
      a.kind = ActionKind::kReviewWithEmployee;
    } else if (verb == "logs") {
      coaching(a, w, i);
    } else if (verb == "modifies-plan") {
      a.kind = ActionKind::kModifyPlan;
      if (i < w.size()) a.items = split_commas(w[i++]);
    } else if (verb == "submits-report" || verb == "concurs-report" || verb == "returns-report") {
      if (!need(1)) return;
      a.kind = verb == "submits-report"   ? ActionKind::kSubmitReport
               : verb == "concurs-report" ? ActionKind::kConcurReport
                                          : ActionKind::kReturnReport;
      a.report_due = date(w[i++]);
      for (; i < w.size(); ++i) {
        if (auto v = option(w[i], "checklist")) {
          a.items = split_commas(*v);
        } else if (auto v = option(w[i], "pas")) {
          a.pas_reference = *v;
        } else {
          break;
        }
      }
    } else if (verb == "recommends") {
      a.kind = ActionKind::kRecommend;
      FinalRecommendation r;
      bool given = false;
      for (; i < w.size(); ++i) {
        if (auto v = option(w[i], "participated")) {
          r.participated = yes_no(*v);
          given = true;
        } else if (auto v = option(w[i], "progressed")) {
          r.progressed = yes_no(*v);
          given = true;
        } else {
          break;
        }
      }
      if (given) a.recommendation = r;
    } else if (verb == "returns-to-sergeant") {
      a.kind = ActionKind::kReturnToSergeant;
    } else if (verb == "specifies") {
      a.kind = ActionKind::kSpecify;
      if (i < w.size() && (w[i] == "remove" || w[i] == "keep")) a.remove = w[i++] == "remove";
    } else if (verb == "forwards-to-captain") {
      a.kind = ActionKind::kForwardToCaptain;
    } else if (verb == "returns-to-lieutenant") {
      a.kind = ActionKind::kReturnToLieutenant;
    } else if (verb == "designates") {
      a.kind = ActionKind::kDesignate;
      if (i < w.size() && w[i] == "completion") {
        a.designation = CaptainDesignation{true, 0};
        ++i;
      } else if (i + 1 < w.size() && w[i] == "extension") {
        a.designation = CaptainDesignation{false, std::stoi(w[i + 1])};
        i += 2;
      }
    } else if (verb == "receives") {
      a.kind = ActionKind::kReceive;
    } else if (verb == "forwards-to-bureau-chief") {
      a.kind = ActionKind::kForwardToBureauChief;
    } else if (verb == "completes") {
      a.kind = ActionKind::kComplete;
    } else if (verb == "directs-additional-actions") {
      a.kind = ActionKind::kDirectAdditionalActions;
    } else {
      ADD_FAILURE() << where() << ": unknown step " << verb;
      return;
    }
    a.comments = rest(w, i);
    record(apply(*plan_, a, context(actor)));
  }

  void record(Result<Plan> r) {
    if (r) {
      plan_ = std::move(r).value();
    } else {
      pending_ = r.status();
    }
  }

  void expect_error(StatusCode code, const std::string& word, const std::string& text,
                    const std::string& mention) {
    EXPECT_EQ(pending_.code(), code) << where() << ": expected " << word << ", got "
                                     << (pending_.is_ok() ? "success" : pending_.to_string());
    if (!mention.empty()) {
      EXPECT_NE(text.find(mention), std::string::npos)
          << where() << ": the message should name " << mention << ": " << pending_.to_string();
    }
    pending_ = Status::ok();
  }

  std::vector<WeekCompliance> weeks(const std::string& through) {
    std::vector<EventForDebrief> events = events_;
    return weekly_compliance(*plan_, events, date(through), weekly_);
  }

  void expect_week(const std::vector<std::string>& w) {
    ASSERT_GE(w.size(), 4u) << where() << ": expect-week THROUGH WEEK_START compliant|missing …";
    const Date start = date(w[2]);
    const auto all = weeks(w[1]);
    const WeekCompliance* wk = nullptr;
    for (const auto& x : all) {
      if (x.week_start == start) wk = &x;
    }
    ASSERT_TRUE(wk) << where() << ": no judged week starting " << w[2];
    std::string missing;
    for (const auto& m : wk->missing) missing += "[" + m + "] ";
    EXPECT_EQ(wk->compliant, w[3] == "compliant") << where() << ": missing " << missing;
    for (std::size_t i = 4; i < w.size(); ++i) {
      if (auto v = option(w[i], "ride-alongs")) {
        EXPECT_EQ(
            std::to_string(wk->ride_alongs_done) + "/" + std::to_string(wk->ride_alongs_required),
            *v)
            << where() << ": ride-alongs done/required";
      } else if (auto v = option(w[i], "accompaniments")) {
        EXPECT_EQ(std::to_string(wk->accompaniments_done) + "/" +
                      std::to_string(wk->accompaniments_required),
                  *v)
            << where() << ": accompaniments done/required";
      } else if (auto v = option(w[i], "required")) {
        EXPECT_EQ(join(wk->debriefs_required), *v) << where() << ": debriefs required";
      } else if (auto v = option(w[i], "missing")) {
        EXPECT_EQ(join(wk->debriefs_missing), *v) << where() << ": debriefs missing";
      } else if (auto v = option(w[i], "pending")) {
        EXPECT_EQ(join(wk->debriefs_pending), *v) << where() << ": debriefs pending";
      } else if (auto v = option(w[i], "first")) {
        EXPECT_EQ(wk->first.to_string(), *v) << where() << ": first day";
      } else if (auto v = option(w[i], "last")) {
        EXPECT_EQ(wk->last.to_string(), *v) << where() << ": last day";
      } else {
        ADD_FAILURE() << where() << ": unknown week expectation " << w[i];
      }
    }
  }

  void expect(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    const std::string arg = w.size() > 1 ? w[1] : "";
    if (kw == "expect-denied") {
      expect_error(StatusCode::kPermissionDenied, "PERMISSION_DENIED", pending_.message(),
                   arg.empty() ? "" : "3.070-" + arg);
      return;
    }
    if (kw == "expect-refused") {
      const std::string head = pending_.message().substr(0, pending_.message().find("; it is"));
      expect_error(StatusCode::kFailedPrecondition, "FAILED_PRECONDITION", head, arg);
      return;
    }
    if (kw == "expect-invalid") {
      expect_error(StatusCode::kInvalidArgument, "INVALID_ARGUMENT", pending_.message(), arg);
      return;
    }
    if (kw == "expect-debrief") {
      ASSERT_GE(w.size(), 4u) << where() << ": expect-debrief EVENT_ID ON DETAIL [WORD]";
      const EventForDebrief* e = event(std::stoll(w[1]));
      ASSERT_TRUE(e) << where() << ": no event " << w[1];
      const DebriefView v = debrief_view(e->event, e->opa_interview, date(w[2]));
      EXPECT_TRUE(parse_debrief_detail(w[3])) << where() << ": no detail " << w[3];
      EXPECT_EQ(to_string(v.detail), w[3]) << where() << ": " << v.reason;
      EXPECT_EQ(v.clause, "3.070-POL-6") << where();
      EXPECT_EQ(v.event_id, e->event.id) << where();
      EXPECT_EQ(v.date, e->event.date) << where();
      EXPECT_EQ(v.kind, e->event.kind) << where();
      if (w.size() > 4) {
        EXPECT_NE(v.reason.find(w[4]), std::string::npos) << where() << ": reason " << v.reason;
      }
      return;
    }
    ASSERT_TRUE(pending_.is_ok()) << where() << ": the step failed: " << pending_.to_string();
    ASSERT_TRUE(plan_) << where() << ": no plan";
    const Plan& p = *plan_;
    if (kw == "expect-state") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_TRUE(parse_plan_state(w[1])) << where() << ": no state " << w[1];
      EXPECT_EQ(to_string(p.state), w[1]) << where();
    } else if (kw == "expect-period") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(p.start.to_string(), w[1]) << where() << ": start";
      EXPECT_EQ(p.period_end ? p.period_end->to_string() : "none", w[2]) << where() << ": end";
    } else if (kw == "expect-due") {
      ASSERT_EQ(w.size(), 2u) << where();
      const auto d = due(p, deadlines_);
      EXPECT_EQ(d ? d->to_string() : "none", w[1])
          << where() << " (state " << to_string(p.state) << ")";
    } else if (kw == "expect-overdue") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(overdue(p, date(w[1]), deadlines_), w[2] == "yes") << where();
    } else if (kw == "expect-report-dates") {
      ASSERT_EQ(w.size(), 3u) << where();
      std::vector<Date> dues;
      for (const ReportSlot& s : report_slots(p, date(w[1]))) dues.push_back(s.due);
      EXPECT_EQ(join(dues), w[2]) << where();
    } else if (kw == "expect-report-issued") {
      ASSERT_EQ(w.size(), 3u) << where();
      std::string issued = "none";
      for (const ReportSlot& s : report_slots(p, date(w[1]))) {
        if (s.due == date(w[1])) issued = s.issued.to_string();
      }
      EXPECT_EQ(issued, w[2]) << where();
    } else if (kw == "expect-report") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(to_string(report_status(p, date(w[1]))), w[2]) << where();
    } else if (kw == "expect-overdue-reports") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(join(overdue_reports(p, date(w[1]), deadlines_)), w[2]) << where();
    } else if (kw == "expect-version") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(p.versions.back().version, std::stoi(w[1])) << where();
      EXPECT_EQ(p.versions.back().items, split_commas(w[2])) << where();
    } else if (kw == "expect-coaching") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_EQ(p.coaching.size(), std::stoul(w[1])) << where();
    } else if (kw == "expect-logged-detail") {
      ASSERT_EQ(w.size(), 3u) << where();
      std::string got = "none";
      for (const CoachingEntry& e : p.coaching) {
        if (e.event_id == std::stoll(w[1]) && e.detail) got = std::string(to_string(*e.detail));
      }
      EXPECT_EQ(got, w[2]) << where();
    } else if (kw == "expect-weeks") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(weeks(w[1]).size(), std::stoul(w[2])) << where();
    } else if (kw == "expect-week") {
      expect_week(w);
    } else if (kw == "expect-no-week") {
      ASSERT_EQ(w.size(), 3u) << where();
      for (const auto& x : weeks(w[1])) {
        EXPECT_NE(x.week_start, date(w[2])) << where() << ": the week is judged";
      }
    } else if (kw == "expect-recommendation") {
      if (arg == "none") {
        EXPECT_FALSE(p.recommendation) << where();
      } else {
        ASSERT_EQ(w.size(), 3u) << where();
        ASSERT_TRUE(p.recommendation) << where();
        EXPECT_EQ(p.recommendation->participated, yes_no(option(w[1], "participated").value_or("")))
            << where();
        EXPECT_EQ(p.recommendation->progressed, yes_no(option(w[2], "progressed").value_or("")))
            << where();
      }
    } else if (kw == "expect-removal") {
      const std::string got = p.lieutenant_remove ? (*p.lieutenant_remove ? "yes" : "no") : "none";
      EXPECT_EQ(got, arg) << where();
    } else if (kw == "expect-closed") {
      EXPECT_EQ(p.closed_on ? p.closed_on->to_string() : "none", arg) << where();
    } else if (kw == "expect-extensions") {
      EXPECT_EQ(p.extensions, std::stoi(arg)) << where();
    } else if (kw == "expect-returns") {
      EXPECT_EQ(p.returns, std::stoi(arg)) << where();
    } else if (kw == "expect-history") {
      EXPECT_EQ(p.history.size(), std::stoul(arg)) << where();
    } else {
      ADD_FAILURE() << where() << ": unknown expectation " << kw;
    }
  }

  std::map<std::string, Person> people_;
  std::optional<review::Review> review_;
  ReportSchedule schedule_;
  PlanDeadlines deadlines_;
  WeeklyRules weekly_;
  std::vector<EventForDebrief> events_;
  std::optional<Plan> plan_;
  Status pending_;
};

class PlanScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(PlanScenario, Holds) {
  Scenario s(GetParam());
  s.run();
  s.finish();
}

INSTANTIATE_TEST_SUITE_P(Files, PlanScenario, ::testing::ValuesIn(testing::scenario_names(dir())),
                         [](const auto& info) { return testing::scenario_test_name(info.param); });

}  // namespace
}  // namespace rollcall::pmp::plan
