// `rollcall events import`, `evaluate`, `triggers` and `thresholds` end to end
// on each engine, including Seattle's real use-of-force export.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "common/csv.h"
#include "support/cli_fixture.h"

namespace rollcall {
namespace {

namespace fs = std::filesystem;
using testing::raw_sql;
using testing::run_rollcall;

const char* kEmployees =
    "serial,last_name,first_name,category,rank,bargaining_unit,schedule,hire_date\n"
    "100,Ames,Kim,sworn,officer,SPOG,4-2,2015-01-05\n"
    "200,Bell,Ray,sworn,officer,SPOG,4-2,2016-03-01\n";

class CliEventsTest : public testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto org = rc({"org", "import", "--employees", write("e.csv", kEmployees)});
    ASSERT_EQ(org.exit_code, 0) << org.err;
  }
  std::string fingerprint() const {
    return CliTest::fingerprint(
        {"employees", "indicator_events", "indicator_event_versions", "audit_log"});
  }
};

const char* kNative =
    "employee,kind,date,incident_number,source_system,force_type,preventability,ruled_on,"
    "complaint_source\n"
    "100,use-of-force,2026-01-05,UOF-1,blueteam,II,,,\n"
    "100,use-of-force,2026-02-10,UOF-2,blueteam,III,,,\n"
    "100,use-of-force,2026-03-01,UOF-3,blueteam,II,,,\n"
    "100,use-of-force,2026-03-02,UOF-4,blueteam,I,,,\n"
    "200,vehicle-collision,2026-01-10,C-1,fleet,,pending,,\n"
    "200,vehicle-collision,2026-04-01,C-2,fleet,,preventable,2026-04-20,\n"
    "200,complaint,2026-05-01,OPA-9,opa,,,,OPA\n";

TEST_P(CliEventsTest, ImportsEvaluatesAndListsTriggers) {
  auto r = rc({"events", "import", write("events.csv", kNative)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("events: 7 (7 new, 0 corrected, 0 unchanged)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("new triggers: 1 (1 would start a review)"), std::string::npos) << r.out;
  auto t = rc({"triggers", "--format", "csv"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("2026-03-01,100,B,3,3,6,initial,1,new-review,1,UOF-1 UOF-2 UOF-3"),
            std::string::npos)
      << t.out;
  auto e = rc({"evaluate", "--as-of", "2026-03-31", "--format", "csv"});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_NE(e.out.find("100,B,3,3,6,initial,true,UOF-1 UOF-2 UOF-3"), std::string::npos) << e.out;
  auto all = rc({"evaluate", "--as-of", "2026-04-30", "--all", "--employee", "200"});
  EXPECT_NE(all.out.find("C   1      2 in 12 mo"), std::string::npos) << all.out;
}

TEST_P(CliEventsTest, ARulingIsStoredAsANewVersionAndCausesTheTrigger) {
  ASSERT_EQ(rc({"events", "import", write("a.csv", kNative)}).exit_code, 0);
  std::string ruled = kNative;
  ruled.replace(ruled.find("C-1,fleet,,pending,,"), 20, "C-1,fleet,,preventable,2026-06-01,");
  auto r = rc({"events", "import", write("b.csv", ruled)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("events: 7 (0 new, 1 corrected, 6 unchanged)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("new triggers: 1"), std::string::npos) << r.out;
  EXPECT_EQ(raw_sql(target_.url, "SELECT COUNT(*) FROM indicator_event_versions"), "8");
  auto t = rc({"triggers", "--indicator", "C", "--format", "csv"});
  EXPECT_NE(t.out.find("2026-04-01,200,C,2,2,12"), std::string::npos) << t.out;
}

TEST_P(CliEventsTest, JsonLinesImportAndWithdrawal) {
  auto r = rc({"events", "import",
               write("e.jsonl",
                     "{\"employee\":\"100\",\"kind\":\"D\",\"date\":\"2026-01-05\","
                     "\"incident_number\":\"OPA-1\",\"source_system\":\"opa\","
                     "\"complaint_source\":\"OPA\"}\n"
                     "{\"employee\":\"100\",\"kind\":\"pursuit\",\"date\":\"2026-01-06\","
                     "\"incident_number\":\"P-1\",\"source_system\":\"cad\"}\n")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("events: 2 (2 new"), std::string::npos) << r.out;
  auto w = rc({"events", "import",
               write("w.jsonl",
                     "{\"employee\":\"100\",\"kind\":\"pursuit\",\"date\":\"2026-01-06\","
                     "\"incident_number\":\"P-1\",\"source_system\":\"cad\",\"withdrawn\":true,"
                     "\"note\":\"duplicate of P-0\"}\n")});
  ASSERT_EQ(w.exit_code, 0) << w.err;
  EXPECT_NE(w.out.find("1 corrected"), std::string::npos) << w.out;
  const std::string action = raw_sql(
      target_.url, "SELECT action FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
  EXPECT_EQ(action, "withdraw");
}

TEST_P(CliEventsTest, BadInputIsRejectedWholeWithFileLineAndField) {
  const auto before = fingerprint();
  struct Case {
    std::string file, text, mapping, expected;
  };
  const std::string header = "employee,kind,date,incident_number,source_system,force_type\n";
  const std::vector<Case> cases{
      {"unknown-employee.csv", header + "100,B,2026-01-05,U1,bt,II\n999,B,2026-01-05,U2,bt,II\n",
       "", "unknown-employee.csv:3:employee: no employee with serial '999'"},
      {"unknown-type.csv", header + "100,tasering,2026-01-05,U1,bt,II\n", "",
       "unknown-type.csv:2:kind: unknown type 'tasering'"},
      {"bad-force.csv", header + "100,B,2026-01-05,U1,bt,IV\n", "",
       "bad-force.csv:2:force_type: unknown type 'IV' (I, II or III)"},
      {"impossible-date.csv", header + "100,B,2026-02-30,U1,bt,II\n", "",
       "impossible-date.csv:2:date: '2026-02-30' is not a date: no such day in that month"},
      {"malformed-date.csv", header + "100,B,5 Jan 2026,U1,bt,II\n", "",
       "malformed-date.csv:2:date: '5 Jan 2026' is not a date: expected YYYY-MM-DD"},
      {"cr.csv",
       "employee,kind,date,incident_number,source_system,force_type\r100,B,2026-01-05,U1,bt,II\r",
       "", "cr.csv:1: bare CR line ending"},
      {"latin1.csv", header + "100,B,2026-01-05,U\xE9,bt,II\n", "",
       "latin1.csv:2: file is not valid UTF-8"},
      {"seattle-missing-column.csv",
       "ID,Incident_Num,Incident_Type,Occured_date_time,Precinct\n1,5,Level 1 - Use of Force,"
       "06/07/2014 12:09:00 AM,East\n",
       "seattle-uof",
       "seattle-missing-column.csv:1:Officer_ID: missing column (the mapping reads employee "
       "from it)"},
      {"seattle-bad.csv",
       "ID,Incident_Num,Incident_Type,Occured_date_time,Officer_ID\n"
       "1,5,Level 4 - Use of Force,06/07/2014 12:09:00 AM,100\n"
       "2,6,Level 1 - Use of Force,02/30/2014 12:09:00 AM,100\n",
       "seattle-uof", "seattle-bad.csv:2:Incident_Type: unknown value 'Level 4 - Use of Force'"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"events", "import", write(c.file, c.text)};
    if (!c.mapping.empty()) {
      args.push_back("--mapping");
      args.push_back(c.mapping);
    }
    auto r = rc(args);
    EXPECT_EQ(r.exit_code, 1) << c.file;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << c.file << "\n" << r.err;
    EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << c.file << "\n" << r.err;
  }
  // The impossible Seattle-format date is named too, in the same run.
  auto both =
      rc({"events", "import", (dir_ / "seattle-bad.csv").string(), "--mapping", "seattle-uof"});
  EXPECT_NE(both.err.find("seattle-bad.csv:3:Occured_date_time:"), std::string::npos) << both.err;
  EXPECT_EQ(fingerprint(), before);
}

TEST_P(CliEventsTest, DryRunWritesNothing) {
  const auto before = fingerprint();
  auto r = rc({"events", "import", "--dry-run", write("events.csv", kNative)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("dry run, nothing written. rows read: 7; events: 7 (7 new"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(fingerprint(), before);
}

TEST_P(CliEventsTest, ThresholdSetsAreVersionedAndExported) {
  auto list = rc({"thresholds", "list"});
  EXPECT_NE(list.out.find("[starting point, not approved]"), std::string::npos) << list.out;
  auto shown = rc({"thresholds", "show", "1"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  std::string next = shown.out;
  next.replace(next.find("effective_from = 2000-01-01"), 27, "effective_from = 2027-01-01");
  auto stored = rc({"thresholds", "import", write("next.toml", next)});
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_NE(stored.out.find("stored threshold set 2"), std::string::npos) << stored.out;
  auto again = rc({"thresholds", "import", (dir_ / "next.toml").string()});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already takes effect on 2027-01-01"), std::string::npos) << again.err;
}

// Seattle's export: the import's counts agree with an independent reading of
// the file (one event per officer per incident, at its highest level).
TEST_P(CliEventsTest, SeattleUseOfForceExportImports) {
  const fs::path file = fs::path(ROLLCALL_SOURCE_DIR) / ".." / "shared" / "data" / "seattle" /
                        "use_of_force_2014-2022.csv";
  if (!fs::exists(file)) GTEST_SKIP() << "shared data not present at " << file;
  auto doc = CsvDocument::read_file(file);
  ASSERT_TRUE(doc.is_ok());
  const auto inc = *doc->column("Incident_Num"), type = *doc->column("Incident_Type"),
             officer = *doc->column("Officer_ID");
  std::map<std::pair<std::string, std::string>, std::string> highest;
  std::set<std::string> officers;
  for (const auto& r : doc->records()) {
    auto& level = highest[{r.fields[inc], r.fields[officer]}];
    if (r.fields[type] > level)
      level = r.fields[type];  // "Level 1…" < "Level 2…" < "Level 3 - OIS"/"Use"
    officers.insert(r.fields[officer]);
  }
  std::map<std::string, int> by_level;
  for (const auto& [_, level] : highest) by_level[level]++;

  auto r =
      rc({"events", "import", file.string(), "--mapping", "seattle-uof", "--create-employees"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string expect_head =
      "rows read: " + std::to_string(doc->records().size()) +
      "; events: " + std::to_string(highest.size()) + " (" + std::to_string(highest.size()) +
      " new, 0 corrected, 0 unchanged); employees: " + std::to_string(officers.size()) + " (" +
      std::to_string(officers.size() - officers.count("100") - officers.count("200")) +
      " placeholders created)";  // 100 and 200 are the fixture's employees
  EXPECT_NE(r.out.find(expect_head), std::string::npos) << r.out << "\nexpected " << expect_head;
  EXPECT_NE(r.out.find("    I: " + std::to_string(by_level["Level 1 - Use of Force"])),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("    II: " + std::to_string(by_level["Level 2 - Use of Force"])),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("    firearm discharge: " + std::to_string(by_level["Level 3 - OIS"])),
            std::string::npos)
      << r.out;
  // Importing it again changes nothing.
  auto again =
      rc({"events", "import", file.string(), "--mapping", "seattle-uof", "--create-employees"});
  EXPECT_NE(
      again.out.find("(0 new, 0 corrected, " + std::to_string(highest.size()) + " unchanged)"),
      std::string::npos)
      << again.out;
}

INSTANTIATE_TEST_SUITE_P(Engines, CliEventsTest, ::testing::ValuesIn(testing::test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall
