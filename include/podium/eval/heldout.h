// SPDX-License-Identifier: Apache-2.0
// Builds a held-out evaluation set from any ingest-format corpus: for each speaker with at least
// three talks, the latest talk whose title has at least two informative words is taken out of
// the corpus; its title (or its tags) becomes a query whose relevant speakers are its speakers.
#pragma once

#include <string>
#include <vector>

#include "podium/core/status.h"

namespace podium::eval {

enum class QueryVariant { kTitle, kTags };

struct HeldOutOptions {
  std::vector<std::string> corpus_paths;  // .jsonl / .jsonl.gz files or directories
  std::string out_dir;                    // receives index.jsonl and queries.jsonl
  QueryVariant variant = QueryVariant::kTitle;
  std::size_t min_talks = 3;
  // Query files whose held-out talks must not be queries here (a set disjoint from a tuning
  // set built from an overlapping corpus).
  std::vector<std::string> exclude_query_files;
};

struct HeldOutSummary {
  std::size_t records = 0;   // written to index.jsonl
  std::size_t held_out = 0;  // talks taken out
  std::size_t queries = 0;   // written to queries.jsonl
  std::size_t excluded = 0;  // held-out talks skipped because another set has them
};

// Writes out_dir/index.jsonl (the corpus minus the held-out talks) and out_dir/queries.jsonl
// ({"qid", "query", "relevant": [speaker ids], "talk_id", "tags": [the held-out talk's tags]}
// per line; the tags are the query's subtopics for alpha-nDCG). Deterministic.
Result<HeldOutSummary> build_held_out(const HeldOutOptions& options);

// Whether a title has at least two informative words (not stop words, at least 3 letters).
bool has_two_informative_words(const std::string& title);

}  // namespace podium::eval
