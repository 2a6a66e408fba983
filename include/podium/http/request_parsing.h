// SPDX-License-Identifier: Apache-2.0
// Turning HTTP query parameters and JSON bodies into search requests. Every parameter is
// checked; the first bad one gives kInvalidArgument with field() = the parameter's name.
#pragma once

#include <map>
#include <string>

#include "podium/core/status.h"
#include "podium/search/recommend.h"
#include "podium/search/search_types.h"

namespace podium::http {

// Query parameters as received; a repeated parameter appears several times.
using QueryParams = std::multimap<std::string, std::string>;

// GET /v1/search: q, k, offset, seed, explain, diversity (on/off: default dimensions, no
// minimums), and the filters (lang, country, city, remote, format, community, topic, year),
// each repeatable.
Result<search::SearchRequest> parse_search_params(const QueryParams& params);
// POST /v1/search: {"q", "k", "offset", "seed", "explain", "filters": {field: value or [values]},
// "diversity": true | false | {"enabled", "seed", "min_share": [{"field", "values", "share"}],
// "dimensions", "lambda", "relevance_band"}}. A bad diversity member names its path, e.g.
// "diversity.min_share[0].share".
Result<search::SearchRequest> parse_search_body(const std::string& body);
// GET /v1/communities: q, k, offset, region, topic, type (repeatable), travel_grants.
Result<search::CommunityRequest> parse_community_params(const QueryParams& params);

// GET /v1/speakers/{id}/similar: k (1..search::kMaxSimilar), nothing else.
Result<search::SimilarRequest> parse_similar_params(const std::string& id,
                                                    const QueryParams& params);
// POST /v1/recommend: {"event" (required, non-empty), "size" (1..kMaxLineupSize), "filters"
// (as in search), "diversity" (as in search), "seed", "communities" (0..kMaxLineupCommunities),
// "coverage_lambda" (0..1)}. Unknown members are refused by name.
Result<search::LineupRequest> parse_recommend_body(const std::string& body);

// Limits on request input beyond k and offset.
inline constexpr std::size_t kMaxQueryBytes = 2048;
inline constexpr std::size_t kMaxFilterValueBytes = 200;
inline constexpr std::size_t kMaxFilterValues = 50;
inline constexpr std::size_t kMaxMinShares = 10;

}  // namespace podium::http
