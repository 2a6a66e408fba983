// SPDX-License-Identifier: Apache-2.0
// In-process latency of Podium's full search path, as the HTTP handler runs it without the
// socket: parse the query parameters, search (retrieve, aggregate, diversify, evidence) and
// render the response JSON to bytes. One thread, each query of a podium-eval query file in turn.
// --engine floor times the engine floor's query (engine_floor/floor_search.h) the same way.
//   podium-bench-latency --db DB --queries Q.jsonl [--engine podium|floor] [--diversity]
//                        [--passes N] [--warmup N] [--exact-count-limit N] [--talk-depth N]
// --exact-count-limit, --talk-depth: as podium-search serve's options of those names
// (RankingParams; the server's defaults unless given). An exact count limit above the index's
// size counts every match, as Podium did before the limit, for a before/after run.
// Prints one line: queries=N p50_ms=.. p99_ms=.. mean_ms=.. cpu_mean_ms=.. bytes_mean=..
// estimated_totals=.. (the timed queries whose total and facets were estimates)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <time.h>
#include <xapian.h>

#include "podium/http/request_parsing.h"
#include "podium/search/index.h"
#include "podium/search/response_json.h"

#include "engine_floor/floor_search.h"

namespace {

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::vector<std::string> read_queries(const std::string& path) {
  std::vector<std::string> queries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_object() && record.contains("query")) {
      queries.push_back(record["query"].get<std::string>());
    }
  }
  return queries;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) try {
  std::string db_path, queries_path, engine = "podium";
  bool diversity = false;
  int passes = 1, warmup = 1;
  std::optional<int> exact_count_limit, talk_depth;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--diversity") {
      diversity = true;
    } else if (i + 1 < argc && arg == "--db") {
      db_path = argv[++i];
    } else if (i + 1 < argc && arg == "--queries") {
      queries_path = argv[++i];
    } else if (i + 1 < argc && arg == "--engine") {
      engine = argv[++i];
    } else if (i + 1 < argc && arg == "--passes") {
      passes = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--warmup") {
      warmup = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--exact-count-limit") {
      exact_count_limit = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--talk-depth") {
      talk_depth = std::atoi(argv[++i]);
    }
  }
  const auto queries = read_queries(queries_path);
  if (db_path.empty() || queries.empty() || (engine != "podium" && engine != "floor")) {
    std::cerr << "usage: podium-bench-latency --db DB --queries Q.jsonl [--diversity] "
                 "[--engine podium|floor] [--passes N] [--warmup N] [--exact-count-limit N] "
                 "[--talk-depth N] (the query file needs \"query\" lines)\n";
    return 2;
  }
  std::unique_ptr<podium::search::Index> index;
  std::optional<podium::bench::FloorSearcher> floor;
  if (engine == "floor") {
    floor.emplace(db_path);
  } else {
    auto opened = podium::search::Index::open(db_path);
    if (!opened.is_ok()) {
      std::cerr << "podium-bench-latency: " << opened.status().message() << "\n";
      return 3;
    }
    index = std::move(*opened);
  }

  std::vector<double> wall_ms, cpu_ms;
  double bytes = 0;
  std::size_t estimated_totals = 0;
  for (int pass = 0; pass < warmup + passes; ++pass) {
    for (const auto& query : queries) {
      const auto wall_start = std::chrono::steady_clock::now();
      const double cpu_start = thread_cpu_ms();
      std::string body;
      if (floor) {
        body = floor->search_json(query, 10);
      } else {
        podium::http::QueryParams params{{"q", query}, {"k", "10"}};
        if (diversity) params.emplace("diversity", "on");
        auto request = podium::http::parse_search_params(params);
        if (!request.is_ok()) continue;
        if (exact_count_limit) request->params.exact_count_limit = *exact_count_limit;
        if (talk_depth) request->params.talk_depth = *talk_depth;
        auto response = index->search(*request);
        if (!response.is_ok()) continue;
        if (pass >= warmup && !response->counts_exact) ++estimated_totals;
        body = podium::search::to_json(*response).dump();
      }
      if (pass < warmup) continue;  // the first pass fills caches, as a warm server has them
      cpu_ms.push_back(thread_cpu_ms() - cpu_start);
      wall_ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_start)
              .count());
      bytes += static_cast<double>(body.size());
    }
  }
  if (wall_ms.empty()) {
    std::cerr << "podium-bench-latency: no query succeeded\n";
    return 1;
  }
  double wall_sum = 0, cpu_sum = 0;
  for (double v : wall_ms) wall_sum += v;
  for (double v : cpu_ms) cpu_sum += v;
  const double n = static_cast<double>(wall_ms.size());
  std::printf(
      "queries=%zu p50_ms=%.3f p99_ms=%.3f mean_ms=%.3f cpu_mean_ms=%.3f bytes_mean=%.0f "
      "estimated_totals=%zu\n",
      wall_ms.size(), percentile(wall_ms, 0.5), percentile(wall_ms, 0.99), wall_sum / n,
      cpu_sum / n, bytes / n, estimated_totals);
  return 0;
} catch (const Xapian::Error& e) {
  std::cerr << "podium-bench-latency: " << e.get_description() << "\n";
  return 3;
}
