// Rendered JSON bodies of read-only list endpoints (the dashboard), keyed by
// who asks and what, valid for one data generation (ApiState::generation()):
// a write through the API, a change seen in the audit head or a new day
// starts a new generation and the cache empties. Reads served from the cache
// are still authorised and access-logged like any other. Thread-safe; bounded.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace rollcall::api {

class ResponseCache {
 public:
  explicit ResponseCache(std::size_t max_entries = 4096) : max_entries_(max_entries) {}

  struct Entry {
    std::shared_ptr<const std::string> body;
    long long total = 0;  // what the access log records with the read
  };
  std::optional<Entry> get(std::uint64_t generation, const std::string& key);
  void put(std::uint64_t generation, const std::string& key, Entry entry);

 private:
  std::size_t max_entries_;
  std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace rollcall::api
