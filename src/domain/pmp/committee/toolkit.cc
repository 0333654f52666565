#include "domain/pmp/committee/toolkit.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rollcall::pmp::committee {
namespace {

constexpr std::array<std::pair<ResourceCategory, std::string_view>, 5> kCategories{{
    {ResourceCategory::kStrategy, "strategy"},
    {ResourceCategory::kReading, "reading"},
    {ResourceCategory::kTraining, "training"},
    {ResourceCategory::kForm, "form"},
    {ResourceCategory::kContact, "contact"},
}};

bool has(const std::vector<access::Role>& roles, access::Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

}  // namespace

std::string_view to_string(ResourceCategory c) {
  for (const auto& [k, v] : kCategories) {
    if (k == c) return v;
  }
  return "?";
}

std::optional<ResourceCategory> parse_resource_category(std::string_view s) {
  for (const auto& [k, v] : kCategories) {
    if (v == s) return k;
  }
  return std::nullopt;
}

std::vector<std::string> resource_problems(const ToolkitResource& r) {
  std::vector<std::string> out;
  if (r.title.empty() || r.title.size() > 200) out.emplace_back("title: 1 to 200 bytes");
  if (r.body.empty() || r.body.size() > 20000) out.emplace_back("body: 1 to 20,000 bytes");
  if (!r.link.empty() && r.link.rfind("https://", 0) != 0) {
    out.emplace_back("link: an https:// address, or empty");
  }
  return out;
}

Status may_maintain_toolkit(const std::vector<access::Role>& roles) {
  if (has(roles, access::Role::kCoordinator)) return Status::ok();
  return {StatusCode::kPermissionDenied,
          "3.070-POL-4: the Performance Mentoring Coordinator maintains the toolkit"};
}

bool may_read_toolkit(const std::vector<access::Role>& roles) {
  using access::Role;
  for (Role r : {Role::kSupervisor, Role::kLieutenant, Role::kCaptain, Role::kBureauChief,
                 Role::kChiefOfPolice, Role::kCoordinator, Role::kCommittee}) {
    if (has(roles, r)) return true;
  }
  return false;
}

}  // namespace rollcall::pmp::committee
