// SPDX-License-Identifier: Apache-2.0
// Paired randomization test and bootstrap intervals.
#include "podium/eval/significance.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace podium::eval {
namespace {

double mean(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// The p-th percentile (0..1) of sorted values, by the nearest rank.
double percentile_of_sorted(const std::vector<double>& sorted, double p) {
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

Result<PairedDifference> compare_paired(const std::vector<double>& a, const std::vector<double>& b,
                                        const PairedTestOptions& options) {
  if (a.size() != b.size()) {
    return Status::invalid("the two systems were measured on different numbers of queries (" +
                           std::to_string(a.size()) + " and " + std::to_string(b.size()) + ")");
  }
  if (a.empty()) return Status::invalid("no queries to compare");
  if (options.rounds == 0) return Status::invalid("needs at least one round");
  const std::size_t n = a.size();
  std::vector<double> differences(n);
  for (std::size_t i = 0; i < n; ++i) differences[i] = a[i] - b[i];

  PairedDifference out;
  out.mean_a = mean(a);
  out.mean_b = mean(b);
  out.difference = mean(differences);
  out.ratio = out.mean_b > 0 ? out.mean_a / out.mean_b : 0;

  // mt19937_64's output is fixed by the standard; the distributions are not, so draws are
  // taken from its bits directly and the results repeat on every standard library.
  std::mt19937_64 random(options.seed);
  // A tolerance, so floating-point noise in summing the same values in another order does not
  // decide a tie.
  const double observed = std::fabs(out.difference) - 1e-12;
  std::size_t at_least_as_extreme = 0;
  for (std::size_t round = 0; round < options.rounds; ++round) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
      sum += (random() >> 63) != 0 ? differences[i] : -differences[i];
    if (std::fabs(sum / static_cast<double>(n)) >= observed) ++at_least_as_extreme;
  }
  out.p_value =
      static_cast<double>(at_least_as_extreme + 1) / static_cast<double>(options.rounds + 1);

  std::vector<double> sampled_differences;
  std::vector<double> sampled_ratios;
  sampled_differences.reserve(options.rounds);
  sampled_ratios.reserve(options.rounds);
  for (std::size_t round = 0; round < options.rounds; ++round) {
    double sum_a = 0;
    double sum_b = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t pick = static_cast<std::size_t>(random() % n);
      sum_a += a[pick];
      sum_b += b[pick];
    }
    sampled_differences.push_back((sum_a - sum_b) / static_cast<double>(n));
    sampled_ratios.push_back(sum_b > 0 ? sum_a / sum_b : 0);
  }
  std::sort(sampled_differences.begin(), sampled_differences.end());
  std::sort(sampled_ratios.begin(), sampled_ratios.end());
  out.difference_low = percentile_of_sorted(sampled_differences, 0.025);
  out.difference_high = percentile_of_sorted(sampled_differences, 0.975);
  out.ratio_low = percentile_of_sorted(sampled_ratios, 0.025);
  out.ratio_high = percentile_of_sorted(sampled_ratios, 0.975);
  return out;
}

}  // namespace podium::eval
