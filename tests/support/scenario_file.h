// Reading data-driven scenario files (tests/scenarios/*/): one statement per
// line, words separated by spaces, `#` starts a comment.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "time/civil_date.h"

namespace rollcall::testing {

struct ScenarioLine {
  int number = 0;                  // 1-based line in the file
  std::vector<std::string> words;  // never empty
};

// The statements of a file, comments and blank lines dropped. Empty if the
// file cannot be read (callers assert on that).
std::vector<ScenarioLine> read_scenario(const std::filesystem::path& file);

// The stems of every *.scenario file in `dir`, sorted.
std::vector<std::string> scenario_names(const std::filesystem::path& dir);

// A GoogleTest-safe parameter name for a file stem ("3.070-POL-1" -> "3_070_POL_1").
std::string scenario_test_name(const std::string& stem);

// Runs one scenario file: lines starting with "expect" go to expect(), the
// rest to statement(). Fails if the file cannot be read or expects nothing.
class ScenarioRunner {
 public:
  ScenarioRunner(std::filesystem::path dir, std::string name)
      : dir_(std::move(dir)), name_(std::move(name)) {}
  virtual ~ScenarioRunner() = default;
  void run();

 protected:
  virtual void statement(const std::vector<std::string>& words) = 0;
  virtual void expect(const std::vector<std::string>& words) = 0;
  // "name.scenario:LINE", for failure messages.
  std::string where() const;
  // A date word; records a test failure naming the line if it is not one.
  Date date(const std::string& word) const;

 private:
  std::filesystem::path dir_;
  std::string name_;
  int line_no_ = 0;
};

}  // namespace rollcall::testing
