#include "api/access_log_writer.h"

#include <iostream>

namespace rollcall::api {

AccessLogWriter::AccessLogWriter(std::unique_ptr<storage::Database> db,
                                 std::chrono::milliseconds interval, std::size_t batch)
    : db_(std::move(db)), interval_(interval), batch_(batch), thread_([this] { run(); }) {}

AccessLogWriter::~AccessLogWriter() { stop(); }

void AccessLogWriter::record(storage::AccessRecord r) {
  bool full = false;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(r));
    full = queue_.size() >= batch_;
  }
  if (full) wake_.notify_one();
}

Status AccessLogWriter::write(std::vector<storage::AccessRecord>& batch) {
  if (batch.empty()) return Status::ok();
  std::lock_guard lock(write_mutex_);
  auto tx = db_->begin("server");
  Status s = tx ? tx.value()->insert_access_records(batch) : tx.status();
  if (s.is_ok()) s = tx.value()->commit();
  std::lock_guard count(mutex_);
  if (s.is_ok()) {
    written_ += batch.size();
  } else {
    ++failures_;
    // Put the batch back: the next round retries it rather than losing it.
    queue_.insert(queue_.begin(), batch.begin(), batch.end());
  }
  return s;
}

Status AccessLogWriter::flush() {
  std::vector<storage::AccessRecord> batch;
  {
    std::lock_guard lock(mutex_);
    batch.swap(queue_);
  }
  return write(batch);
}

void AccessLogWriter::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, interval_, [&] { return stopping_ || queue_.size() >= batch_; });
    if (queue_.empty()) continue;
    std::vector<storage::AccessRecord> batch;
    batch.swap(queue_);
    lock.unlock();
    if (Status s = write(batch); !s.is_ok()) {
      std::cerr << "access log: " << s.to_string() << " (will retry)\n";
    }
    lock.lock();
  }
}

void AccessLogWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  (void)flush();
}

std::uint64_t AccessLogWriter::written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

std::uint64_t AccessLogWriter::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace rollcall::api
