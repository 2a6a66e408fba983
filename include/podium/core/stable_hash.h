// SPDX-License-Identifier: Apache-2.0
// A seeded hash of a string that is the same on every machine and in every release: browse
// order, tie-breaking in the diversity re-ranker and synthetic evaluation attributes depend on it
// (std::hash gives no such promise).
#pragma once

#include <cstdint>
#include <string_view>

namespace podium {

// FNV-1a over `text`, started from the seed, then splitmix64's finaliser so that nearby seeds
// give unrelated orders.
inline std::uint64_t stable_hash(std::uint64_t seed, std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL ^ seed;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

}  // namespace podium
