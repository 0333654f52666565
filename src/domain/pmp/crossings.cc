#include "domain/pmp/crossings.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <memory>
#include <new>
#include <thread>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace rollcall::pmp::crossings {
namespace {

// An uninitialised array backed by transparent huge pages where the kernel
// allows them (madvise mode): 2 MB pages cut the page faults of filling a
// 100M-element array from ~400k to ~800, a measurable share of the run time
// on virtual machines. Zero-filling (std::vector) would cost a full pass.
template <typename T>
struct BigArray {
  struct Free {
    void operator()(T* p) const { std::free(p); }
  };
  std::unique_ptr<T[], Free> data;
  explicit BigArray(std::size_t n) {
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    const std::size_t bytes =
        std::max<std::size_t>(kHuge, (n * sizeof(T) + kHuge - 1) / kHuge * kHuge);
    data.reset(static_cast<T*>(std::aligned_alloc(kHuge, bytes)));
    if (!data) throw std::bad_alloc();
#if defined(MADV_HUGEPAGE)
    ::madvise(data.get(), bytes, MADV_HUGEPAGE);
#endif
  }
  T* get() const { return data.get(); }
  T& operator[](std::size_t i) const { return data[i]; }
  void reset() { data.reset(); }
};

// Runs f(0) … f(n-1), f(0) on the calling thread, the rest on their own threads.
template <typename F>
void run_parallel(unsigned n, F&& f) {
  if (n <= 1) {
    f(0u);
    return;
  }
  std::vector<std::thread> workers;
  workers.reserve(n - 1);
  for (unsigned i = 1; i < n; ++i) workers.emplace_back([&f, i] { f(i); });
  f(0u);
  for (auto& w : workers) w.join();
}

// Splits [0, total) into `parts` contiguous ranges of about equal weight,
// where weight(i) is the cumulative weight before item i (non-decreasing).
template <typename PrefixFn>
std::vector<std::size_t> balanced_cuts(std::size_t items, unsigned parts, std::uint64_t total,
                                       PrefixFn prefix) {
  std::vector<std::size_t> cuts(parts + 1, items);
  cuts[0] = 0;
  std::size_t i = 0;
  for (unsigned p = 1; p < parts; ++p) {
    const std::uint64_t target = total * p / parts;
    while (i < items && prefix(i) < target) ++i;
    cuts[p] = i;
  }
  return cuts;
}

// Stable parallel counting sort of 64-bit words by the bucket `bucket(x)` in
// [0, buckets): part p (a contiguous run of the input) is counted and scattered
// by thread p; within a bucket, part 0's words precede part 1's. Written by
// hand because the standard library has no parallel radix sort, and a
// comparison sort of 100M words costs several times as much. `out(x)` is the
// word written for x. Returns each bucket's start in `dst` (buckets + 1 entries).
template <typename Src, typename Dst, typename BucketFn, typename OutFn>
std::vector<std::size_t> counting_sort(const std::vector<std::span<const Src>>& parts,
                                       std::size_t buckets, BucketFn bucket, OutFn out, Dst* dst) {
  const auto n_parts = static_cast<unsigned>(parts.size());
  std::vector<std::vector<std::size_t>> hist(n_parts);
  run_parallel(n_parts, [&](unsigned p) {
    auto& h = hist[p];
    h.assign(buckets, 0);
    for (const Src x : parts[p]) ++h[bucket(x)];
  });
  std::vector<std::size_t> starts(buckets + 1);
  std::size_t pos = 0;
  for (std::size_t b = 0; b < buckets; ++b) {
    starts[b] = pos;
    for (unsigned p = 0; p < n_parts; ++p) {
      const std::size_t c = hist[p][b];
      hist[p][b] = pos;  // becomes part p's next write position in bucket b
      pos += c;
    }
  }
  starts[buckets] = pos;
  run_parallel(n_parts, [&](unsigned p) {
    auto& next = hist[p];
    for (const Src x : parts[p]) dst[next[bucket(x)]++] = out(x);
    std::vector<std::size_t>().swap(next);
  });
  return starts;
}

template <typename T>
std::vector<std::span<const T>> split_even(const T* v, std::size_t n, unsigned parts) {
  std::vector<std::span<const T>> out;
  for (unsigned p = 0; p < parts; ++p) {
    const std::size_t a = n * p / parts, b = n * (p + 1) / parts;
    out.emplace_back(v + a, b - a);
  }
  return out;
}

unsigned bit_width(std::uint64_t x) {
  unsigned w = 0;
  while (x != 0) {
    ++w;
    x >>= 1;
  }
  return w;
}

// window_start[i] = start of the window of relative day i − 1, as a relative
// day: events with relative day > window_start[i] are in the window of day
// i − 1 (i from 0, i.e. day −1, to span). Precomputed once per rule so the
// scan never does calendar arithmetic.
std::vector<std::int32_t> window_starts(std::int32_t base_day, std::int32_t span, int months) {
  std::vector<std::int32_t> t(static_cast<std::size_t>(span) + 1);
  for (std::int32_t i = 0; i <= span; ++i) {
    const Date d = Date().plus_days(base_day + i - 1);
    t[static_cast<std::size_t>(i)] =
        static_cast<std::int32_t>(d.minus_months(months).days_since_epoch() - base_day);
  }
  return t;
}

// One sorted run of relative days (day_at(0..n-1) non-decreasing): emits
// (d, count(d)) for each crossing. Two monotone pointers: `lo` is the first
// event inside the window of d, `lo_prev` the first inside the window of d − 1.
// count(d − 1) is the events before the run of d that are inside d − 1's
// window, i.e. i − lo_prev. Bounds checks are unnecessary: every window start
// is before its day, so neither pointer can pass i.
template <typename DayAt, typename Emit>
void scan_run(DayAt day_at, std::size_t n, std::size_t threshold, const std::int32_t* starts,
              Emit emit) {
  std::size_t i = 0, lo = 0, lo_prev = 0;
  while (i < n) {
    const std::int32_t d = day_at(i);
    std::size_t j = i + 1;
    while (j < n && day_at(j) == d) ++j;
    if (j >= threshold) {  // count(d) <= j
      const std::int32_t s = starts[d + 1];
      while (day_at(lo) <= s) ++lo;
      const std::size_t count = j - lo;
      if (count >= threshold) {
        const std::int32_t sp = starts[d];
        while (day_at(lo_prev) <= sp) ++lo_prev;
        if (i - lo_prev < threshold) emit(d, count);
      }
    }
    i = j;
  }
}

}  // namespace

std::size_t CrossingResult::size() const {
  std::size_t n = 0;
  for (const auto& p : parts) n += p.size();
  return n;
}

std::vector<Crossing> CrossingResult::flatten() const {
  std::vector<Crossing> all;
  all.reserve(size());
  for (const auto& p : parts) all.insert(all.end(), p.begin(), p.end());
  return all;
}

CrossingResult find_crossings(CrossingInput input, const ThresholdTable& table, unsigned threads) {
  threads = std::max(1u, threads);
  CrossingResult result;
  std::size_t n = 0;
  for (const auto& b : input.blocks) n += b.events.size();
  if (n == 0 || table.empty() || input.employee_count == 0) {
    result.parts.emplace_back();
    return result;
  }

  // Assign blocks to threads, balanced by event count.
  const auto nb = input.blocks.size();
  std::vector<std::uint64_t> block_prefix(nb + 1, 0);
  for (std::size_t b = 0; b < nb; ++b)
    block_prefix[b + 1] = block_prefix[b] + input.blocks[b].events.size();
  const unsigned sort_threads = static_cast<unsigned>(std::min<std::size_t>(threads, nb));
  const auto block_cuts =
      balanced_cuts(nb, sort_threads, n, [&](std::size_t i) { return block_prefix[i]; });

  // The range of the low word (day and indicator) over all events.
  std::vector<std::uint32_t> lo_min(sort_threads, std::numeric_limits<std::uint32_t>::max());
  std::vector<std::uint32_t> lo_max(sort_threads, 0);
  run_parallel(sort_threads, [&](unsigned t) {
    std::uint32_t mn = lo_min[t], mx = lo_max[t];
    for (std::size_t b = block_cuts[t]; b < block_cuts[t + 1]; ++b) {
      for (const std::uint64_t x : input.blocks[b].events) {
        const auto low = static_cast<std::uint32_t>(x);
        mn = std::min(mn, low);
        mx = std::max(mx, low);
      }
    }
    lo_min[t] = mn;
    lo_max[t] = mx;
  });
  const std::uint32_t low_min = *std::min_element(lo_min.begin(), lo_min.end()) & ~7u;
  const std::uint32_t low_max = *std::max_element(lo_max.begin(), lo_max.end());
  const std::uint64_t key_range = std::uint64_t{low_max} - low_min + 1;
  const std::int32_t base_day = static_cast<std::int32_t>((low_min >> 3) - kDayBias);
  const std::int32_t span = static_cast<std::int32_t>((low_max >> 3) - (low_min >> 3) + 1);

  // Pass 1 (and more for date ranges over ~1,400 years): LSD counting sort by
  // the relative (day, indicator) key, which also replaces each slot by its
  // rank. Digits of at most 22 bits keep each histogram within 16 MB.
  const unsigned key_bits = std::max(1u, bit_width(key_range - 1));
  const unsigned digit_passes = (key_bits + 21) / 22;
  const unsigned digit_bits = (key_bits + digit_passes - 1) / digit_passes;
  const std::uint64_t digit_mask = (std::uint64_t{1} << digit_bits) - 1;

  // Uninitialised buffers: zero-filling 800 MB would cost more than a pass.
  BigArray<std::uint64_t> sorted(n);
  {
    // Each thread counts and scatters its own group of blocks.
    std::vector<std::vector<std::size_t>> hist(sort_threads);
    auto rank_of = [&](const EventBlock& blk, std::uint32_t slot) -> std::uint32_t {
      if (input.slot_maps.empty()) return slot;
      const SlotMap& m = input.slot_maps[blk.slot_map];
      return slot < m.high_base ? m.low[slot] : m.high[slot - m.high_base];
    };
    const std::size_t buckets = std::size_t{1} << digit_bits;
    run_parallel(sort_threads, [&](unsigned t) {
      auto& h = hist[t];
      h.assign(buckets, 0);
      for (std::size_t b = block_cuts[t]; b < block_cuts[t + 1]; ++b) {
        for (const std::uint64_t x : input.blocks[b].events)
          ++h[(static_cast<std::uint32_t>(x) - low_min) & digit_mask];
      }
    });
    std::size_t pos = 0;
    for (std::size_t k = 0; k < buckets; ++k) {
      for (unsigned t = 0; t < sort_threads; ++t) {
        const std::size_t c = hist[t][k];
        hist[t][k] = pos;
        pos += c;
      }
    }
    run_parallel(sort_threads, [&](unsigned t) {
      auto& next = hist[t];
      for (std::size_t b = block_cuts[t]; b < block_cuts[t + 1]; ++b) {
        EventBlock& blk = input.blocks[b];
        for (const std::uint64_t x : blk.events) {
          const std::uint32_t key = static_cast<std::uint32_t>(x) - low_min;
          const std::uint32_t rank = rank_of(blk, static_cast<std::uint32_t>(x >> 32));
          sorted[next[key & digit_mask]++] = (std::uint64_t{rank} << 32) | key;
        }
        std::vector<std::uint64_t>().swap(blk.events);  // free as we go
      }
      std::vector<std::size_t>().swap(next);
    });
  }
  if (digit_passes > 1) {
    BigArray<std::uint64_t> tmp(n);
    for (unsigned pass = 1; pass < digit_passes; ++pass) {
      const unsigned shift = pass * digit_bits;
      const auto parts = split_even<std::uint64_t>(sorted.get(), n, threads);
      counting_sort<std::uint64_t>(
          parts, std::size_t{1} << digit_bits,
          [&](std::uint64_t x) { return (static_cast<std::uint32_t>(x) >> shift) & digit_mask; },
          [](std::uint64_t x) { return x; }, tmp.get());
      std::swap(sorted.data, tmp.data);
    }
  }

  // Pass 2: stable counting sort by employee rank; keeps only the low word.
  BigArray<std::uint32_t> keys(n);
  std::vector<std::size_t> group;
  {
    const auto parts = split_even<std::uint64_t>(sorted.get(), n, threads);
    group = counting_sort<std::uint64_t>(
        parts, input.employee_count, [](std::uint64_t x) { return x >> 32; },
        [](std::uint64_t x) { return static_cast<std::uint32_t>(x); }, keys.get());
  }
  sorted.reset();

  // The scan: per employee, G over all of its events, A–F over each
  // indicator's own events (copied out in date order).
  struct Rule {
    bool evaluated = false;
    std::size_t count = 0;
    std::vector<std::int32_t> starts;
  };
  std::array<Rule, 7> rules;
  std::size_t min_count = std::numeric_limits<std::size_t>::max();
  bool any_a_to_f = false;
  for (const auto& [indicator, rule] : table) {
    auto& r = rules[static_cast<std::size_t>(indicator)];
    r.evaluated = true;
    r.count = static_cast<std::size_t>(std::max(1, rule.count));
    r.starts = window_starts(base_day, span, std::max(1, rule.months));
    min_count = std::min(min_count, r.count);
    if (indicator != Indicator::kG) any_a_to_f = true;
  }

  const std::uint32_t employees = input.employee_count;
  const auto cuts = balanced_cuts(employees, threads, n, [&](std::size_t e) { return group[e]; });
  result.parts.resize(threads);
  run_parallel(threads, [&](unsigned t) {
    auto& out = result.parts[t];
    std::array<std::vector<std::int32_t>, 6> by_indicator;
    for (std::size_t e = cuts[t]; e < cuts[t + 1]; ++e) {
      const std::uint32_t* v = keys.get() + group[e];
      const std::size_t m = group[e + 1] - group[e];
      if (m < min_count) continue;
      const auto employee = static_cast<std::uint32_t>(e);
      if (any_a_to_f) {
        for (auto& b : by_indicator) b.clear();
        for (std::size_t i = 0; i < m; ++i) {
          const std::uint32_t ind = v[i] & 7u;
          if (rules[ind].evaluated)
            by_indicator[ind].push_back(static_cast<std::int32_t>(v[i] >> 3));
        }
        for (std::size_t ind = 0; ind < 6; ++ind) {
          const auto& days = by_indicator[ind];
          const Rule& r = rules[ind];
          if (!r.evaluated || days.size() < r.count) continue;
          scan_run([&](std::size_t i) { return days[i]; }, days.size(), r.count, r.starts.data(),
                   [&](std::int32_t d, std::size_t c) {
                     out.push_back(Crossing{employee, static_cast<Indicator>(ind), base_day + d,
                                            static_cast<std::uint32_t>(c)});
                   });
        }
      }
      const Rule& g = rules[static_cast<std::size_t>(Indicator::kG)];
      if (g.evaluated && m >= g.count) {
        scan_run([&](std::size_t i) { return static_cast<std::int32_t>(v[i] >> 3); }, m, g.count,
                 g.starts.data(),
                 [&](std::int32_t d, std::size_t c) {
                   out.push_back(Crossing{employee, Indicator::kG, base_day + d,
                                          static_cast<std::uint32_t>(c)});
                 });
      }
    }
  });
  return result;
}

}  // namespace rollcall::pmp::crossings
