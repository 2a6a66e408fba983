// SPDX-License-Identifier: Apache-2.0
// Diversity and fair re-ranking of a relevance-ranked speaker list (RANKING.md §2, §4.1 D):
// a greedy xQuAD-style objective over region, affiliation, experience and subtopics, with
// DetConstSort-style minimum counts at every prefix, inside a relevance band. Pure: no Xapian.
//
// Consent: candidates carry self-identification of consent "public" or "ranking"; both may
// steer the order, neither is ever copied into DiversityResult beyond met/infeasible per
// minimum (tests/privacy/diversity_consent_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace podium::search {

// Regions of the country→region table: africa, asia, europe, latin-america, middle-east,
// north-america, oceania.
extern const char* const kRegions[7];
// The region of an ISO 3166-1 alpha-2 code (any case); empty for an unknown code.
std::string region_of_country(std::string_view country);

// The fields a minimum share may constrain, and the dimensions the objective may spread over.
extern const char* const kMinShareFields[4];       // gender, groups, region, experience
extern const char* const kDiversityDimensions[4];  // region, affiliation, experience, subtopic

// A newcomer has given at most this many talks; everyone else is a veteran.
inline constexpr std::size_t kNewcomerMaxTalks = 2;

// "At least `share` of every prefix has one of `values` in `field`". Values are matched
// case-insensitively; a named set ("women+") stands for all of its values.
struct MinShare {
  std::string field;
  std::vector<std::string> values;
  double share = 0;  // in (0, 1]
};

struct DiversityOptions {
  std::vector<MinShare> min_shares;
  std::vector<std::string> dimensions = {"region", "affiliation", "experience", "subtopic"};
  // Only candidates with relevance >= band * (top relevance) may be moved; the rest keep their
  // relevance order below them and never fill a quota. A tenth: a minimum is filled from
  // candidates that still match the query (the pool is the best kDiversityPool of a text
  // search), and at half it could be met in only ~72 % of held-out queries (docs/diversity.md).
  double relevance_band = 0.1;
  // The diversity dimensions (novelty) move only candidates with relevance >= novelty_band *
  // (top relevance): spreading regions, employers or subtopics is a preference, not a
  // requirement, and must not cost the relevance a minimum may.
  double novelty_band = 0.5;
  // Weight of the diversity term in (1 - lambda) * relevance + lambda * novelty.
  double lambda = 0.4;
  // Candidates whose objective is within this of the best are ties, ordered by a hash of the
  // seed and their id. Empty seed: one per day (set by the caller, see speaker search).
  std::optional<std::uint64_t> seed;
  double tie_epsilon = 0.01;
  // A minimum on self-identification (gender, groups) is only enforced when the band holds at
  // least this many matching candidates, so moving one person cannot single them out
  // (RANKING.md §4.1 E). Otherwise it is reported infeasible.
  std::size_t min_self_id_pool = 5;
};

struct DiversityCandidate {
  std::string id;
  double relevance = 0;  // in [0, 1]
  std::string region;    // from region_of_country(); may be empty
  std::string affiliation;
  std::size_t talk_count = 0;
  std::set<std::string> subtopics;  // speaker topics plus tags of matched talks, lower case
  std::string gender;               // lower case; may be empty
  std::vector<std::string> groups;  // lower case
};

struct MinShareOutcome {
  enum class State { kMet, kInfeasible };
  State state = State::kMet;
};

struct DiversityResult {
  std::vector<std::size_t> order;         // a permutation of the candidate indexes
  std::vector<MinShareOutcome> minimums;  // one per options.min_shares, same order
};

// Named value sets, e.g. "women+" -> {"woman", "non-binary", ...}, all lower case.
using ValueSets = std::map<std::string, std::set<std::string>>;
// Parses the JSON of data/diversity_values.json ({"sets": {name: [values]}}); nullopt if bad.
std::optional<ValueSets> parse_value_sets(std::string_view json_text);
// The sets shipped in data/diversity_values.json, read once; empty if the file is unreadable.
// Thread-safe.
const ValueSets& shipped_value_sets();
// `values` lower-cased, with every named set replaced by its members.
std::set<std::string> expand_values(const std::vector<std::string>& values, const ValueSets& sets);

// The tie seed for one query: `seed` mixed with the query text, so near-ties rotate differently
// for different queries. With one tie order for all queries, the same speakers would win every
// tie they take part in, across the whole query log, and concentrate exposure on them.
std::uint64_t query_tie_seed(std::uint64_t seed, std::string_view query);

// Re-ranks `candidates`, given in relevance order (best first). Deterministic for the same
// input and seed. Uses options.seed or 0.
DiversityResult diversify(const std::vector<DiversityCandidate>& candidates,
                          const DiversityOptions& options,
                          const ValueSets& sets = shipped_value_sets());

// Aggregate counts over part of a re-ranked page, for the response (public data only).
struct DiversitySummary {
  std::vector<std::string> dimensions;
  std::map<std::string, std::size_t> regions;     // region -> speakers on the page
  std::map<std::string, std::size_t> experience;  // newcomer/veteran -> speakers on the page
  std::size_t affiliations = 0;                   // distinct affiliations on the page
  // Self-identification counts over speakers on the page whose consent is public only.
  std::map<std::string, std::size_t> public_genders;
  std::map<std::string, std::size_t> public_groups;
  struct Minimum {
    std::string field;
    double share = 0;
    bool met = false;  // false: infeasible within the relevance band
  };
  std::vector<Minimum> minimums;
};

}  // namespace podium::search
