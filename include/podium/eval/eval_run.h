// SPDX-License-Identifier: Apache-2.0
// The podium-eval program as a library: run a query set through the same search code as the
// API and print ranking-quality metrics, or build held-out query sets.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "podium/core/status.h"
#include "podium/eval/heldout.h"
#include "podium/eval/synthetic_attributes.h"
#include "podium/search/search_types.h"

namespace podium::eval {

struct EvalOptions {
  bool build_heldout = false;  // the build-heldout subcommand
  HeldOutOptions heldout;
  bool synth_attributes = false;  // the synth-attributes subcommand
  SynthOptions synth;
  std::string db_path;
  std::string queries_path;
  int k = 10;  // cut-off shown in the per-query listing (metrics use 10 and 100)
  bool json = false;
  bool verbose = false;
  search::RankingModel model = search::RankingModel::kFused;
  search::RankingParams params;  // defaults, overridden by --set name=value
  // --diversity / --min-share FIELD=VALUE[,VALUE...]:SHARE: run with diversity re-ranking, seeded
  // by --seed (default 1) so runs repeat.
  std::optional<search::DiversityOptions> diversity;
  // --measure-only: measure the --min-share field without re-ranking (the "off" side of a
  // comparison).
  bool rerank = true;
  // --attributes FILE: the ingest-format file the index was built from (speaker self_id,
  // locations, talk tags); turns on the diversity metrics.
  std::string attributes_path;
  // --compare DIR: run every query on DIR too (the same data in another layout, e.g. its
  // shards) and report the queries whose results differ; exit code 4 when any does.
  std::string compare_path;
  // --spelling-db DIR: the local copy to parse queries against when OTHER_DB's shards are
  // remote (Xapian 1.4 keeps spelling data local), as podium-search serve --spelling-db.
  std::string compare_spelling_db;
  // --against fused|baseline [--against-set NAME=VALUE]...: runs every query through this second
  // system too and reports, metric by metric, whether the first differs from it by more than
  // chance (system_comparison.h), with --seed (default 1) seeding the test.
  struct Against {
    search::RankingModel model = search::RankingModel::kFused;
    search::RankingParams params;
    std::string label;  // "baseline", or "fused with NAME=VALUE ..."
  };
  std::optional<Against> against;
  std::uint64_t seed = 1;
  bool help = false;
};

Result<EvalOptions> parse_eval_options(int argc, const char* const* argv);
std::string eval_usage();

// Sets one ranking parameter by its name in RankingParams (e.g. "bm25_k1", "title_weight").
Status set_ranking_param(search::RankingParams& params, const std::string& name,
                         const std::string& value);

// Runs the query set and prints the metrics; exit code 0, 1 for bad query files, 3 for I/O,
// 4 when --compare found a difference.
int run_eval(const EvalOptions& options, std::ostream& out, std::ostream& err);

}  // namespace podium::eval
