#include "support/scenario_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace rollcall::testing {

std::vector<ScenarioLine> read_scenario(const std::filesystem::path& file) {
  std::vector<ScenarioLine> out;
  std::ifstream in(file);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream words(line);
    ScenarioLine s{number, {}};
    for (std::string w; words >> w;) s.words.push_back(w);
    if (!s.words.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> scenario_names(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".scenario") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string scenario_test_name(const std::string& stem) {
  std::string n;
  for (char c : stem) n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n;
}

void ScenarioRunner::run() {
  const auto lines = read_scenario(dir_ / (name_ + ".scenario"));
  ASSERT_FALSE(lines.empty()) << "cannot read " << name_;
  int expectations = 0;
  for (const auto& [number, words] : lines) {
    line_no_ = number;
    if (words[0].rfind("expect", 0) == 0) {
      ++expectations;
      expect(words);
    } else {
      statement(words);
    }
  }
  EXPECT_GT(expectations, 0) << name_ << " has no expectations";
}

std::string ScenarioRunner::where() const {
  return name_ + ".scenario:" + std::to_string(line_no_);
}

Date ScenarioRunner::date(const std::string& word) const {
  auto d = Date::parse(word);
  EXPECT_TRUE(d.is_ok()) << where() << ": " << d.status().message();
  return d.is_ok() ? *d : Date();
}

}  // namespace rollcall::testing
