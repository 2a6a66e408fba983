// SPDX-License-Identifier: Apache-2.0
// The search page `/`: query form, facets with counts, result cards, pagination, and what to
// try when nothing matches.
#pragma once

#include <string>

#include "podium/core/status.h"
#include "podium/search/search_types.h"

#include "search_state.h"

namespace podium::http::web {

// The whole page for `state` and the outcome of its one search call: the results, or the
// failure (a bad parameter or query) shown as text above the form. `assets`: see PageOptions.
std::string render_search_page(const SearchPageState& state,
                               const Result<search::SearchResponse>& result, bool assets);

}  // namespace podium::http::web
