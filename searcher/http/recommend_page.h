// SPDX-License-Identifier: Apache-2.0
// The recommend page `/recommend`: paste an event description, get a shortlist of speakers.
// Until the library has a recommend call this is a topic match: the description's words run
// as a search query, and each speaker's evidence is shown as the reason.
#pragma once

#include <optional>
#include <string>

#include "podium/core/status.h"
#include "podium/http/request_parsing.h"
#include "podium/search/search_types.h"

namespace podium::http::web {

inline constexpr int kDefaultLineupSize = 5;
inline constexpr int kMaxLineupSize = 20;

struct RecommendForm {
  std::string text;  // the description as pasted
  int size = kDefaultLineupSize;
};

// The form from `text` and `size` parameters (size clamped to 1..kMaxLineupSize, unknown
// parameters ignored).
RecommendForm parse_recommend_form(const QueryParams& params);

// The search query for a description: its words, lower-cased so AND/OR/NOT are not operators,
// punctuation and query syntax dropped, common English words and repeats left out, at most
// kMaxQueryBytes. Empty when the text has no usable word.
std::string description_query(const std::string& text);

// The page: the form, and for a submitted description either the speakers (`result` of the
// search for description_query) or the failure. `result` is nullopt before any submission.
std::string render_recommend_page(const RecommendForm& form, const std::string& query,
                                  const std::optional<Result<search::SearchResponse>>& result,
                                  bool assets);

}  // namespace podium::http::web
