#include "app/pmp/event_generator.h"

#include "common/fd_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "app/pmp/crossings_io.h"

namespace rollcall::app {
namespace {

constexpr std::uint64_t kBlockEvents = std::uint64_t{1} << 18;
constexpr std::size_t kMaxRow = 80;  // id (<= 20 digits) + the longest rest
constexpr std::string_view kHeader =
    "employee_id,indicator,date,use_of_force_type,firearm_discharge,preventable\n";

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Uniform in [0, 1) from the top 53 bits.
double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Per mille-ish probabilities as 16-bit thresholds.
constexpr std::uint32_t p16(double p) { return static_cast<std::uint32_t>(p * 65536.0 + 0.5); }

// Cumulative indicator mix A..F (see the header).
constexpr std::uint32_t kMixA = p16(0.03), kMixB = kMixA + p16(0.45), kMixC = kMixB + p16(0.08),
                        kMixD = kMixC + p16(0.25), kMixE = kMixD + p16(0.04);
constexpr std::uint32_t kTypeI = p16(0.80), kTypeII = kTypeI + p16(0.17);
constexpr std::uint32_t kDischarge = p16(0.004);
constexpr std::uint32_t kPrevTrue = p16(0.50), kPrevFalse = kPrevTrue + p16(0.35);

// Vose's alias method: employee i is drawn with probability weight[i] / sum.
struct AliasTable {
  std::vector<std::uint32_t> threshold;  // keep i if the low 32 bits < threshold[i]
  std::vector<std::uint32_t> alias;

  explicit AliasTable(const std::vector<double>& weights) {
    const std::size_t n = weights.size();
    threshold.assign(n, 0);
    alias.assign(n, 0);
    double sum = 0;
    for (double w : weights) sum += w;
    std::vector<double> scaled(n);
    std::vector<std::uint32_t> small, large;
    for (std::size_t i = 0; i < n; ++i) {
      scaled[i] = weights[i] * static_cast<double>(n) / sum;
      (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
    }
    auto to_threshold = [](double p) {
      const double t = std::min(1.0, std::max(0.0, p)) * 4294967296.0;
      return t >= 4294967295.0 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(t);
    };
    while (!small.empty() && !large.empty()) {
      const std::uint32_t s = small.back(), l = large.back();
      small.pop_back();
      threshold[s] = to_threshold(scaled[s]);
      alias[s] = l;
      scaled[l] -= 1.0 - scaled[s];
      if (scaled[l] < 1.0) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (std::uint32_t i : large) threshold[i] = 0xFFFFFFFFu, alias[i] = i;
    for (std::uint32_t i : small) threshold[i] = 0xFFFFFFFFu, alias[i] = i;
  }

  std::uint32_t sample(std::uint64_t r) const {
    // Multiply-shift maps the top 32 bits onto [0, n) (bias < n / 2^32).
    const auto i = static_cast<std::uint32_t>(((r >> 32) * threshold.size()) >> 32);
    return static_cast<std::uint32_t>(r) < threshold[i] ? i : alias[i];
  }
};

class Generator {
 public:
  explicit Generator(const EventGeneratorOptions& o)
      : o_(o),
        days_(static_cast<std::uint64_t>(days_between(o.start, o.end) + 1)),
        start_day_(static_cast<std::int32_t>(o.start.days_since_epoch())),
        alias_(weights(o)) {}

  std::uint64_t blocks() const { return (o_.events + kBlockEvents - 1) / kBlockEvents; }

  // Appends block b's rows to out (resized as needed); returns bytes written.
  std::size_t block(std::uint64_t b, std::vector<char>& out) const {
    const std::uint64_t first = b * kBlockEvents;
    const std::uint64_t last = std::min(o_.events, first + kBlockEvents);
    out.resize(static_cast<std::size_t>(last - first) * kMaxRow);
    std::mt19937_64 rng(splitmix64(o_.seed ^ splitmix64(b + 0x51ED2701u)));
    char* p = out.data();
    std::int32_t cached_day = INT32_MIN;
    char date[10];
    for (std::uint64_t k = first; k < last; ++k) {
      const auto day = static_cast<std::int32_t>(start_day_ + k * days_ / o_.events);
      if (day != cached_day) {
        csvfmt::put_date(date, day);
        cached_day = day;
      }
      const std::uint32_t employee = alias_.sample(rng());
      const std::uint64_t r = rng();
      const auto mix = static_cast<std::uint32_t>(r & 0xFFFF);
      const auto sub = static_cast<std::uint32_t>((r >> 16) & 0xFFFF);
      const auto dis = static_cast<std::uint32_t>((r >> 32) & 0xFFFF);
      p = csvfmt::put_uint(p, o_.first_employee_id + employee);
      char ind;
      if (mix < kMixA) {
        ind = 'A';
      } else if (mix < kMixB) {
        ind = 'B';
      } else if (mix < kMixC) {
        ind = 'C';
      } else if (mix < kMixD) {
        ind = 'D';
      } else if (mix < kMixE) {
        ind = 'E';
      } else {
        ind = 'F';
      }
      *p++ = ',';
      *p++ = ind;
      *p++ = ',';
      std::memcpy(p, date, 10);
      p += 10;
      if (ind == 'B') {
        const std::string_view type = sub < kTypeI ? ",I," : sub < kTypeII ? ",II," : ",III,";
        std::memcpy(p, type.data(), type.size());
        p += type.size();
        const std::string_view d = dis < kDischarge ? "true,\n" : "false,\n";
        std::memcpy(p, d.data(), d.size());
        p += d.size();
      } else if (ind == 'C') {
        const std::string_view v = sub < kPrevTrue    ? ",,,true\n"
                                   : sub < kPrevFalse ? ",,,false\n"
                                                      : ",,,pending\n";
        std::memcpy(p, v.data(), v.size());
        p += v.size();
      } else {
        std::memcpy(p, ",,,\n", 4);
        p += 4;
      }
    }
    return static_cast<std::size_t>(p - out.data());
  }

 private:
  // Lognormal weights (sigma 1.1) by Box-Muller from the seed's own stream.
  static std::vector<double> weights(const EventGeneratorOptions& o) {
    std::mt19937_64 rng(splitmix64(o.seed));
    std::vector<double> w(o.employees);
    constexpr double kSigma = 1.1;
    constexpr double kTwoPi = 6.283185307179586;
    for (auto& x : w) {
      const double u1 = 1.0 - uniform01(rng);  // (0, 1]
      const double u2 = uniform01(rng);
      x = std::exp(kSigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2));
    }
    return w;
  }

  EventGeneratorOptions o_;
  std::uint64_t days_;
  std::int32_t start_day_;
  AliasTable alias_;
};

using Sink = std::function<bool(const char*, std::size_t)>;

// Generates every block on worker threads; each block is handed to `sink` in
// order by the thread that made it, while the others keep generating.
bool run(const EventGeneratorOptions& o, const Sink& sink) {
  if (!sink(kHeader.data(), kHeader.size())) return false;
  const Generator gen(o);
  const std::uint64_t blocks = gen.blocks();
  const unsigned threads = static_cast<unsigned>(
      std::max<std::uint64_t>(1, std::min<std::uint64_t>(std::max(1u, o.threads), blocks)));
  std::mutex mu;
  std::condition_variable turn;
  std::uint64_t next = 0;
  bool failed = false;
  auto worker = [&](unsigned t) {
    std::vector<char> buf;
    for (std::uint64_t b = t; b < blocks; b += threads) {
      const std::size_t n = gen.block(b, buf);
      std::unique_lock lock(mu);
      turn.wait(lock, [&] { return next == b || failed; });
      if (failed) return;
      lock.unlock();
      const bool ok = sink(buf.data(), n);
      lock.lock();
      if (!ok) failed = true;
      ++next;
      turn.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(worker, t);
  worker(0);
  for (auto& w : workers) w.join();
  return !failed;
}

}  // namespace

Status validate(const EventGeneratorOptions& o) {
  if (o.employees < 1 || o.employees > 16'000'000) {
    return invalid_argument("--employees: must be from 1 to 16,000,000");
  }
  if (o.events > 10'000'000'000ull) return invalid_argument("--events: at most 10,000,000,000");
  if (o.end < o.start) return invalid_argument("--end: must not be before --start");
  if (o.start.year() < 1 || o.end.year() > 9999) {
    return invalid_argument("--start/--end: years 0001 to 9999");
  }
  if (o.first_employee_id > 1'000'000'000'000ull) {
    return invalid_argument("first employee id too large");
  }
  return Status::ok();
}

Status write_generated_events(const EventGeneratorOptions& o, const std::string& output) {
  RC_RETURN_IF_ERROR(validate(o));
  if (output.empty() || output == "-") {
    if (!run(o, [](const char* p, std::size_t n) { return write_all(1, p, n); })) {
      return internal_error("writing stdout: " + std::string(std::strerror(errno)));
    }
    return Status::ok();
  }
  std::string tmp = output + ".partial-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return internal_error(output + ": cannot create: " + std::strerror(errno));
  ::fchmod(fd, 0644);
  const bool ok = run(o, [fd](const char* p, std::size_t n) { return write_all(fd, p, n); });
  const int saved = errno;
  if (::close(fd) != 0 || !ok) {
    ::unlink(tmp.c_str());
    return internal_error(output + ": write failed: " + std::strerror(ok ? errno : saved));
  }
  if (::rename(tmp.c_str(), output.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return internal_error(output + ": " + std::strerror(errno));
  }
  return Status::ok();
}

Result<std::string> generate_events_csv(const EventGeneratorOptions& o) {
  RC_RETURN_IF_ERROR(validate(o));
  std::string out;
  run(o, [&out](const char* p, std::size_t n) {
    out.append(p, n);
    return true;
  });
  return out;
}

}  // namespace rollcall::app
