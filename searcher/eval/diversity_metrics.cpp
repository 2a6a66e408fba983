// SPDX-License-Identifier: Apache-2.0
// Diversity and fairness metrics; formulas as in RANKING.md §2.3.
#include "podium/eval/diversity_metrics.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace podium::eval {
namespace {

// Gains of one ranking under alpha-nDCG: item j gains sum over its subtopics t of
// (1 - alpha)^(times t was covered above j).
double alpha_dcg(const std::vector<const std::set<std::string>*>& ranking, std::size_t k,
                 double alpha) {
  std::map<std::string, int> seen;
  double dcg = 0;
  for (std::size_t j = 0; j < ranking.size() && j < k; ++j) {
    double gain = 0;
    for (const auto& t : *ranking[j]) gain += std::pow(1 - alpha, seen[t]++);
    dcg += gain * exposure_at(j + 1);
  }
  return dcg;
}

double kl_binary(double p, double q) {
  double kl = 0;
  if (p > 0) kl += p * std::log(p / q);
  if (p < 1) kl += (1 - p) * std::log((1 - p) / (1 - q));
  return kl;
}

}  // namespace

double exposure_at(std::size_t rank) { return 1.0 / std::log2(1.0 + static_cast<double>(rank)); }

double alpha_ndcg(const std::vector<std::set<std::string>>& ranking,
                  const std::vector<std::set<std::string>>& pool, std::size_t k, double alpha) {
  std::vector<const std::set<std::string>*> actual;
  for (const auto& item : ranking) actual.push_back(&item);
  // Greedy ideal: at each rank the pool item with the largest gain given those above.
  std::vector<const std::set<std::string>*> ideal;
  std::vector<bool> used(pool.size(), false);
  std::map<std::string, int> seen;
  for (std::size_t j = 0; j < k && j < pool.size(); ++j) {
    std::size_t best = pool.size();
    double best_gain = 0;
    for (std::size_t i = 0; i < pool.size(); ++i) {
      if (used[i]) continue;
      double gain = 0;
      for (const auto& t : pool[i]) {
        auto it = seen.find(t);
        gain += std::pow(1 - alpha, it == seen.end() ? 0 : it->second);
      }
      if (best == pool.size() || gain > best_gain) {
        best = i;
        best_gain = gain;
      }
    }
    if (best_gain <= 0) break;
    used[best] = true;
    for (const auto& t : pool[best]) ++seen[t];
    ideal.push_back(&pool[best]);
  }
  const double ideal_dcg = alpha_dcg(ideal, k, alpha);
  return ideal_dcg > 0 ? std::min(1.0, alpha_dcg(actual, k, alpha) / ideal_dcg) : 0;
}

std::size_t required_count(double share, std::size_t length) {
  // The small epsilon keeps 0.4 * 5 = 2 from becoming 1.999... and flooring to 1.
  return static_cast<std::size_t>(std::floor(share * static_cast<double>(length) + 1e-9));
}

bool prefixes_meet_share(const std::vector<bool>& members, double share, std::size_t k) {
  std::size_t have = 0;
  for (std::size_t i = 0; i < members.size() && i < k; ++i) {
    if (members[i]) ++have;
    if (have < required_count(share, i + 1)) return false;
  }
  return true;
}

bool share_feasible(std::size_t pool_members, double share, std::size_t k) {
  return pool_members >= required_count(share, k);
}

Skews skew_at(const std::vector<bool>& members, double target, std::size_t k) {
  const std::size_t n = std::min(k, members.size());
  if (n == 0) return {};
  const auto count = static_cast<double>(
      std::count(members.begin(), members.begin() + static_cast<long>(n), true));
  const double p = count / static_cast<double>(n);
  return {std::log(std::max(p, kSkewEpsilon) / target),
          std::log(std::max(1 - p, kSkewEpsilon) / (1 - target))};
}

double ndkl(const std::vector<bool>& members, double target, std::size_t k) {
  double sum = 0;
  double z = 0;
  std::size_t have = 0;
  for (std::size_t i = 0; i < members.size() && i < k; ++i) {
    if (members[i]) ++have;
    const double p = static_cast<double>(have) / static_cast<double>(i + 1);
    sum += exposure_at(i + 1) * kl_binary(p, target);
    z += exposure_at(i + 1);
  }
  return z > 0 ? sum / z : 0;
}

double gini(std::vector<double> amounts) {
  const std::size_t n = amounts.size();
  double total = 0;
  for (double a : amounts) total += a;
  if (n == 0 || total <= 0) return 0;
  std::sort(amounts.begin(), amounts.end());
  // G = sum_i (2i - n - 1) x_i / (n * sum x), i = 1..n over the ascending order.
  double weighted = 0;
  for (std::size_t i = 0; i < n; ++i) {
    weighted += (2.0 * static_cast<double>(i + 1) - static_cast<double>(n) - 1) * amounts[i];
  }
  return weighted / (static_cast<double>(n) * total);
}

}  // namespace podium::eval
