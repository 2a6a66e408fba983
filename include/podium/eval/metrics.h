// SPDX-License-Identifier: Apache-2.0
// Ranking-quality metrics for known-item expert-finding queries (RANKING.md §2.3): MRR@k,
// nDCG@k (binary gains), Recall@k, Hit@k.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace podium::eval {

struct QueryMetrics {
  std::size_t first_relevant_rank = 0;  // 1-based, 0 = not in the top 100
  double reciprocal_rank_at_10 = 0;
  double ndcg_at_10 = 0;
  // Share of the relevant ids within the top k, over all of them (not capped at k: a query with
  // 12 relevant speakers can reach at most 10/12 at 10).
  double recall_at_10 = 0;
  double recall_at_100 = 0;
  bool hit_at_1 = false;
  bool hit_at_10 = false;
};

// Metrics of one ranking (speaker ids, best first) against the relevant ids.
// REQUIRES: relevant is not empty.
QueryMetrics score_ranking(const std::vector<std::string>& ranking,
                           const std::set<std::string>& relevant);

struct Summary {
  std::size_t queries = 0;
  double mrr_at_10 = 0;
  double ndcg_at_10 = 0;
  double recall_at_10 = 0;
  double recall_at_100 = 0;
  double hit_at_1 = 0;
  double hit_at_10 = 0;
};

// Means over queries.
Summary summarize(const std::vector<QueryMetrics>& per_query);

}  // namespace podium::eval
