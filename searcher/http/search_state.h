// SPDX-License-Identifier: Apache-2.0
// The state of the web search page as it lives in the URL (q, filters, k, offset, diversity),
// so a search can be shared by its link, and the links that change one part of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "podium/core/status.h"
#include "podium/http/request_parsing.h"
#include "podium/search/search_types.h"

namespace podium::http::web {

struct SearchPageState {
  std::string q;
  search::Filters filters;  // non-empty values only, in URL order
  int k = 10;
  int offset = 0;
  std::optional<std::uint64_t> seed;  // browse order, when the URL pins one
  bool diversity = false;             // the "diverse lineup" switch (diversity=on)
};

// The page state and the search request of a `/` URL. The state is filled as far as the
// parameters allow even when the request is a failure, so the page can show the form as the
// user left it next to the error. Unknown parameters (tracking tags, explain) are ignored;
// empty values (an empty form field) count as absent. The request's failure is the API's
// kInvalidArgument for the same parameters.
struct ParsedSearchPage {
  SearchPageState state;
  Result<search::SearchRequest> request = Status::invalid("not parsed");
};
ParsedSearchPage parse_search_page(const QueryParams& params);

// "/?q=...&lang=en&offset=10&diversity=on": the state as a URL, defaults left out.
std::string search_url(const SearchPageState& state);

// Copies of `state` with one change; each starts again at offset 0 except with_offset.
SearchPageState with_offset(SearchPageState state, int offset);
SearchPageState with_query(SearchPageState state, std::string q);
SearchPageState without_filter(SearchPageState state, const std::string& field,
                               const std::string& value);
SearchPageState without_filters(SearchPageState state);

// Whether `value` is an active filter value of `field`.
bool has_filter(const SearchPageState& state, const std::string& field, const std::string& value);

}  // namespace podium::http::web
