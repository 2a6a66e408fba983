// SPDX-License-Identifier: Apache-2.0
// The recommend page `/recommend`: paste an event description, get a shortlist of speakers.
// The lineup comes from search::Index::recommend (subtopic coverage); each speaker shows the
// subtopics they cover and their evidence as the reason, and matching community listings follow.
#pragma once

#include <optional>
#include <string>

#include "podium/core/status.h"
#include "podium/http/request_parsing.h"
#include "podium/search/recommend.h"

namespace podium::http::web {

inline constexpr int kDefaultLineupSize = 5;
inline constexpr int kMaxLineupSize = search::kMaxLineupSize;

struct RecommendForm {
  std::string text;  // the description as pasted
  int size = kDefaultLineupSize;
};

// The form from `text` and `size` parameters (size clamped to 1..kMaxLineupSize, unknown
// parameters ignored).
RecommendForm parse_recommend_form(const QueryParams& params);

// The page: the form, and for a submitted description either the lineup or the failure (a
// description without usable words gets a notice saying so). `result` is nullopt before any
// submission.
std::string render_recommend_page(const RecommendForm& form,
                                  const std::optional<Result<search::LineupResponse>>& result,
                                  bool assets);

}  // namespace podium::http::web
