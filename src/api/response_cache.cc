#include "api/response_cache.h"

namespace rollcall::api {

std::optional<ResponseCache::Entry> ResponseCache::get(std::uint64_t generation,
                                                       const std::string& key) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return std::nullopt;
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void ResponseCache::put(std::uint64_t generation, const std::string& key, Entry entry) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) {
    entries_.clear();
    generation_ = generation;
  }
  // Bounded: when full, start again rather than track recency (the keys are
  // a few dashboards per commander; a full cache means unusual traffic).
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = std::move(entry);
}

}  // namespace rollcall::api
