// SPDX-License-Identifier: Apache-2.0
// Whether one ranking beats another on a query set by more than chance: a paired randomization
// test and bootstrap intervals over per-query values of a metric (Smucker, Allan & Carterette,
// "A comparison of statistical significance tests for information retrieval evaluation", CIKM
// 2007, recommend the randomization test for IR metrics). Deterministic for a given seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "podium/core/status.h"

namespace podium::eval {

struct PairedDifference {
  double mean_a = 0;
  double mean_b = 0;
  double difference = 0;  // mean_a - mean_b
  // 95 % percentile bootstrap intervals (queries resampled with replacement) of the difference
  // and of the ratio mean_a / mean_b (a sample whose mean_b is 0 counts as ratio 0).
  double difference_low = 0;
  double difference_high = 0;
  double ratio = 0;  // mean_a / mean_b, 0 when mean_b is 0
  double ratio_low = 0;
  double ratio_high = 0;
  // Two-sided paired randomization test: the share of random sign flips of the per-query
  // differences whose mean is at least as far from 0 as the observed one (with the observed
  // arrangement counted, so never 0).
  double p_value = 1;
};

struct PairedTestOptions {
  std::size_t rounds = 10000;  // sign-flip rounds and bootstrap samples each
  std::uint64_t seed = 1;
};

// `a[i]` and `b[i]` are the two systems' values of one metric on query i. kInvalidArgument when
// the lengths differ or there are no queries.
Result<PairedDifference> compare_paired(const std::vector<double>& a, const std::vector<double>& b,
                                        const PairedTestOptions& options = {});

}  // namespace podium::eval
