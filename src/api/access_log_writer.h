// Writes reads of confidential records to access_log in batches (ADR 0007):
// a request only queues its record; a background thread commits what has
// queued every `interval` (or at `batch` records) in one transaction, so a
// busy dashboard costs one write per batch, not per read. stop() (graceful
// shutdown) flushes everything queued. A crash can lose at most one interval
// of read records; writes are never audited this way (they carry their audit
// record in their own transaction).
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/database.h"

namespace rollcall::api {

class AccessLogWriter {
 public:
  // Owns `db`, a connection of its own.
  AccessLogWriter(std::unique_ptr<storage::Database> db,
                  std::chrono::milliseconds interval = std::chrono::milliseconds(200),
                  std::size_t batch = 2000);
  ~AccessLogWriter();
  AccessLogWriter(const AccessLogWriter&) = delete;
  AccessLogWriter& operator=(const AccessLogWriter&) = delete;

  void record(storage::AccessRecord r);
  // Writes everything queued so far before returning (tests; shutdown).
  Status flush();
  void stop();
  std::uint64_t written() const;
  std::uint64_t failures() const;

 private:
  void run();
  Status write(std::vector<storage::AccessRecord>& batch);

  std::unique_ptr<storage::Database> db_;
  std::chrono::milliseconds interval_;
  std::size_t batch_;
  mutable std::mutex mutex_;
  std::mutex write_mutex_;  // one writer at a time on db_
  std::condition_variable wake_;
  std::vector<storage::AccessRecord> queue_;
  bool stopping_ = false;
  std::uint64_t written_ = 0;
  std::uint64_t failures_ = 0;
  std::thread thread_;
};

}  // namespace rollcall::api
