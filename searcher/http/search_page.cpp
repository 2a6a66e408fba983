// SPDX-License-Identifier: Apache-2.0
// The search page. It works as plain HTML: the query form and the facet form are GET forms
// whose fields carry the rest of the search, so every state is a shareable URL; app.js only
// submits the facet form as soon as a box is ticked.
#include "search_page.h"

#include <algorithm>
#include <array>

#include "display_names.h"
#include "html_escape.h"
#include "page_layout.h"
#include "speaker_card.h"

namespace podium::http::web {
namespace {

// The facet fields the page offers, in display order; city and year stay URL-only filters.
constexpr std::array<const char*, 6> kFacetFields = {"lang",  "country",   "format",
                                                     "topic", "community", "remote"};
constexpr std::size_t kFacetValuesShown = 6;

std::string hidden(const std::string& name, const std::string& value) {
  return "<input type=\"hidden\" name=\"" + html_escape(name) + "\" value=\"" + html_escape(value) +
         "\">";
}

bool is_facet_field(const std::string& field) {
  return std::find(kFacetFields.begin(), kFacetFields.end(), field) != kFacetFields.end();
}

// Hidden fields that carry the parts of the search a form does not show itself.
std::string carried_fields(const SearchPageState& state, bool query, bool filters,
                           bool facet_filters) {
  std::string out;
  if (query) {
    if (!state.q.empty()) out += hidden("q", state.q);
    if (state.diversity) out += hidden("diversity", "on");
  }
  if (state.k != 10) out += hidden("k", std::to_string(state.k));
  if (state.seed) out += hidden("seed", std::to_string(*state.seed));
  if (filters) {
    for (const auto& [field, values] : state.filters) {
      if (!facet_filters && is_facet_field(field)) continue;
      for (const auto& value : values) out += hidden(field, value);
    }
  }
  return out;
}

std::string link(const SearchPageState& state, const std::string& text,
                 const std::string& extra_attributes = {}) {
  return "<a href=\"" + html_escape(search_url(state)) + "\"" + extra_attributes + ">" +
         html_escape(text) + "</a>";
}

std::string query_form(const SearchPageState& state) {
  std::string out =
      "<form class=\"search-form\" method=\"get\" action=\"/\" role=\"search\" "
      "aria-label=\"Speaker search\">\n"
      "<label class=\"field-label\" for=\"q\">Search by topic, name or talk</label>\n"
      "<div class=\"search-row\"><input type=\"search\" id=\"q\" name=\"q\" value=\"" +
      html_escape(state.q) +
      "\" placeholder=\"e.g. differential privacy, MLOps\" maxlength=\"2048\" "
      "autocomplete=\"off\" spellcheck=\"false\">"
      "<button type=\"submit\" class=\"button primary\">Search</button></div>\n"
      "<div class=\"form-options\"><input type=\"checkbox\" id=\"diversity\" name=\"diversity\" "
      "value=\"on\" aria-describedby=\"diversity-hint\"";
  if (state.diversity) out += " checked";
  out +=
      "><label for=\"diversity\">Diverse lineup</label> <span class=\"hint\" "
      "id=\"diversity-hint\">Prefer a varied set of speakers over near-duplicates.</span></div>\n";
  out += carried_fields(state, false, true, true);
  out += "</form>\n";
  return out;
}

std::string active_filters(const SearchPageState& state) {
  if (state.filters.empty()) return {};
  std::string out =
      "<div class=\"active-filters\"><span class=\"active-label\">Filters:</span><ul>";
  for (const auto& [field, values] : state.filters) {
    for (const auto& value : values) {
      const std::string text = filter_field_label(field) + ": " + filter_value_label(field, value);
      out += "<li><a class=\"chip\" href=\"" +
             html_escape(search_url(without_filter(state, field, value))) +
             "\" aria-label=\"Remove filter " + html_escape(text) + "\">" + html_escape(text) +
             " <span aria-hidden=\"true\">×</span></a></li>";
    }
  }
  out += "<li>" + link(without_filters(state), "Clear all filters", " class=\"clear-filters\"") +
         "</li></ul></div>\n";
  return out;
}

std::string facet_checkbox(const std::string& field, const std::string& value,
                           const std::string& count, bool checked, std::size_t index) {
  const std::string id = "f-" + field + "-" + std::to_string(index);
  std::string out = "<li><input type=\"checkbox\" id=\"" + id + "\" name=\"" + html_escape(field) +
                    "\" value=\"" + html_escape(value) + "\"";
  if (checked) out += " checked";
  out += "><label for=\"" + id + "\">" + html_escape(filter_value_label(field, value));
  if (!count.empty()) out += " <span class=\"count\">(" + count + ")</span>";
  out += "</label></li>";
  return out;
}

std::string facet_group(const SearchPageState& state, const std::string& field,
                        const std::vector<search::FacetCount>& counts) {
  // Active values first (they may be missing from the counts when nothing matches), then the
  // rest by count as the library returns them.
  std::vector<std::pair<std::string, std::string>> entries;  // value, count text
  std::vector<bool> checked;
  if (auto it = state.filters.find(field); it != state.filters.end()) {
    for (const auto& value : it->second) {
      auto found = std::find_if(counts.begin(), counts.end(),
                                [&value](const search::FacetCount& c) { return c.value == value; });
      entries.emplace_back(value, found != counts.end() ? std::to_string(found->count) : "0");
      checked.push_back(true);
    }
  }
  for (const auto& c : counts) {
    if (has_filter(state, field, c.value)) continue;
    entries.emplace_back(c.value, std::to_string(c.count));
    checked.push_back(false);
  }
  if (entries.empty()) return {};
  const std::string label = filter_field_label(field);
  std::string out = "<fieldset class=\"facet\"><legend>" + html_escape(label) + "</legend><ul>";
  const std::size_t shown =
      std::max(kFacetValuesShown,
               static_cast<std::size_t>(std::count(checked.begin(), checked.end(), true)));
  for (std::size_t i = 0; i < entries.size() && i < shown; ++i) {
    out += facet_checkbox(field, entries[i].first, entries[i].second, checked[i], i);
  }
  out += "</ul>";
  if (entries.size() > shown) {
    out += "<details class=\"more\"><summary>Show " + std::to_string(entries.size() - shown) +
           " more<span class=\"visually-hidden\"> " + html_escape(label) +
           " values</span></summary><ul>";
    for (std::size_t i = shown; i < entries.size(); ++i) {
      out += facet_checkbox(field, entries[i].first, entries[i].second, checked[i], i);
    }
    out += "</ul></details>";
  }
  out += "</fieldset>\n";
  return out;
}

std::string facets_aside(const SearchPageState& state, const search::SearchResponse& response) {
  std::string groups;
  static const std::vector<search::FacetCount> kNone;
  for (const char* field : kFacetFields) {
    auto it = response.facets.find(field);
    groups += facet_group(state, field, it != response.facets.end() ? it->second : kNone);
  }
  if (groups.empty()) return {};
  std::string out =
      "<aside class=\"facets\" aria-labelledby=\"filters-heading\" id=\"filters\">\n"
      "<h2 id=\"filters-heading\">Filter results</h2>\n"
      "<form class=\"facet-form\" method=\"get\" action=\"/\">";
  out += carried_fields(state, true, true, false);
  out += groups;
  out += "<button type=\"submit\" class=\"button apply-filters\">Apply filters</button>";
  out += "</form>\n</aside>\n";
  return out;
}

std::string pagination(const SearchPageState& state, std::size_t total) {
  const auto k = static_cast<std::size_t>(state.k);
  const auto offset = static_cast<std::size_t>(state.offset);
  if (total <= k && offset == 0) return {};
  const std::size_t last_offset = std::min<std::size_t>(
      (total == 0 ? 0 : (total - 1) / k * k), static_cast<std::size_t>(search::kMaxOffset));
  const std::size_t page = offset / k + 1;
  const std::size_t pages = last_offset / k + 1;
  std::string out = "<nav class=\"pagination\" aria-label=\"Result pages\"><ul>";
  if (offset > 0) {
    const std::size_t previous = offset > k ? offset - k : 0;
    out += "<li>" +
           link(with_offset(state, static_cast<int>(previous)), "← Previous", " rel=\"prev\"") +
           "</li>";
  }
  for (std::size_t p = 1; p <= pages; ++p) {
    const bool near = p == 1 || p == pages || (p + 2 >= page && p <= page + 2);
    if (!near) {
      if (p == 2 || p == pages - 1) out += "<li class=\"gap\" aria-hidden=\"true\">…</li>";
      continue;
    }
    if (p == page) {
      out += "<li><span aria-current=\"page\">" + std::to_string(p) + "</span></li>";
    } else {
      out += "<li>" +
             link(with_offset(state, static_cast<int>((p - 1) * k)), std::to_string(p),
                  " aria-label=\"Page " + std::to_string(p) + "\"") +
             "</li>";
    }
  }
  if (offset + k < total && offset + k <= last_offset) {
    out += "<li>" +
           link(with_offset(state, static_cast<int>(offset + k)), "Next →", " rel=\"next\"") +
           "</li>";
  }
  out += "</ul></nav>\n";
  return out;
}

std::string summary(const SearchPageState& state, const search::SearchResponse& response) {
  const std::size_t first = static_cast<std::size_t>(state.offset) + 1;
  const std::size_t last = static_cast<std::size_t>(state.offset) + response.results.size();
  std::string out = "<p class=\"summary\" role=\"status\">";
  if (!response.counts_exact) out += "about ";
  out += std::to_string(response.total) + (response.total == 1 ? " speaker" : " speakers");
  if (!state.q.empty()) {
    out += " for <q>" + html_escape(state.q) + "</q>";
  }
  if (!response.results.empty() && response.total > response.results.size()) {
    out += " · showing " + std::to_string(first) + "–" + std::to_string(last);
  }
  if (state.q.empty()) out += " · browsing in a daily order, so no one is always first";
  out += "</p>\n";
  if (!response.did_you_mean.empty() && response.did_you_mean != state.q) {
    out += "<p class=\"did-you-mean\">Did you mean " +
           link(with_query(state, response.did_you_mean), response.did_you_mean) + "?</p>\n";
  }
  return out;
}

std::string empty_results(const SearchPageState& state, const search::SearchResponse& response) {
  std::string out = "<section class=\"empty\" aria-labelledby=\"empty-heading\">";
  if (response.total > 0) {
    out +=
        "<h2 id=\"empty-heading\">No results on this page</h2><p>This page is past the last "
        "result. " +
        link(with_offset(state, 0), "Go to the first page") + ".</p></section>\n";
    return out;
  }
  out += "<h2 id=\"empty-heading\">No speakers found</h2>\n<p>Things to try:</p>\n<ul>";
  if (!response.did_you_mean.empty() && response.did_you_mean != state.q) {
    out += "<li>Check the spelling: " +
           link(with_query(state, response.did_you_mean),
                "search for “" + response.did_you_mean + "”") +
           "</li>";
  }
  for (const auto& [field, values] : state.filters) {
    for (const auto& value : values) {
      out +=
          "<li>" +
          link(without_filter(state, field, value), "Drop the filter " + filter_field_label(field) +
                                                        ": " + filter_value_label(field, value)) +
          "</li>";
    }
  }
  if (!state.q.empty()) {
    out += "<li>Use fewer or more general words, e.g. a topic rather than a talk title</li>";
    if (!state.filters.empty()) {
      out += "<li>" + link(with_query(SearchPageState{}, state.q), "Search without any filters") +
             "</li>";
    }
  }
  out += "<li><a href=\"/\">Browse all speakers</a></li></ul></section>\n";
  return out;
}

}  // namespace

std::string render_search_page(const SearchPageState& state,
                               const Result<search::SearchResponse>& result, bool assets) {
  std::string main = "<h1 class=\"page-title\">Find speakers</h1>\n";
  main += query_form(state);
  if (!result.is_ok()) {
    main += "<div class=\"notice error\" role=\"alert\"><h2>This search could not be run</h2><p>" +
            html_escape(result.status().to_string()) +
            "</p><p>Check the query: words, “exact phrases”, AND, OR and NOT are understood. "
            "<a href=\"/\">Start a new search</a>.</p></div>\n";
  } else {
    const search::SearchResponse& response = *result;
    const std::string aside = facets_aside(state, response);
    main += active_filters(state);
    main += summary(state, response);
    if (!aside.empty() && !response.results.empty()) {
      main += "<p class=\"jump-filters\"><a href=\"#filters\">Jump to filters</a></p>\n";
    }
    main +=
        "<div class=\"results-layout\">\n<section class=\"results\" "
        "aria-labelledby=\"results-heading\">\n<h2 id=\"results-heading\" "
        "class=\"visually-hidden\">Results</h2>\n";
    if (response.results.empty()) {
      main += empty_results(state, response);
    } else {
      main += "<ol class=\"result-list\" start=\"" + std::to_string(state.offset + 1) + "\">\n";
      CardOptions card;
      card.heading_level = 3;
      for (const auto& hit : response.results) {
        main += "<li>" + render_speaker_card(hit, card) + "</li>\n";
      }
      main += "</ol>\n";
      main += pagination(state, response.total);
    }
    main += "</section>\n";
    main += aside;
    main += "</div>\n";
  }
  PageOptions page;
  page.title = state.q.empty() ? "Find speakers" : state.q + " – speakers";
  page.description = "Search speakers and experts by topic, language, location and format.";
  page.current = NavItem::kSearch;
  page.assets = assets;
  return render_page(page, main);
}

}  // namespace podium::http::web
