// SPDX-License-Identifier: Apache-2.0
// Diversity figures of a whole query run: reads the speakers' attributes and talk tags from the
// ingest-format file the index was built from (with synthetic self_id, see
// synthetic_attributes.h), and accumulates the metrics of diversity_metrics.h over queries.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "podium/core/status.h"
#include "podium/search/diversity.h"

namespace podium::eval {

struct SpeakerAttributes {
  std::string gender;  // lower case, any consent: the evaluation measures what the ranker used
  std::vector<std::string> groups;
  std::string region;
  std::size_t talks = 0;
  std::set<std::string> tags;  // of their talks, lower case
};
using AttributeTable = std::map<std::string, SpeakerAttributes>;

// Speakers and talks of an ingest-format .jsonl / .jsonl.gz file. Records that fail the ingest
// rules are skipped, as the indexer skips them.
Result<AttributeTable> read_attributes(const std::string& path);

// Whether a speaker has one of `values` (lower case, named sets already expanded, see
// search::expand_values) in `field` (gender, groups, region, experience): the re-ranker's rule.
bool is_member(const SpeakerAttributes& speaker, const std::string& field,
               const std::set<std::string>& values);

struct DiversityReport {
  std::size_t queries = 0;
  std::size_t subtopic_queries = 0;  // queries with subtopics (tags), for alpha-nDCG
  double alpha_ndcg_at_10 = 0;
  // For the requested minimum (absent without one), over the top 10 of each query.
  bool has_min_share = false;
  std::size_t feasible_queries = 0;    // the top 100 holds enough members for the top 10
  double satisfied_when_feasible = 0;  // share of those meeting the minimum at every prefix
  // The re-ranker's own condition (property 2 of the minimum): the relevance band holds enough
  // members for the top 10 and, for self-identification, at least the privacy floor. Computed
  // here from the returned relevance scores, not from what the re-ranker reports.
  std::size_t band_feasible_queries = 0;
  double satisfied_when_band_feasible = 0;
  double satisfied_all = 0;  // share of all queries
  double ndkl_at_10 = 0;
  double min_skew_at_10 = 0;
  double max_skew_at_10 = 0;
  double member_share_at_10 = 0;
  // Amortised over the query set, position-based exposure 1/log2(1 + rank) over the top 10.
  double newcomer_exposure_share = 0;  // newcomer: at most 2 talks
  double exposure_gini = 0;            // over every speaker of the attribute file
  std::size_t speakers_exposed = 0;    // distinct speakers in any top 10
};

class DiversityAccumulator {
 public:
  // `band` and `self_id_pool` as in search::DiversityOptions: what "feasible within the band"
  // means for the minimum.
  DiversityAccumulator(const AttributeTable& table, std::optional<search::MinShare> min_share,
                       const search::ValueSets& sets = search::shipped_value_sets(),
                       double band = search::DiversityOptions{}.relevance_band,
                       std::size_t self_id_pool = search::DiversityOptions{}.min_self_id_pool);
  // One query's ranking (best first, up to 100 ids: the top 10 are measured, the rest is the
  // pool for the alpha-nDCG ideal and feasibility), its subtopics (may be empty) and the
  // relevance score of each ranked speaker (empty: band feasibility is not measured).
  void add(const std::vector<std::string>& ranking, const std::set<std::string>& subtopics,
           const std::vector<double>& relevance = {});
  DiversityReport report() const;

 private:
  const AttributeTable& table_;
  std::optional<search::MinShare> min_share_;
  std::set<std::string> member_values_;
  DiversityReport sums_;
  double band_ = 0;
  std::size_t self_id_pool_ = 0;
  std::size_t satisfied_feasible_ = 0;
  std::size_t satisfied_band_feasible_ = 0;
  std::size_t satisfied_ = 0;
  std::map<std::string, double> exposure_;
  double newcomer_exposure_ = 0;
  double total_exposure_ = 0;
};

}  // namespace podium::eval
