// Portable randomness for the demo generators. The standard distributions are
// implementation-defined, so every draw is computed from raw std::mt19937_64
// words, whose sequence the standard fixes for a given seed: the same seed
// gives the same demo on every platform.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace rollcall::app::demo_random {

using Rng = std::mt19937_64;

// A uniform integer in [lo, hi] (requires lo <= hi). Masks each 64-bit word to
// the smallest power of two covering the range and rejects values beyond it:
// exact, unbiased, and the same on every platform.
inline std::int64_t uniform(Rng& rng, std::int64_t lo, std::int64_t hi) {
  const auto range = static_cast<std::uint64_t>(hi - lo);
  std::uint64_t mask = range;
  for (int shift = 1; shift < 64; shift *= 2) mask |= mask >> shift;
  for (;;) {
    const std::uint64_t x = rng() & mask;
    if (x <= range) return lo + static_cast<std::int64_t>(x);
  }
}

// A uniform double in [0, 1) from the top 53 bits of one word.
inline double uniform01(Rng& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// True with probability num/den (0 <= num <= den, den > 0).
inline bool chance(Rng& rng, int num, int den) { return uniform(rng, 0, den - 1) < num; }

// A uniformly chosen element of a non-empty vector or array.
template <typename T>
const T& pick(Rng& rng, const std::vector<T>& v) {
  return v[static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(v.size()) - 1))];
}
template <typename T, std::size_t N>
const T& pick(Rng& rng, const std::array<T, N>& a) {
  return a[static_cast<std::size_t>(uniform(rng, 0, static_cast<std::int64_t>(N) - 1))];
}

}  // namespace rollcall::app::demo_random
