// SPDX-License-Identifier: Apache-2.0
// Metric formulas as in RANKING.md §2.3 (binary relevance).
#include "podium/eval/metrics.h"

#include <algorithm>
#include <cmath>

namespace podium::eval {

QueryMetrics score_ranking(const std::vector<std::string>& ranking,
                           const std::set<std::string>& relevant) {
  QueryMetrics m;
  std::size_t found_10 = 0;
  std::size_t found_100 = 0;
  double dcg = 0;
  for (std::size_t i = 0; i < ranking.size() && i < 100; ++i) {
    if (!relevant.contains(ranking[i])) continue;
    const std::size_t rank = i + 1;
    if (m.first_relevant_rank == 0) m.first_relevant_rank = rank;
    ++found_100;
    if (rank <= 10) {
      ++found_10;
      dcg += 1.0 / std::log2(static_cast<double>(rank) + 1);
    }
  }
  double ideal = 0;
  for (std::size_t i = 1; i <= std::min<std::size_t>(relevant.size(), 10); ++i) {
    ideal += 1.0 / std::log2(static_cast<double>(i) + 1);
  }
  const auto total = static_cast<double>(relevant.size());
  m.reciprocal_rank_at_10 = (m.first_relevant_rank > 0 && m.first_relevant_rank <= 10)
                                ? 1.0 / static_cast<double>(m.first_relevant_rank)
                                : 0;
  m.ndcg_at_10 = ideal > 0 ? dcg / ideal : 0;
  m.recall_at_10 = static_cast<double>(found_10) / total;
  m.recall_at_100 = static_cast<double>(found_100) / total;
  m.hit_at_1 = m.first_relevant_rank == 1;
  m.hit_at_10 = m.first_relevant_rank > 0 && m.first_relevant_rank <= 10;
  return m;
}

Summary summarize(const std::vector<QueryMetrics>& per_query) {
  Summary s;
  s.queries = per_query.size();
  if (per_query.empty()) return s;
  for (const auto& m : per_query) {
    s.mrr_at_10 += m.reciprocal_rank_at_10;
    s.ndcg_at_10 += m.ndcg_at_10;
    s.recall_at_10 += m.recall_at_10;
    s.recall_at_100 += m.recall_at_100;
    s.hit_at_1 += m.hit_at_1 ? 1 : 0;
    s.hit_at_10 += m.hit_at_10 ? 1 : 0;
  }
  const auto n = static_cast<double>(per_query.size());
  s.mrr_at_10 /= n;
  s.ndcg_at_10 /= n;
  s.recall_at_10 /= n;
  s.recall_at_100 /= n;
  s.hit_at_1 /= n;
  s.hit_at_10 /= n;
  return s;
}

}  // namespace podium::eval
