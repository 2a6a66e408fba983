// SPDX-License-Identifier: Apache-2.0
// podium-eval --against: two rankings of the same query set, metric by metric, with the paired
// significance test of significance.h, as text and as JSON.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "podium/core/status.h"
#include "podium/eval/metrics.h"
#include "podium/eval/significance.h"

namespace podium::eval {

struct MetricComparison {
  std::string name;  // as printed: "MRR@10"
  std::string key;   // as in --json: "mrr_at_10"
  PairedDifference result;
};

// Every metric of Summary, in its order. kInvalidArgument when the two lists differ in length
// or are empty.
Result<std::vector<MetricComparison>> compare_systems(const std::vector<QueryMetrics>& a,
                                                      const std::vector<QueryMetrics>& b,
                                                      const PairedTestOptions& options);

// `label`: what the first system was compared against ("baseline").
void print_comparison(std::ostream& out, const std::string& label,
                      const std::vector<MetricComparison>& metrics,
                      const PairedTestOptions& options);
nlohmann::json comparison_json(const std::string& label,
                               const std::vector<MetricComparison>& metrics,
                               const PairedTestOptions& options);

}  // namespace podium::eval
