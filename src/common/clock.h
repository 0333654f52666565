// Clock: the only source of "now" (ARCHITECTURE.md, habit 3). Domain code never
// reads the system clock; it is handed a Clock or an instant. Tests use
// SimulatedClock and advance it explicitly instead of sleeping.
#pragma once

#include <atomic>
#include <chrono>

namespace rollcall {

using Instant = std::chrono::sys_seconds;  // UTC, whole seconds

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// A clock that only moves when told to. Safe to read from server threads
// while a test advances it.
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(Instant start) : seconds_(start.time_since_epoch().count()) {}
  Instant now() const override { return Instant(Instant::duration(seconds_.load())); }
  void advance(std::chrono::seconds by) { seconds_ += by.count(); }
  void set(Instant to) { seconds_ = to.time_since_epoch().count(); }

 private:
  std::atomic<Instant::rep> seconds_;
};

}  // namespace rollcall
