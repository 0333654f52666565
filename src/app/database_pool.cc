#include "app/database_pool.h"

namespace rollcall::app {

Result<std::unique_ptr<DatabasePool>> DatabasePool::open(std::size_t size, const Factory& factory) {
  auto pool = std::make_unique<DatabasePool>();
  for (std::size_t i = 0; i < size; ++i) {
    RC_ASSIGN_OR_RETURN(auto db, factory());
    pool->free_.push_back(std::move(db));
  }
  pool->size_ = size;
  return pool;
}

DatabasePool::Lease DatabasePool::lease() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !free_.empty(); });
  auto db = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(db));
}

void DatabasePool::give_back(std::unique_ptr<storage::Database> db) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(db));
  }
  available_.notify_one();
}

}  // namespace rollcall::app
