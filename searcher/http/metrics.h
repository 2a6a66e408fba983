// SPDX-License-Identifier: Apache-2.0
// Counters behind GET /metrics (Prometheus text format 0.0.4) and the route labels shared with
// the access log. Thread-safe: every worker thread records into one Metrics.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "podium/search/search_types.h"

namespace podium::http {

// The route pattern of a request path ("/v1/speakers/{id}"), never the raw path, so labels and
// log lines hold no ids or query text and the label set stays small. "unmatched" otherwise.
std::string route_pattern(std::string_view path);
// The method when it is a standard one, otherwise "other".
std::string method_label(std::string_view method);

// What one admin ingest did (a copy of ingest::BatchSummary's counts).
struct IngestCounts {
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t deleted = 0;
  std::size_t rejected = 0;
  bool committed = false;
};

class Metrics {
 public:
  // Upper bounds of the latency histogram, in seconds (Prometheus' default buckets).
  static constexpr std::array<double, 11> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1.0,  2.5,   5.0,  10.0};

  void record_request(const std::string& method, const std::string& route, int status,
                      double seconds);
  void record_ingest(const IngestCounts& counts);
  // A batch that could not run: another writer held the lock (conflict) or an error.
  void record_ingest_failure(bool conflict);

  // The text exposition: the counters above, plus the index gauges when `stats` is given and
  // the number of open connections.
  std::string render(const std::optional<search::IndexStats>& stats,
                     std::int64_t open_connections) const;

 private:
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};  // non-cumulative
  std::uint64_t duration_count_ = 0;
  double duration_sum_ = 0;
  std::map<std::string, std::uint64_t> ingest_batches_;  // by result
  IngestCounts ingest_records_;                          // summed
};

}  // namespace podium::http
