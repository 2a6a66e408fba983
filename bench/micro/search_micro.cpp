// SPDX-License-Identifier: Apache-2.0
// Micro-benchmarks of the search stages over a real index (PODIUM_BENCH_DB, set by bench/run to
// its evaluation index): retrieval + aggregation alone (no evidence), the whole search, and the
// plain BM25 top-10 of the same query on the same database for scale.
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <xapian.h>

#include "podium/search/index.h"

namespace {

const std::vector<std::string> kQueries = {"machine learning pipelines", "async web frameworks",
                                           "testing with pytest", "data visualization",
                                           "packaging python libraries"};

const char* bench_db() { return std::getenv("PODIUM_BENCH_DB"); }

void run_search(benchmark::State& state, bool evidence, bool diversity) {
  if (bench_db() == nullptr) {
    state.SkipWithError("PODIUM_BENCH_DB is not set (bench/run sets it)");
    return;
  }
  auto index = podium::search::Index::open(bench_db());
  if (!index.is_ok()) {
    state.SkipWithError(index.status().message().c_str());
    return;
  }
  std::size_t i = 0;
  for (auto _ : state) {
    podium::search::SearchRequest request;
    request.query = kQueries[i++ % kQueries.size()];
    request.with_evidence = evidence;
    if (diversity) request.diversity = podium::search::DiversityOptions{};
    benchmark::DoNotOptimize((*index)->search(request));
  }
}

void BM_SearchRetrieveAggregate(benchmark::State& state) { run_search(state, false, false); }
void BM_SearchWithEvidence(benchmark::State& state) { run_search(state, true, false); }
void BM_SearchWithEvidenceDiversity(benchmark::State& state) { run_search(state, true, true); }

void BM_XapianBm25Top10(benchmark::State& state) {
  if (bench_db() == nullptr) {
    state.SkipWithError("PODIUM_BENCH_DB is not set (bench/run sets it)");
    return;
  }
  Xapian::Database db(bench_db());
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(db);
  std::size_t i = 0;
  for (auto _ : state) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(kQueries[i++ % kQueries.size()]));
    benchmark::DoNotOptimize(enquire.get_mset(0, 10));
  }
}

BENCHMARK(BM_SearchRetrieveAggregate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchWithEvidence)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchWithEvidenceDiversity)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_XapianBm25Top10)->Unit(benchmark::kMillisecond);

}  // namespace
