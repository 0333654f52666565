// Reading data-driven scenario files (tests/scenarios/*/): one statement per
// line, words separated by spaces, `#` starts a comment.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

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

}  // namespace rollcall::testing
