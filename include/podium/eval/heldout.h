// SPDX-License-Identifier: Apache-2.0
// Builds a held-out evaluation set from any ingest-format corpus: for each speaker with at least
// three talks, the latest talk whose title has at least two informative words is taken out of
// the corpus; its title (or its tags, topics or abstract) becomes a query whose relevant speakers
// are its speakers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "podium/core/status.h"

namespace podium::eval {

// kTitle: the held-out talk's title. kTags: its tags, as they are. kTopics: its tags without
// the ones that name the event or a year or a format (topic_tags()): the tags of many
// sources are half event names ("djangocon", "pycon2010"), which makes a tag query partly a
// "who spoke at this event" query; kTopics asks only for the subject, as an organizer would.
// kAbstract: the first kAbstractQueryWords words of its abstract (talks with fewer than
// kAbstractMinWords are skipped): an organizer pasting a session description, a journalist
// pasting a paragraph.
enum class QueryVariant { kTitle, kTags, kTopics, kAbstract };
inline constexpr std::size_t kAbstractQueryWords = 60;
inline constexpr std::size_t kAbstractMinWords = 20;

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

// The tags of a talk that name a topic: not a year or anything else with a digit, not the
// talk's event (a tag of 4 or more characters contained in its name, letters and digits only,
// or containing the name without its digits: "DjangoCon", "DjangoDayCopenhagen" for "Django Day
// Copenhagen 2020"), not a format word ("keynote", "lightning talks"). In the order given.
std::vector<std::string> topic_tags(const std::vector<std::string>& tags, const std::string& event);

// Whether a title has at least two informative words (not stop words, at least 3 letters).
bool has_two_informative_words(const std::string& title);

}  // namespace podium::eval
