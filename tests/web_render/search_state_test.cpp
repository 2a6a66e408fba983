// SPDX-License-Identifier: Apache-2.0
// The search page's URL state: what it keeps, what it passes to the search, and the links.
#include "search_state.h"

#include <gtest/gtest.h>

namespace podium::http::web {
namespace {

TEST(SearchState, ParsesQueryFiltersPagingAndDiversity) {
  const QueryParams params = {{"q", "mlops"},      {"lang", "de"},      {"lang", "en"},
                              {"remote", "true"},  {"offset", "10"},    {"k", "20"},
                              {"diversity", "on"}, {"utm_source", "x"}, {"country", ""}};
  const ParsedSearchPage page = parse_search_page(params);
  ASSERT_TRUE(page.request.is_ok()) << page.request.status().to_string();
  EXPECT_EQ(page.state.q, "mlops");
  EXPECT_EQ(page.state.k, 20);
  EXPECT_EQ(page.state.offset, 10);
  EXPECT_TRUE(page.state.diversity);
  EXPECT_TRUE(page.request->diversity.has_value()) << "the switch reaches the search request";
  EXPECT_FALSE(parse_search_page({{"q", "mlops"}}).request->diversity.has_value());
  EXPECT_EQ(page.state.filters.at("lang"), (std::vector<std::string>{"de", "en"}));
  EXPECT_EQ(page.state.filters.count("country"), 0U);  // an empty form field is absent
  EXPECT_EQ(page.request->query, "mlops");
  EXPECT_EQ(page.request->k, 20);
  EXPECT_EQ(page.request->offset, 10);
  EXPECT_EQ(page.request->filters.at("remote"), (std::vector<std::string>{"true"}));
}

TEST(SearchState, BadParameterFailsLikeTheApiButKeepsTheForm) {
  const ParsedSearchPage page = parse_search_page({{"q", "privacy"}, {"k", "500"}});
  ASSERT_FALSE(page.request.is_ok());
  EXPECT_EQ(page.request.status().field(), "k");
  EXPECT_EQ(page.state.q, "privacy");
  const ParsedSearchPage remote = parse_search_page({{"remote", "maybe"}});
  ASSERT_FALSE(remote.request.is_ok());
  EXPECT_EQ(remote.request.status().field(), "remote");
}

TEST(SearchState, RepeatedFilterValueCountsOnce) {
  const ParsedSearchPage page = parse_search_page({{"topic", "llm"}, {"topic", "llm"}});
  ASSERT_TRUE(page.request.is_ok());
  EXPECT_EQ(page.state.filters.at("topic").size(), 1U);
}

TEST(SearchState, UrlRoundTripsTheWholeSearch) {
  SearchPageState state;
  state.q = "a&b c";
  state.filters["lang"] = {"pt-br"};
  state.filters["topic"] = {"data pipelines"};
  state.offset = 20;
  state.diversity = true;
  const std::string url = search_url(state);
  EXPECT_EQ(url, "/?q=a%26b%20c&lang=pt-br&topic=data%20pipelines&diversity=on&offset=20");
  EXPECT_EQ(search_url(SearchPageState{}), "/");
}

TEST(SearchState, ChangingTheSearchStartsAtTheFirstPage) {
  SearchPageState state;
  state.q = "privacy";
  state.filters["lang"] = {"de", "en"};
  state.offset = 30;
  state.diversity = true;
  EXPECT_EQ(search_url(without_filter(state, "lang", "de")), "/?q=privacy&lang=en&diversity=on");
  EXPECT_EQ(search_url(without_filters(state)), "/?q=privacy&diversity=on");
  EXPECT_EQ(search_url(with_query(state, "privcy")), "/?q=privcy&lang=de&lang=en&diversity=on");
  EXPECT_EQ(search_url(with_offset(state, 10)),
            "/?q=privacy&lang=de&lang=en&diversity=on&offset=10");
  EXPECT_TRUE(has_filter(state, "lang", "en"));
  EXPECT_FALSE(has_filter(state, "lang", "fr"));
}

}  // namespace
}  // namespace podium::http::web
