// SPDX-License-Identifier: Apache-2.0
// Requests and results of the two recommendation calls: speakers similar to one speaker
// (relevance feedback over their talks), and a lineup of speakers who together cover an event's
// subtopics. Plain data, like search_types.h.
//
// Consent: results carry speakers as stored (self_id only when public) and reasons made of
// public text (topics, tags, words, talk ids); the ranking-only self_id may steer a lineup's
// order through the diversity re-ranker and appears nowhere here
// (tests/privacy/recommend_consent_test.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "podium/core/records.h"
#include "podium/search/diversity.h"
#include "podium/search/search_types.h"

namespace podium::search {

// ---- Similar speakers ------------------------------------------------------------------------

inline constexpr int kMaxSimilar = 50;

struct SimilarRequest {
  std::string id;  // the speaker to start from
  int k = 10;      // 1..kMaxSimilar
};

struct SimilarSpeaker {
  Speaker speaker;  // as stored: self_id present only when its consent is public
  double score = 0;
  std::size_t talk_count = 0;
  // The reason: topics (speaker topics and talk tags, lower case) both speakers have, and the
  // expansion words of the start speaker that this speaker's profile matched.
  std::vector<std::string> shared_topics;
  std::vector<std::string> shared_terms;
};

struct SimilarResponse {
  std::string id;
  std::vector<std::string> terms;  // the expansion words the similarity query was built from
  std::vector<SimilarSpeaker> results;
};

// ---- Lineup recommendation -------------------------------------------------------------------

inline constexpr int kMaxLineupSize = 20;
inline constexpr std::size_t kMaxEventBytes = 20000;
inline constexpr int kMaxLineupCommunities = 10;
// The message of the kInvalidArgument ("event") for a text without a word to match on: stop
// words and call-for-papers wording are skipped, and the rest are not in any talk or profile.
inline constexpr const char* kNoEventWordsMessage =
    "has no words to match on: besides stop words and call-for-papers words (\"welcome\", "
    "\"day\", \"talk\", ...), none is in any talk or profile";

struct LineupRequest {
  std::string event;  // CfP, abstract or agenda text; must contain at least one word
  int size = 5;       // 1..kMaxLineupSize
  Filters filters;    // as in SearchRequest
  // Diversity re-ranking of the lineup (the search's re-ranker, options and consent rules);
  // empty: subtopic coverage only.
  std::optional<DiversityOptions> diversity;
  std::optional<std::uint64_t> seed;  // tie order of the re-ranker; default one per day
  int communities = 3;                // community listings suggested, 0..kMaxLineupCommunities
  // Weight of subtopic coverage against relevance in the xQuAD objective, in [0, 1].
  double coverage_lambda = 0.5;
};

// A subtopic of the event: a tag or topic of the best-matching talks, weighted by how strongly
// those talks match the event (weights sum to 1 over the returned subtopics).
struct Subtopic {
  std::string label;
  double weight = 0;
  std::vector<std::string> talk_ids;  // matching talks that carry it, best first (at most 3)
};

struct LineupSpeaker {
  Speaker speaker;  // as stored: self_id present only when its consent is public
  double relevance = 0;
  std::size_t talk_count = 0;
  std::vector<std::string> subtopics;      // event subtopics this speaker covers
  std::vector<std::string> new_subtopics;  // of those, the ones no one above already covered
  std::vector<Evidence> evidence;          // matching talks and bio passages, words marked
};

struct CommunitySuggestion {
  Community community;
  std::vector<std::string> matched_topics;   // community topics that are event subtopics
  std::vector<std::string> matched_regions;  // community regions named in the event text
};

struct LineupResponse {
  std::vector<std::string> terms;  // the event's key words (its own and expansion words)
  std::vector<Subtopic> subtopics;
  std::vector<LineupSpeaker> lineup;
  std::size_t candidates = 0;  // speakers considered
  std::vector<CommunitySuggestion> communities;
  std::optional<DiversitySummary> diversity;  // set when the re-ranker ran
};

// xQuAD selection (Santos et al., WWW 2010) of `size` candidates: at each step the candidate
// maximising (1 - lambda) * relevance + lambda * sum over subtopics t of
// weight(t) * covers(c, t) * prod over chosen s of (1 - covers(s, t)). Pure, deterministic
// (ties: lower index first). `covers[i]` lists indexes into `weights`. Returns the chosen
// indexes in order and each one's objective value at selection.
struct CoverageChoice {
  std::size_t index = 0;
  double objective = 0;
};
std::vector<CoverageChoice> select_by_coverage(const std::vector<double>& relevance,
                                               const std::vector<std::vector<std::size_t>>& covers,
                                               const std::vector<double>& weights, std::size_t size,
                                               double lambda);

}  // namespace podium::search
