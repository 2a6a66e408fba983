// SPDX-License-Identifier: Apache-2.0
// Diversity and fairness metrics of rankings (RANKING.md §2.3): alpha-nDCG, per-prefix
// minimum-share satisfaction, NDKL and skew@k for a binary attribute (has a requested value or
// not), and amortised exposure: a group's share of it and its Gini over speakers. Pure functions
// over hand-checkable inputs; eval_run.cpp feeds them.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace podium::eval {

// Position-based exposure of rank r (1-based): 1 / log2(1 + r).
double exposure_at(std::size_t rank);

// alpha-nDCG@k (Clarke et al., SIGIR 2008). `ranking[i]` is the set of the query's subtopics the
// item at rank i+1 covers. The ideal is built greedily (the exact ideal is NP-hard) from
// `pool`, the subtopic sets of every item that could be ranked (the ranking's items included).
// 0 when the ideal gains nothing (no item covers any subtopic).
double alpha_ndcg(const std::vector<std::set<std::string>>& ranking,
                  const std::vector<std::set<std::string>>& pool, std::size_t k,
                  double alpha = 0.5);

// Minimum count at a prefix of length `length`: floor(share * length), as the re-ranker uses.
std::size_t required_count(double share, std::size_t length);

// Whether every prefix 1..min(k, ranking size) holds at least required_count() members.
bool prefixes_meet_share(const std::vector<bool>& members, double share, std::size_t k);

// Whether a ranking of `k` can meet the minimum at all from a pool holding `pool_members`
// members: the full-length minimum needs that many.
bool share_feasible(std::size_t pool_members, double share, std::size_t k);

// Skew@k of the member side (Geyik et al., KDD 2019): ln(p_k / target), p_k the members' share
// of the top k; and of the non-member side with target 1 - target. Shares are smoothed by
// epsilon (p := max(p, epsilon)) so that an empty side is finite.
struct Skews {
  double members = 0;
  double others = 0;
  double min() const { return members < others ? members : others; }
  double max() const { return members > others ? members : others; }
};
inline constexpr double kSkewEpsilon = 1e-3;
Skews skew_at(const std::vector<bool>& members, double target, std::size_t k);

// NDKL over the top k (Geyik et al.): sum over prefixes i of KL(P_i || target) / log2(i + 1),
// divided by sum of 1 / log2(i + 1); P_i the member/non-member shares of the first i items.
// Binary attribute, target in (0, 1); zero shares contribute 0 (0 ln 0 = 0).
double ndkl(const std::vector<bool>& members, double target, std::size_t k);

// The Gini coefficient of non-negative amounts (0: all equal, towards 1: one has everything).
// 0 for an empty list or all zeros.
double gini(std::vector<double> amounts);

}  // namespace podium::eval
