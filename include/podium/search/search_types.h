// SPDX-License-Identifier: Apache-2.0
// Requests and results of speaker search, profiles and community listings. Plain data: the
// HTTP layer and the command line fill requests and render results without seeing Xapian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "podium/core/records.h"
#include "podium/search/diversity.h"

namespace podium::search {

// Filter fields of speaker search: lang, country, city, remote, format, community, topic, year.
// Values of one field are OR-ed, different fields AND-ed.
using Filters = std::map<std::string, std::vector<std::string>>;
extern const char* const kSpeakerFilterFields[8];
bool is_speaker_filter_field(const std::string& field);

// How speakers are scored (podium-eval compares them).
enum class RankingModel {
  kFused,        // talk documents aggregated per speaker, fused with the profile document
  kProfileBm25,  // baseline: one document per speaker, BM25 with Xapian's defaults
};

// The knobs of the fused ranking (docs/relevance.md). Defaults are the tuned values; podium-eval
// varies them on a tuning set. Not exposed over HTTP.
struct RankingParams {
  double profile_weight = 0.4;  // share of the profile run in the fused score
  int talks_per_speaker = 3;    // voting cap: only a speaker's best talks count
  double vote_decay = 0.5;      // the i-th best talk counts decay^i
  int talk_depth = 500;         // talks retrieved for voting
  // Speaker profiles retrieved for fusion. The profile run counts the matches anyway (total,
  // facets), so keeping more costs little, and each voting speaker beyond it needs a lookup of
  // their profile score: 1000 was 12 % faster at p50 than 200, same ranking (docs/relevance.md).
  int profile_depth = 1000;
  // Matching speakers counted exactly for the total and the facets. Past it Xapian may skip
  // matches that cannot reach the top and the facets of only the first so many are counted:
  // the total and the facet counts become estimates (counts_exact is false). Counting costs
  // time in proportion to the matches, which only large indexes notice (docs/scaling.md); the
  // figure is Elasticsearch's track_total_hits default. The ranking does not depend on it.
  int exact_count_limit = 10000;
  double bm25_k1 = 1.0;       // BM25 term-frequency saturation
  double bm25_b = 0.5;        // BM25 length normalisation
  double dfr_c = 1.0;         // InL2 / PL2 length normalisation (DFR normalisation 2)
  double title_weight = 0.0;  // field boosts added to the plain-text match
  double tags_weight = 0.0;
  double abstract_weight = 0.0;
  double headline_weight = 0.0;
  double name_weight = 0.0;
  double synonym_weight = 0.3;  // weight of synonym expansions relative to the query
  double recency_weight = 0.0;  // talk score boost for recent talks, 0 = none
  double recency_half_life_years = 4.0;
  bool spelling_fallback = true;  // OR the did-you-mean correction into the query
  double rrf_k = 0;               // > 0: fuse the two runs by reciprocal rank instead of by score
  bool named_first = true;        // a speaker the query names in full ranks first
  // The talk and profile runs' weighting: inl2 (DFR, parameter-free; it beat BM25 on the tuning
  // and the report sets, docs/relevance.md), bm25 (with bm25_k1 and bm25_b), bm25+, dph, dlh, pl2.
  std::string weighting = "inl2";
};

inline constexpr int kMaxK = 100;
inline constexpr int kMaxOffset = 10000;

struct SearchRequest {
  std::string query;  // empty: browse every speaker that passes the filters
  int k = 10;         // 1..kMaxK
  int offset = 0;     // 0..kMaxOffset
  Filters filters;
  // Order of a browse (empty query); default: one seed per day, so no one is always first.
  std::optional<std::uint64_t> seed;
  bool explain = false;
  RankingModel model = RankingModel::kFused;
  RankingParams params;       // podium-eval --set; the server: ServerOptions::ranking
  bool with_evidence = true;  // podium-eval turns it off: it needs ranks only
  // Diversity re-ranking of the best kDiversityPool speakers of a text query; empty: off.
  // Ignored by a browse (empty query), whose order is already a seeded shuffle.
  std::optional<DiversityOptions> diversity;
  // A sharded index with a shard down: answer from the shards that answer (the response lists
  // the missing ones) instead of kUnavailable.
  bool allow_partial = false;
};

// One piece of evidence for a speaker: a matching talk or a passage of the bio.
struct Evidence {
  std::string kind;  // "talk" or "bio"
  std::string talk_id;
  std::string title;    // plain text
  std::string snippet;  // HTML-escaped text, matched words wrapped in <mark>...</mark>
  std::vector<std::string> matched_words;
  // The talk's tags the query matched, as the talk spells them: a talk may match by a tag alone
  // ("on-device"), and then neither its title nor its abstract shows why.
  std::vector<std::string> matched_tags;
  // The same tags as snippets (HTML-escaped, matched words in <mark>), for pages; not in the JSON.
  std::vector<std::string> matched_tag_snippets;
  std::string date;
  std::string url;
  std::string video;
  std::string slides;
  // Set when the words matched in the transcript only: where the best-matching cue starts
  // ("12:41", "1:02:03") and the video URL at that moment (empty when the host has no such link).
  std::string time;
  std::string video_at;
};

// How one talk contributed to a speaker's score (explain=1).
struct TalkContribution {
  std::string talk_id;
  double weight = 0;        // the talk document's weight in the talk run (InL2 by default)
  double contribution = 0;  // what it added to the speaker's talk score
  std::map<std::string, std::vector<std::string>> matched_terms;  // field -> terms
};

struct Explanation {
  double profile_score = 0;  // normalised profile-document score
  double talk_score = 0;     // normalised aggregated talk score
  bool named = false;        // the query names the speaker in full: ranked first (score + 1)
  std::map<std::string, std::vector<std::string>> profile_terms;  // field -> terms
  std::vector<TalkContribution> talks;
};

struct SpeakerHit {
  Speaker speaker;  // as stored: self_id present only when its consent is public
  double score = 0;
  std::size_t talk_count = 0;
  std::vector<Evidence> evidence;
  std::optional<Explanation> explanation;
};

struct FacetCount {
  std::string value;
  std::size_t count = 0;
};

struct SearchResponse {
  std::string query;
  std::size_t total = 0;
  // False when the matches outnumbered RankingParams::exact_count_limit: `total` is then
  // Xapian's estimate and the facet counts are those of the speakers counted, scaled to it.
  bool counts_exact = true;
  std::vector<SpeakerHit> results;
  std::map<std::string, std::vector<FacetCount>> facets;
  std::string did_you_mean;  // a spelling correction of the query, when one is known
  // Set when diversity re-ranking ran: aggregate counts of public data only (never which
  // speaker moved, never a ranking-only value) and whether each minimum was met.
  std::optional<DiversitySummary> diversity;
  // Shards that did not answer (allow_partial): non-empty means these results are partial.
  std::vector<std::string> missing_shards;
};

struct CommunityRef {
  std::string id;
  std::optional<Community> community;  // empty when the id is not (yet) in the index
};

struct SpeakerProfile {
  Speaker speaker;
  std::vector<Talk> talks;  // newest first
  std::vector<CommunityRef> communities;
};

struct SpeakerRef {
  std::string id;
  std::string name;  // empty when the speaker is not (yet) in the index
};

struct TalkView {
  Talk talk;
  std::vector<SpeakerRef> speakers;
};

struct CommunityRequest {
  std::string query;
  std::vector<std::string> regions;
  std::vector<std::string> topics;
  std::vector<std::string> types;
  std::optional<bool> travel_grants;
  int k = 20;
  int offset = 0;
};

struct CommunityPage {
  std::size_t total = 0;
  std::vector<Community> results;
};

struct IndexStats {
  std::size_t speakers = 0;
  std::size_t talks = 0;
  std::size_t communities = 0;
  std::string last_commit;     // ISO 8601 UTC, empty if never committed by Podium
  std::uint64_t revision = 0;  // 0 for a sharded or remote index
};

}  // namespace podium::search
