// `rollcall crossings` and `rollcall gen` end to end: the real binary.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/run_command.h"

namespace rollcall {
namespace {

using testing::run_rollcall;

class CliCrossingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rollcall-cli-crossings-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  static std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::filesystem::path dir_;
};

TEST_F(CliCrossingsTest, SmallFileGivesTheExpectedCrossings) {
  const auto events = write("events.csv",
                            "employee_id,indicator,date,use_of_force_type,firearm_discharge,"
                            "preventable\n"
                            "12,B,2026-01-10,II,false,\n"
                            "12,B,2026-02-10,I,false,\n"  // Type I: does not count
                            "12,B,2026-03-10,III,false,\n"
                            "12,B,2026-07-09,I,true,\n"  // discharge: counts
                            "3,C,2026-01-05,,,true\n"
                            "3,C,2026-02-05,,,pending\n"
                            "3,C,2026-12-31,,,true\n"
                            "3,D,2026-01-05,,,\n"
                            "3,A,2026-04-01,,,\n");
  const auto thresholds = write("t.toml",
                                "[A]\ncount = 1\nmonths = 1\n"
                                "[B]\ncount = 3\nmonths = 6\n"
                                "[C]\ncount = 2\nmonths = 12\n"
                                "[G]\ncount = 3\nmonths = 12\n");
  const auto out = (dir_ / "out.csv").string();
  auto r = run_rollcall({"crossings", events, "--thresholds", thresholds, "--output", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out),
            "employee_id,indicator,date,count\n"
            "3,A,2026-04-01,1\n"
            "3,C,2026-12-31,2\n"
            "3,G,2026-04-01,3\n"
            "12,B,2026-07-09,3\n"
            "12,G,2026-07-09,3\n");
  // The default threshold set works too, and stdout is the default output.
  auto s = run_rollcall({"crossings", events, "--thresholds",
                         std::string(ROLLCALL_SOURCE_DIR) + "/config/thresholds/default.toml"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_EQ(s.out.rfind("employee_id,indicator,date,count\n", 0), 0u) << s.out;
  EXPECT_NE(s.out.find("3,A,2026-04-01,1\n"), std::string::npos) << s.out;
}

TEST_F(CliCrossingsTest, BadFileNamesLineAndFieldExitsOneAndWritesNothing) {
  const auto events = write("bad.csv",
                            "employee_id,indicator,date\n"
                            "1,A,2026-01-01\n"
                            "1,K,2026-01-02\n"
                            "2,D,2026-02-30\n");
  const auto thresholds = write("t.toml", "[A]\ncount = 1\nmonths = 1\n");
  const auto out = (dir_ / "out.csv").string();
  auto r = run_rollcall({"crossings", events, "--thresholds", thresholds, "--output", out});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(events + ":3:indicator: unknown indicator 'K'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(events + ":4:date: '2026-02-30' is not a date"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".partial"), std::string::npos) << entry.path();
  }
}

TEST_F(CliCrossingsTest, BadThresholdsFileIsRejected) {
  const auto events = write("e.csv", "employee_id,indicator,date\n1,A,2026-01-01\n");
  const auto thresholds = write("t.toml", "[B]\ncount = 0\nmonths = 6\n");
  auto r = run_rollcall({"crossings", events, "--thresholds", thresholds});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("t.toml:2:9: B.count: must be at least 1"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(CliCrossingsTest, GenWritesInputTheCrossingsTaskReads) {
  const auto data = (dir_ / "gen.csv").string();
  auto g = run_rollcall(
      {"gen", "--employees", "200", "--events", "20000", "--seed", "4", "--output", data});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  auto again = run_rollcall({"gen", "--employees", "200", "--events", "20000", "--seed", "4",
                             "--threads", "1", "--output", "-"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, slurp(data)) << "same seed, same bytes";
  auto c = run_rollcall({"crossings", data, "--thresholds",
                         std::string(ROLLCALL_SOURCE_DIR) + "/config/thresholds/default.toml"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_GT(std::count(c.out.begin(), c.out.end(), '\n'), 100);
}

}  // namespace
}  // namespace rollcall
