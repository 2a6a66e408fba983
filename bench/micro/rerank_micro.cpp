// SPDX-License-Identifier: Apache-2.0
// Micro-benchmark: diversity re-ranking of a relevance-ordered candidate pool (pure C++, no
// Xapian), at the pool size a diversity=on search hands it.
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "podium/search/diversity.h"

namespace {

std::vector<podium::search::DiversityCandidate> make_pool(std::size_t n) {
  static const char* const kRegionNames[] = {"europe", "north-america", "asia", "africa", ""};
  static const char* const kTopics[] = {"python", "web", "data", "ml", "devops", "testing"};
  std::vector<podium::search::DiversityCandidate> pool;
  for (std::size_t i = 0; i < n; ++i) {
    podium::search::DiversityCandidate c;
    c.id = "speaker-" + std::to_string(i);
    c.relevance = 1.0 - static_cast<double>(i) / static_cast<double>(n);
    c.region = kRegionNames[i % 5];
    c.affiliation = "org-" + std::to_string(i % 17);
    c.talk_count = i % 7;
    c.subtopics = {kTopics[i % 6], kTopics[(i * 7) % 6]};
    c.gender = i % 3 == 0 ? "woman" : "";
    pool.push_back(std::move(c));
  }
  return pool;
}

void BM_Diversify(benchmark::State& state) {
  const auto pool = make_pool(static_cast<std::size_t>(state.range(0)));
  podium::search::DiversityOptions options;
  options.seed = 1;
  options.min_shares.push_back({"gender", {"women+"}, 0.4});
  for (auto _ : state) {
    benchmark::DoNotOptimize(podium::search::diversify(pool, options));
  }
}
BENCHMARK(BM_Diversify)->Arg(50)->Arg(100)->Unit(benchmark::kMicrosecond);

}  // namespace
