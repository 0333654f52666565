// `rollcall org import` end to end: the real binary, a real database (SQLite
// and PostgreSQL), files on disk.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/cli_fixture.h"

namespace rollcall {
namespace {

namespace fs = std::filesystem;
using testing::raw_sql;
using testing::run_rollcall;

const char* kUnits =
    "code,name,kind,parent\n"
    "SPD,Seattle Police Department,department,\n"
    "PATROL,Patrol Operations Bureau,bureau,SPD\n"
    "NORTH,North Precinct,precinct,PATROL\n"
    "N1,North First Watch,watch,NORTH\n"
    "N1A,\"North 1st Watch, Squad A\",squad,N1\n";
const char* kEmployees =
    "serial,last_name,first_name,category,rank,bargaining_unit,schedule,hire_date\n"
    "800,Diaz,Adrian,sworn,assistant chief,SPMA,5-8,1995-04-03\n"
    "700,Chen,Grace,sworn,captain,SPMA,5-8,1998-09-14\n"
    "600,Okafor,Ben,sworn,lieutenant,SPMA,5-8,2003-01-06\n"
    "500,Lindqvist,Maja,sworn,sergeant,SPOG,4-2,2008-07-21\n"
    "100,O'Neil,Sam,sworn,officer,SPOG,4-2,2016-02-01\n";
const char* kAssignments =
    "serial,unit,role,acting,start,end\n"
    "800,PATROL,supervisor,false,2015-01-01,\n"
    "700,NORTH,supervisor,false,2015-01-01,\n"
    "600,N1,supervisor,false,2015-01-01,\n"
    "500,N1A,supervisor,false,2015-01-01,\n"
    "100,N1A,member,false,2016-02-01,\n";

class CliOrgImportTest : public testing::CliTest {
 protected:
  testing::CommandResult import(std::vector<std::string> extra) {
    std::vector<std::string> args{"org", "import", "--db", target_.url};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_rollcall(args);
  }
  testing::CommandResult import_good() {
    return import({"--units", write("units.csv", kUnits), "--employees",
                   write("employees.csv", kEmployees), "--assignments",
                   write("assignments.csv", kAssignments)});
  }
  std::string fingerprint() const {
    return CliTest::fingerprint({"units", "employees", "employee_versions", "assignments",
                                 "status_periods", "role_grants", "audit_log"});
  }
};

TEST_P(CliOrgImportTest, ImportsAndAnswersChainQueries) {
  auto r = import_good();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported: 5 units, 5 employees created"), std::string::npos) << r.out;
  auto chain = run_rollcall({"org", "chain", "100", "--on", "2026-01-01", "--db", target_.url});
  ASSERT_EQ(chain.exit_code, 0) << chain.err;
  EXPECT_NE(chain.out.find("sergeant/supervisor:  500 Lindqvist, Maja (sergeant)"),
            std::string::npos)
      << chain.out;
  EXPECT_NE(chain.out.find("bureau chief:         800 Diaz"), std::string::npos) << chain.out;
  auto json = run_rollcall(
      {"org", "chain", "100", "--on", "2026-01-01", "--format", "json", "--db", target_.url});
  EXPECT_NE(json.out.find("\"holder\": \"600\""), std::string::npos) << json.out;
  auto squad = run_rollcall({"org", "squad", "500", "--on", "2026-01-01", "--db", target_.url});
  EXPECT_NE(squad.out.find("100 O'Neil, Sam (officer)"), std::string::npos) << squad.out;
  auto verify = run_rollcall({"audit", "verify", "--db", target_.url});
  EXPECT_EQ(verify.exit_code, 0);
  // 15 rows imported, plus the default threshold set `init` stored.
  EXPECT_NE(verify.out.find("OK: 16 audit records"), std::string::npos) << verify.out;
}

TEST_P(CliOrgImportTest, DryRunReportsAndWritesNothing) {
  const auto before = fingerprint();
  auto r = import({"--dry-run", "--units", write("units.csv", kUnits), "--employees",
                   write("employees.csv", kEmployees)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("dry run, nothing written; would import: 5 units, 5 employees"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(fingerprint(), before);
}

TEST_P(CliOrgImportTest, EveryBadRowIsListedAndNothingIsWritten) {
  ASSERT_EQ(import_good().exit_code, 0);
  const auto before = fingerprint();
  auto r =
      import({"--units",
              write("units2.csv",
                    "code,name,kind,parent\n"
                    "N1B,Squad B,squad,N9\n"       // 2: unknown parent unit
                    "LOOP1,Loop one,unit,LOOP2\n"  // 3: cycle with line 4
                    "LOOP2,Loop two,unit,LOOP1\n"),
              "--employees",
              write("employees2.csv",
                    "serial,last_name,first_name,category,rank,bargaining_unit,schedule,hire_date\n"
                    "101,Park,Jo,sworn,officer,SPOG,4-2,2019-02-30\n"  // 2: impossible date
                    "102,Ruiz,Al,sworn,officer,SPOG,4-2,2019-03-01\n"
                    "102,Ruiz,Al,sworn,officer,SPOG,4-2,2019-03-01\n"  // 4: duplicate serial
                    "103,Wu,Li,sworn,officer,SPOG,4/2,03/01/2019\n"),  // 5: bad schedule and date
              "--assignments",
              write("assignments2.csv",
                    "serial,unit,role,acting,start,end\n"
                    "102,N7Z,member,false,2019-03-01,\n"         // 2: unknown unit
                    "999,N1A,supervisor,true,2020-01-01,\n")});  // 3: supervisor who does not exist
  EXPECT_EQ(r.exit_code, 1);
  for (const char* expected :
       {"units2.csv:2:parent: no unit with code 'N9'",
        "units2.csv:3:parent: unit 'LOOP1' is its own ancestor (cycle in the unit tree)",
        "units2.csv:4:parent: unit 'LOOP2' is its own ancestor (cycle in the unit tree)",
        "employees2.csv:2:hire_date: '2019-02-30' is not a date: no such day in that month",
        "employees2.csv:4:serial: duplicate serial '102' (also on line 3)",
        "employees2.csv:5:schedule: '4/2' is not one of 4-2|5-8|9-80|4-10|24-hour",
        "employees2.csv:5:hire_date: '03/01/2019' is not a date: expected YYYY-MM-DD",
        "assignments2.csv:2:unit: no unit with code 'N7Z'",
        "assignments2.csv:3:serial: no employee with serial '999'", "import rejected",
        "nothing was written"}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << "missing: " << expected << "\n" << r.err;
  }
  EXPECT_EQ(fingerprint(), before);
}

TEST_P(CliOrgImportTest, RulesCheckedAgainstStoredDataNameTheRow) {
  ASSERT_EQ(import_good().exit_code, 0);
  const auto before = fingerprint();
  auto r = import(
      {"--assignments", write("overlap.csv",
                              "serial,unit,role,acting,start,end\n"
                              "100,N1,member,false,2020-01-01,\n"           // overlaps stored N1A
                              "600,N1A,supervisor,false,2020-01-01,\n")});  // second sergeant
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("overlap.csv:2:start: member assignment 2020-01-01.. overlaps 2016-02-01.."),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("overlap.csv:3:start: permanent supervisor of the unit"), std::string::npos)
      << r.err;
  EXPECT_EQ(fingerprint(), before);
}

TEST_P(CliOrgImportTest, FileProblemsAreNamedWithFileAndLine) {
  const auto before = fingerprint();
  auto cr = import({"--units", write("cr.csv", "code,name,kind,parent\rSPD,x,department,\r")});
  EXPECT_EQ(cr.exit_code, 1);
  EXPECT_NE(cr.err.find("cr.csv:1: bare CR line ending"), std::string::npos) << cr.err;
  auto latin1 =
      import({"--employees",
              write("latin1.csv",
                    "serial,last_name,first_name,category,rank,bargaining_unit,schedule,hire_date\n"
                    "1,M\xFCller,Jo,sworn,officer,SPOG,4-2,2019-01-01\n")});
  EXPECT_EQ(latin1.exit_code, 1);
  EXPECT_NE(latin1.err.find("latin1.csv:2: file is not valid UTF-8"), std::string::npos)
      << latin1.err;
  auto missing = import({"--units", write("nokind.csv", "code,name,parent\nSPD,x,\n")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nokind.csv:1:kind: missing column"), std::string::npos)
      << missing.err;
  auto absent = import({"--units", (dir_ / "does-not-exist.csv").string()});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_NE(absent.err.find("cannot open file"), std::string::npos) << absent.err;
  EXPECT_EQ(fingerprint(), before);
}

TEST_P(CliOrgImportTest, ReimportIsIdempotentAndCorrectsOrTransfers) {
  ASSERT_EQ(import_good().exit_code, 0);
  auto again = import_good();
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("imported: 0 units, 0 employees created, 0 corrected, 0 assignments"),
            std::string::npos)
      << again.out;

  // The HR export now shows a promotion (rank correction) and a transfer.
  std::string employees = kEmployees;
  employees.replace(employees.find("O'Neil,Sam,sworn,officer"), 24, "O'Neil,Sam,sworn,detective");
  std::string assignments = kAssignments;
  assignments.replace(
      assignments.find("100,N1A,member,false,2016-02-01,"), 32,
      "100,N1A,member,false,2016-02-01,2024-05-01\n100,N1,member,false,2024-05-01,");
  auto r = import({"--units", write("units.csv", kUnits), "--employees",
                   write("employees.csv", employees), "--assignments",
                   write("assignments.csv", assignments)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("0 employees created, 1 corrected, 1 assignments created, 1 ended"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(raw_sql(target_.url, "SELECT COUNT(*) FROM employee_versions"), "6");
  auto before = run_rollcall({"org", "chain", "100", "--on", "2024-04-30", "--db", target_.url});
  EXPECT_NE(before.out.find("sergeant/supervisor:  500"), std::string::npos) << before.out;
  auto after = run_rollcall({"org", "chain", "100", "--on", "2024-05-01", "--db", target_.url});
  EXPECT_NE(after.out.find("(detective)"), std::string::npos) << after.out;
  EXPECT_NE(after.out.find("lieutenant:           600"), std::string::npos) << after.out;
  EXPECT_EQ(after.out.find("sergeant/supervisor:"), std::string::npos) << after.out;
}

INSTANTIATE_TEST_SUITE_P(Engines, CliOrgImportTest, ::testing::ValuesIn(testing::test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall
