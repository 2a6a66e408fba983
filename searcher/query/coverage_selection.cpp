// SPDX-License-Identifier: Apache-2.0
// xQuAD over explicit subtopics (RANKING.md §2.1): greedy, each step rewards the subtopics
// the lineup does not cover yet. Pure: no Xapian.
#include <algorithm>

#include "podium/search/recommend.h"

namespace podium::search {

std::vector<CoverageChoice> select_by_coverage(const std::vector<double>& relevance,
                                               const std::vector<std::vector<std::size_t>>& covers,
                                               const std::vector<double>& weights, std::size_t size,
                                               double lambda) {
  const std::size_t n = relevance.size();
  // Probability that subtopic t is still uncovered by the chosen speakers. Coverage is binary
  // (a speaker has the topic or a talk with the tag), so one speaker covers it fully.
  std::vector<double> uncovered(weights.size(), 1.0);
  std::vector<bool> chosen(n, false);
  std::vector<CoverageChoice> out;
  while (out.size() < std::min(size, n)) {
    std::size_t best = n;
    double best_value = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (chosen[i]) continue;
      double gain = 0;
      for (std::size_t t : covers[i]) {
        if (t < weights.size()) gain += weights[t] * uncovered[t];
      }
      const double value = (1 - lambda) * relevance[i] + lambda * gain;
      if (best == n || value > best_value) {
        best = i;
        best_value = value;
      }
    }
    chosen[best] = true;
    for (std::size_t t : covers[best]) {
      if (t < weights.size()) uncovered[t] = 0;
    }
    out.push_back({best, best_value});
  }
  return out;
}

}  // namespace podium::search
