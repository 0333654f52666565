// 3.070-POL-4: the Performance Mentoring Coordinator maintains the program's
// resources and the Supervisor's Toolkit that sergeants use to review
// incidents (PRO-1.7) and to coach (PRO-2.4): strategies, readings, training,
// forms. Each resource is versioned; a resource is retired, never deleted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/access/access.h"

namespace rollcall::pmp::committee {

// "strategy" | "reading" | "training" | "form" | "contact"
enum class ResourceCategory { kStrategy, kReading, kTraining, kForm, kContact };
std::string_view to_string(ResourceCategory c);
std::optional<ResourceCategory> parse_resource_category(std::string_view s);

struct ToolkitResource {
  std::string title;
  ResourceCategory category = ResourceCategory::kStrategy;
  std::string body;  // what it is and how to use it
  std::string link;  // optional https:// address of the document or course
  bool retired = false;
};

// Problems with a resource, each "field: why"; empty when valid. Titles 1–200
// bytes, body 1–20,000, a link empty or starting with https://.
std::vector<std::string> resource_problems(const ToolkitResource& r);

// PERMISSION_DENIED unless `roles` include the Coordinator (who maintains
// the toolkit, 3.070-POL-4).
Status may_maintain_toolkit(const std::vector<access::Role>& roles);

// Who reads the toolkit: supervisors and commanders (who coach and review),
// the Coordinator and the Committee.
bool may_read_toolkit(const std::vector<access::Role>& roles);

}  // namespace rollcall::pmp::committee
