// SPDX-License-Identifier: Apache-2.0
// Metric-by-metric comparison of two systems' per-query results.
#include "podium/eval/system_comparison.h"

#include <functional>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace podium::eval {
namespace {

struct MetricDefinition {
  const char* name;
  const char* key;
  std::function<double(const QueryMetrics&)> value;
};

const std::vector<MetricDefinition>& metric_definitions() {
  static const std::vector<MetricDefinition> definitions = {
      {"MRR@10", "mrr_at_10", [](const QueryMetrics& m) { return m.reciprocal_rank_at_10; }},
      {"nDCG@10", "ndcg_at_10", [](const QueryMetrics& m) { return m.ndcg_at_10; }},
      {"R@10", "recall_at_10", [](const QueryMetrics& m) { return m.recall_at_10; }},
      {"R@100", "recall_at_100", [](const QueryMetrics& m) { return m.recall_at_100; }},
      {"Hit@1", "hit_at_1", [](const QueryMetrics& m) { return m.hit_at_1 ? 1.0 : 0.0; }},
      {"Hit@10", "hit_at_10", [](const QueryMetrics& m) { return m.hit_at_10 ? 1.0 : 0.0; }}};
  return definitions;
}

std::string signed_fixed(double value, int precision) {
  std::ostringstream out;
  out << std::showpos << std::fixed << std::setprecision(precision) << value;
  return out.str();
}

}  // namespace

Result<std::vector<MetricComparison>> compare_systems(const std::vector<QueryMetrics>& a,
                                                      const std::vector<QueryMetrics>& b,
                                                      const PairedTestOptions& options) {
  std::vector<MetricComparison> out;
  for (const auto& metric : metric_definitions()) {
    std::vector<double> values_a;
    std::vector<double> values_b;
    for (const auto& m : a) values_a.push_back(metric.value(m));
    for (const auto& m : b) values_b.push_back(metric.value(m));
    Result<PairedDifference> result = compare_paired(values_a, values_b, options);
    if (!result.is_ok()) return result.status();
    out.push_back({metric.name, metric.key, std::move(result).value()});
  }
  return out;
}

void print_comparison(std::ostream& out, const std::string& label,
                      const std::vector<MetricComparison>& metrics,
                      const PairedTestOptions& options) {
  out << "against " << label << "  (difference and ratio with 95% bootstrap intervals; p: paired "
      << "randomization test; " << options.rounds << " rounds, seed " << options.seed << ")\n";
  for (const auto& m : metrics) {
    const PairedDifference& d = m.result;
    out << "  " << std::left << std::setw(8) << m.name << std::right << std::fixed
        << std::setprecision(4) << d.mean_a << " vs " << d.mean_b << "  "
        << signed_fixed(d.difference, 4) << " [" << signed_fixed(d.difference_low, 4) << ", "
        << signed_fixed(d.difference_high, 4) << "]  ratio " << std::setprecision(3) << d.ratio
        << " [" << d.ratio_low << ", " << d.ratio_high << "]  p " << std::setprecision(4)
        << d.p_value << "\n";
  }
}

nlohmann::json comparison_json(const std::string& label,
                               const std::vector<MetricComparison>& metrics,
                               const PairedTestOptions& options) {
  nlohmann::json by_metric = nlohmann::json::object();
  for (const auto& m : metrics) {
    const PairedDifference& d = m.result;
    by_metric[m.key] = {
        {"value", d.mean_a},          {"against", d.mean_b},
        {"difference", d.difference}, {"difference_95", {d.difference_low, d.difference_high}},
        {"ratio", d.ratio},           {"ratio_95", {d.ratio_low, d.ratio_high}},
        {"p_value", d.p_value}};
  }
  return {{"system", label},
          {"test", "paired randomization (two-sided) and percentile bootstrap"},
          {"rounds", options.rounds},
          {"seed", options.seed},
          {"metrics", by_metric}};
}

}  // namespace podium::eval
