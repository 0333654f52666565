// A fixed set of database connections shared by the server's worker threads.
// storage::Database is one connection and not thread-safe; a lease gives one
// thread exclusive use of one until the lease is destroyed.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.h"

namespace rollcall::app {

class DatabasePool {
 public:
  using Factory = std::function<Result<std::unique_ptr<storage::Database>>()>;

  // Opens `size` connections with `factory`; the first failure is returned.
  static Result<std::unique_ptr<DatabasePool>> open(std::size_t size, const Factory& factory);

  class Lease {
   public:
    Lease(DatabasePool& pool, std::unique_ptr<storage::Database> db)
        : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (db_) pool_->give_back(std::move(db_));
    }
    storage::Database& operator*() const { return *db_; }
    storage::Database* operator->() const { return db_.get(); }

   private:
    DatabasePool* pool_;
    std::unique_ptr<storage::Database> db_;
  };

  // Blocks until a connection is free. The pool must outlive the lease.
  Lease lease();
  std::size_t size() const { return size_; }

 private:
  void give_back(std::unique_ptr<storage::Database> db);

  std::size_t size_ = 0;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<storage::Database>> free_;
};

}  // namespace rollcall::app
