// SPDX-License-Identifier: Apache-2.0
#include "podium/eval/parity.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace podium::eval {
namespace {

// Shards sum the same per-term weights in another order; anything beyond rounding is a bug.
constexpr double kScoreTolerance = 1e-9;

bool close(double a, double b) {
  return std::fabs(a - b) <= kScoreTolerance * std::max({1.0, std::fabs(a), std::fabs(b)});
}

}  // namespace

ParityCheck compare_responses(const search::SearchResponse& expected,
                              const search::SearchResponse& actual, std::size_t k) {
  ParityCheck check;
  std::ostringstream why;
  if (expected.total != actual.total) {
    why << "total " << expected.total << " vs " << actual.total;
  } else if (expected.did_you_mean != actual.did_you_mean) {
    why << "did_you_mean '" << expected.did_you_mean << "' vs '" << actual.did_you_mean << "'";
  } else {
    const std::size_t shown = std::min(k, std::max(expected.results.size(), actual.results.size()));
    for (std::size_t i = 0; i < shown; ++i) {
      if (i >= expected.results.size() || i >= actual.results.size()) {
        why << "rank " << i + 1 << ": " << expected.results.size() << " vs "
            << actual.results.size() << " results";
        break;
      }
      const auto& a = expected.results[i];
      const auto& b = actual.results[i];
      if (a.speaker.id != b.speaker.id) {
        why << "rank " << i + 1 << ": " << a.speaker.id << " vs " << b.speaker.id;
        break;
      }
      if (!close(a.score, b.score)) {
        why << "rank " << i + 1 << " (" << a.speaker.id << "): score " << a.score << " vs "
            << b.score;
        break;
      }
    }
  }
  check.difference = why.str();
  check.same = check.difference.empty();
  return check;
}

}  // namespace podium::eval
