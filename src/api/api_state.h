// What every request handler shares: the connection pool, the clock, the
// signed-in sessions, the access log, and cached views of the organisation and
// of the 3.070 data. Thread-safe.
//
// Caches: a view is rebuilt when this server wrote through the API
// (invalidate()), when the day changes, or when the audit log's head has moved
// (a write from elsewhere, e.g. a CLI import), checked at most once per
// `cache_check_interval`. Reads of confidential records go to access_log, not
// to the audit chain, so they never invalidate anything.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include "api/access_log_writer.h"
#include "api/org_view.h"
#include "api/pmp_view.h"
#include "api/response_cache.h"
#include "app/auth/session_store.h"
#include "app/database_pool.h"

namespace rollcall::api {

struct ApiOptions {
  app::AuthPolicy auth;
  std::string zone = "America/Los_Angeles";  // the agency's zone: what "today" is
  bool secure_cookies = false;               // add Secure to the session cookie (behind TLS)
  std::chrono::milliseconds cache_check_interval{1000};
  std::string web_root;  // the built front end (web/dist); empty: API only
};

class ApiState {
 public:
  ApiState(app::DatabasePool& pool, const Clock& clock, ApiOptions options,
           std::unique_ptr<AccessLogWriter> access_log);

  app::DatabasePool& pool() { return pool_; }
  const Clock& clock() const { return clock_; }
  const ApiOptions& options() const { return options_; }
  app::SessionStore& sessions() { return sessions_; }
  AccessLogWriter& access_log() { return *access_log_; }
  ResponseCache& responses() { return responses_; }
  // Today's date in the agency's zone.
  Date today() const;

  Result<std::shared_ptr<const OrgView>> org();
  // The organisation view if it is built and needs no check or rebuild now,
  // without ever waiting (for the I/O thread's fast path); else null.
  std::shared_ptr<const OrgView> org_if_fresh();
  Result<std::shared_ptr<const PmpView>> pmp();
  // Call after any write through the API: the next read rebuilds.
  void invalidate();
  // A number that changes whenever a view is rebuilt (response caches key on it).
  std::uint64_t generation() const { return generation_.load(); }

 private:
  // Re-reads the audit head if the check interval has passed; marks the
  // views stale if it moved.
  Status check_head();

  app::DatabasePool& pool_;
  const Clock& clock_;
  ApiOptions options_;
  app::SessionStore sessions_;
  std::unique_ptr<AccessLogWriter> access_log_;
  ResponseCache responses_;

  std::mutex mutex_;  // guards everything below
  std::shared_ptr<const OrgView> org_;
  std::shared_ptr<const PmpView> pmp_;
  Date pmp_day_;
  std::int64_t head_seq_ = -1;
  std::chrono::steady_clock::time_point last_check_{};
  std::atomic<std::uint64_t> generation_{0};
};

}  // namespace rollcall::api
