// SPDX-License-Identifier: Apache-2.0
// URL <-> search page state. The request itself is checked by the API's own parser, so the page
// and /v1/search accept and reject the same values.
#include "search_state.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "podium/search/diversity.h"

#include "html_escape.h"

namespace podium::http::web {
namespace {

template <typename Int>
std::optional<Int> to_number(const std::string& text) {
  Int value{};
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

bool is_on(const std::string& value) { return value == "on" || value == "1" || value == "true"; }

// The "diverse lineup" switch: the default dimensions (region, affiliation, experience,
// subtopic) without minimums, as GET /v1/search?diversity=on.
void apply_diversity(search::SearchRequest& request, bool on) {
  if (on) request.diversity = search::DiversityOptions{};
}

void append_param(std::string& url, const std::string& name, const std::string& value) {
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += url_encode(name);
  url += '=';
  url += url_encode(value);
}

}  // namespace

ParsedSearchPage parse_search_page(const QueryParams& params) {
  ParsedSearchPage page;
  SearchPageState& state = page.state;
  QueryParams api;
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    if (search::is_speaker_filter_field(name)) {
      auto& values = state.filters[name];
      if (std::find(values.begin(), values.end(), value) != values.end()) continue;
      values.push_back(value);
      api.emplace(name, value);
    } else if (name == "q" || name == "k" || name == "offset" || name == "seed") {
      // The API rejects a repeated scalar; the page keeps the first, like a form would.
      if (api.count(name) > 0) continue;
      api.emplace(name, value);
      if (name == "q") state.q = value;
      if (name == "k") state.k = to_number<int>(value).value_or(state.k);
      if (name == "offset") state.offset = to_number<int>(value).value_or(state.offset);
      if (name == "seed") state.seed = to_number<std::uint64_t>(value);
    } else if (name == "diversity") {
      state.diversity = is_on(value);
    }
  }
  page.request = parse_search_params(api);
  if (page.request.is_ok()) apply_diversity(*page.request, state.diversity);
  return page;
}

std::string search_url(const SearchPageState& state) {
  std::string url = "/";
  if (!state.q.empty()) append_param(url, "q", state.q);
  for (const char* field : search::kSpeakerFilterFields) {
    auto it = state.filters.find(field);
    if (it == state.filters.end()) continue;
    for (const auto& value : it->second) append_param(url, field, value);
  }
  if (state.diversity) append_param(url, "diversity", "on");
  if (state.k != 10) append_param(url, "k", std::to_string(state.k));
  if (state.seed) append_param(url, "seed", std::to_string(*state.seed));
  if (state.offset > 0) append_param(url, "offset", std::to_string(state.offset));
  return url;
}

SearchPageState with_offset(SearchPageState state, int offset) {
  state.offset = std::max(0, offset);
  return state;
}

SearchPageState with_query(SearchPageState state, std::string q) {
  state.q = std::move(q);
  state.offset = 0;
  return state;
}

SearchPageState without_filter(SearchPageState state, const std::string& field,
                               const std::string& value) {
  auto it = state.filters.find(field);
  if (it != state.filters.end()) {
    std::erase(it->second, value);
    if (it->second.empty()) state.filters.erase(it);
  }
  state.offset = 0;
  return state;
}

SearchPageState without_filters(SearchPageState state) {
  state.filters.clear();
  state.offset = 0;
  return state;
}

bool has_filter(const SearchPageState& state, const std::string& field, const std::string& value) {
  auto it = state.filters.find(field);
  return it != state.filters.end() &&
         std::find(it->second.begin(), it->second.end(), value) != it->second.end();
}

}  // namespace podium::http::web
