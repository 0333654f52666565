// Clock: the only source of "now" (ARCHITECTURE.md, habit 3). Domain code never
// reads the system clock; it is handed a Clock or an instant. Tests use
// SimulatedClock and advance it explicitly instead of sleeping.
#pragma once

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

// A clock that only moves when told to. Not thread-safe; tests own it.
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(Instant start) : now_(start) {}
  Instant now() const override { return now_; }
  void advance(std::chrono::seconds by) { now_ += by; }
  void set(Instant to) { now_ = to; }

 private:
  Instant now_;
};

}  // namespace rollcall
