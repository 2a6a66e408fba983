// SPDX-License-Identifier: Apache-2.0
// Diversity re-ranking inside speaker search: reads what the re-ranker needs from the
// speaker documents (including the ranking-only self_id slot) and returns the new order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "podium/search/diversity.h"
#include "podium/search/search_types.h"

namespace podium::search {

// How many of the best-ranked speakers the re-ranker may reorder.
inline constexpr std::size_t kDiversityPool = 100;

struct RankedSpeaker {
  Xapian::docid profile_docid = 0;
  double score = 0;                        // the fused relevance score
  std::vector<Xapian::docid> talk_docids;  // the talks that matched the query
};

// The tags of each candidate's `talk_docids`, in order: from the tags slot, read for all of
// them in one pass (a talk indexed before that slot existed is read from its data). `remote`:
// `db` has remote shards.
std::vector<std::vector<std::string>> matched_talk_tags(const Xapian::Database& db,
                                                        const std::vector<RankedSpeaker>& ranked,
                                                        bool remote);

// The seed of a browse's order and of the re-ranker's tie order when the request has none: one
// per day (UTC), so the order is stable while someone pages through and different tomorrow.
std::uint64_t day_seed();

// REQUIRES: request.diversity set; `ranked` best first, at most kDiversityPool entries.
// Returns a permutation of the indexes of `ranked`, and fills `summary` with aggregate,
// consent-public counts over the page [request.offset, request.offset + request.k) of it.
// `remote`: `db` has remote shards (see read_slot). May throw Xapian::Error.
std::vector<std::size_t> diversify_ranked(const Xapian::Database& db, const SearchRequest& request,
                                          const std::vector<RankedSpeaker>& ranked,
                                          DiversitySummary& summary, bool remote);

}  // namespace podium::search
