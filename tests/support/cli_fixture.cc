#include "support/cli_fixture.h"

#include <unistd.h>

#include <fstream>

namespace rollcall::testing {

void CliTest::SetUp() {
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  target_ = make_test_database(GetParam(), test);
  if (target_.url.empty()) GTEST_SKIP() << "no " << GetParam() << " server";
  std::string safe;
  for (char c : test) safe += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  dir_ = std::filesystem::temp_directory_path() /
         ("rollcall-cli-" + std::to_string(::getpid()) + "-" + safe);
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  auto init = rc({"init"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
}

std::string CliTest::write(const std::string& name, const std::string& text) const {
  std::ofstream(dir_ / name, std::ios::binary) << text;
  return (dir_ / name).string();
}

CommandResult CliTest::rc(std::vector<std::string> args) const {
  args.push_back("--db");
  args.push_back(target_.url);
  return run_rollcall(args);
}

std::string CliTest::fingerprint(std::initializer_list<const char*> tables) const {
  std::string f;
  for (const char* t : tables) {
    f += raw_sql(target_.url, std::string("SELECT COUNT(*) FROM ") + t) + "/";
  }
  return f + raw_sql(target_.url, "SELECT hash FROM audit_head");
}

}  // namespace rollcall::testing
