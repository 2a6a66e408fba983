// SPDX-License-Identifier: Apache-2.0
// Page renderers over hand-built results: hostile data shows as text, errors and empty results
// say what to try, links keep the rest of the search, and pages stand without the web root.
#include <string>

#include <gtest/gtest.h>

#include "page_layout.h"
#include "profile_page.h"
#include "recommend_page.h"
#include "search_page.h"
#include "speaker_card.h"

namespace podium::http::web {
namespace {

const char* const kPayloads[] = {
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
};

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

Speaker hostile_speaker(const std::string& payload) {
  Speaker s;
  s.id = "hostile";
  s.name = "Name " + payload;
  s.pronouns = payload;
  s.headline = payload;
  s.bio = "Bio " + payload + "\n\n" + payload;
  s.topics = {payload};
  s.languages = {"en"};
  s.location = Location{payload, "DE", std::nullopt, std::nullopt};
  s.affiliation = payload;
  s.links = {{payload, "https://example.org/?a=1&b=2"}, {"bad", "javascript:alert(1)"}};
  s.formats = {"talk"};
  s.travel = payload;
  return s;
}

search::SpeakerHit hostile_hit(const std::string& payload) {
  search::SpeakerHit hit;
  hit.speaker = hostile_speaker(payload);
  hit.talk_count = 1;
  search::Evidence e;
  e.kind = "talk";
  e.talk_id = "t1";
  e.title = payload;
  e.snippet = "a <mark>match</mark> then " + payload;  // a snippet that broke its promise
  e.matched_tags = {payload};
  e.matched_tag_snippets = {payload};
  e.date = "2024-01-01";
  hit.evidence.push_back(e);
  return hit;
}

// No payload may appear raw: its first '<' or '"' is always escaped.
void expect_no_raw_payload(const std::string& page) {
  for (const char* payload : kPayloads) {
    EXPECT_EQ(page.find(payload), std::string::npos) << payload;
  }
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<svg"), std::string::npos);
  EXPECT_EQ(page.find("javascript:"), std::string::npos);
}

TEST(PageRender, SearchPageEscapesHostileHits) {
  for (const char* payload : kPayloads) {
    search::SearchResponse response;
    response.query = payload;
    response.total = 1;
    response.results.push_back(hostile_hit(payload));
    response.facets["topic"] = {{payload, 1}};
    SearchPageState state;
    state.q = payload;
    state.filters["topic"] = {payload};
    const std::string page = render_search_page(state, response, true);
    expect_no_raw_payload(page);
    EXPECT_NE(page.find("<mark>match</mark>"), std::string::npos) << "marks are kept";
    EXPECT_EQ(count(page, "<script"), 1U) << "only the app.js tag";
  }
}

TEST(PageRender, EvidenceSaysWhichTagsMatched) {
  search::SpeakerHit hit;
  hit.speaker.id = "sakura";
  hit.speaker.name = "Sakura";
  search::Evidence by_tag;
  by_tag.kind = "talk";
  by_tag.talk_id = "t-keyboard";
  by_tag.title = "Federated analytics for keyboard suggestions";
  by_tag.snippet = "Discovering new words without collecting what people type.";
  by_tag.matched_tags = {"on-device", "Federated Learning"};
  by_tag.matched_words = {"on-device", "federated"};
  by_tag.matched_tag_snippets = {"<mark>on-device</mark>", "<mark>Federated</mark> Learning"};
  search::Evidence by_title = by_tag;
  by_title.talk_id = "t-dp";
  by_title.snippet = "<mark>privacy</mark> on phones";
  by_title.matched_tags.clear();
  by_title.matched_tag_snippets.clear();
  hit.evidence = {by_tag, by_title};
  const std::string card = render_speaker_card(hit);
  // Within a tag, only the words the query matched are marked.
  EXPECT_NE(card.find("Tagged <mark>on-device</mark>, <mark>Federated</mark> Learning"),
            std::string::npos)
      << card;
  EXPECT_EQ(count(card, "class=\"evidence-tags\""), 1U) << "only the talk that matched by tags";
}

TEST(PageRender, ProfilePageEscapesHostileFieldsAndJsonLd) {
  for (const char* payload : kPayloads) {
    search::SpeakerProfile profile;
    profile.speaker = hostile_speaker(payload);
    Talk talk;
    talk.id = "t1";
    talk.title = payload;
    talk.abstract = payload;
    talk.event = payload;
    talk.tags = {payload};
    talk.video = "javascript:alert(2)";
    profile.talks.push_back(talk);
    Community c;
    c.id = "c1";
    c.name = payload;
    c.url = "javascript:alert(3)";
    c.regions = {payload};
    profile.communities.push_back({"c1", c});
    const std::string page = render_profile_page(profile, true);
    expect_no_raw_payload(page);
    EXPECT_EQ(count(page, "</script>"), 2U) << "app.js and the JSON-LD block, nothing else";
    EXPECT_NE(page.find("<script type=\"application/ld+json\">"), std::string::npos);
  }
}

TEST(PageRender, SearchErrorIsShownAsText) {
  SearchPageState state;
  state.q = "<b>AND</b>";
  const Result<search::SearchResponse> failed =
      Status::invalid("cannot parse the query: Syntax: <expression> AND <expression>", "q");
  const std::string page = render_search_page(state, failed, true);
  EXPECT_NE(page.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(page.find("q: cannot parse the query: Syntax: &lt;expression&gt; AND"),
            std::string::npos);
  EXPECT_NE(page.find("value=\"&lt;b&gt;AND&lt;/b&gt;\""), std::string::npos);
}

TEST(PageRender, EmptyResultsOfferSpellingAndDroppingEachFilter) {
  search::SearchResponse response;
  response.did_you_mean = "mlops";
  SearchPageState state;
  state.q = "mlosp";
  state.filters["lang"] = {"de"};
  state.filters["country"] = {"JP"};
  state.diversity = true;
  const std::string page = render_search_page(state, response, true);
  EXPECT_NE(page.find("No speakers found"), std::string::npos);
  EXPECT_NE(page.find("href=\"/?q=mlops&amp;lang=de&amp;country=JP&amp;diversity=on\""),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("href=\"/?q=mlosp&amp;lang=de&amp;diversity=on\">Drop the filter Country: "
                      "Japan</a>"),
            std::string::npos);
  EXPECT_NE(page.find("href=\"/?q=mlosp&amp;country=JP&amp;diversity=on\">Drop the filter "
                      "Language: German</a>"),
            std::string::npos);
}

TEST(PageRender, FacetFormCarriesTheRestOfTheSearch) {
  search::SearchResponse response;
  response.total = 1;
  response.results.push_back(hostile_hit("x"));
  response.facets["lang"] = {{"en", 3}, {"de", 1}};
  SearchPageState state;
  state.q = "privacy";
  state.diversity = true;
  state.filters["year"] = {"2024"};
  state.filters["lang"] = {"de"};
  const std::string page = render_search_page(state, response, true);
  const std::size_t form = page.find("<form class=\"facet-form\"");
  ASSERT_NE(form, std::string::npos);
  const std::string facet_form = page.substr(form, page.find("</form>", form) - form);
  EXPECT_NE(facet_form.find("name=\"q\" value=\"privacy\""), std::string::npos);
  EXPECT_NE(facet_form.find("name=\"diversity\" value=\"on\""), std::string::npos);
  EXPECT_NE(facet_form.find("name=\"year\" value=\"2024\""), std::string::npos);
  EXPECT_NE(facet_form.find("name=\"lang\" value=\"de\" checked"), std::string::npos);
  EXPECT_NE(facet_form.find("name=\"lang\" value=\"en\">"), std::string::npos);
  EXPECT_NE(facet_form.find("English <span class=\"count\">(3)</span>"), std::string::npos);
}

TEST(PageRender, PaginationKeepsTheSearch) {
  search::SearchResponse response;
  response.total = 45;
  for (int i = 0; i < 10; ++i) response.results.push_back(hostile_hit("x"));
  SearchPageState state;
  state.q = "ml";
  state.offset = 10;
  state.diversity = true;
  const std::string page = render_search_page(state, response, true);
  EXPECT_NE(page.find("href=\"/?q=ml&amp;diversity=on\" rel=\"prev\""), std::string::npos);
  EXPECT_NE(page.find("href=\"/?q=ml&amp;diversity=on&amp;offset=20\" rel=\"next\""),
            std::string::npos);
  EXPECT_NE(page.find("<span aria-current=\"page\">2</span>"), std::string::npos);
}

TEST(PageRender, AnEstimatedTotalSaysAbout) {
  search::SearchResponse response;
  response.total = 48210;
  response.results.push_back(hostile_hit("x"));
  SearchPageState state;
  state.q = "python";
  EXPECT_NE(render_search_page(state, response, true).find(">48210 speakers for"),
            std::string::npos);
  response.counts_exact = false;
  EXPECT_NE(render_search_page(state, response, true).find(">about 48210 speakers for"),
            std::string::npos);
}

TEST(PageRender, PagesWithoutWebRootHaveNoAssetLinks) {
  PageOptions options;
  options.title = "T";
  options.assets = false;
  const std::string page = render_page(options, "<p>body</p>");
  EXPECT_EQ(page.find("/static/"), std::string::npos);
  EXPECT_NE(page.find("<main id=\"main\""), std::string::npos);
  options.assets = true;
  EXPECT_NE(render_page(options, "").find("/static/style.css"), std::string::npos);
}

TEST(PageRender, ProfileListsTalksNewestFirst) {
  search::SpeakerProfile profile;
  profile.speaker.id = "s";
  profile.speaker.name = "S";
  for (const char* date : {"2019-01-01", "2024-05-01", "", "2021-03-03"}) {
    Talk t;
    t.id = std::string("t") + date;
    t.title = date;
    t.date = date;
    profile.talks.push_back(t);
  }
  const std::string page = render_profile_page(profile, false);
  const auto a = page.find("2024-05-01");
  const auto b = page.find("2021-03-03");
  const auto c = page.find("2019-01-01");
  ASSERT_NE(a, std::string::npos);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
}

TEST(PageRender, UnknownSpeakerPageEscapesTheId) {
  const std::string page = render_speaker_not_found_page("\"><script>x</script>", true);
  EXPECT_NE(page.find("Speaker not found"), std::string::npos);
  EXPECT_EQ(page.find("<script>x"), std::string::npos);
}

TEST(PageRender, ProfileShowsSimilarSpeakersWithTheirSharedTopics) {
  search::SpeakerProfile profile;
  profile.speaker.id = "s";
  profile.speaker.name = "S";
  EXPECT_EQ(render_profile_page(profile, false).find("Similar speakers"), std::string::npos);
  search::SimilarResponse similar;
  search::SimilarSpeaker hit;
  hit.speaker = hostile_speaker("<script>alert(1)</script>");
  hit.speaker.id = "other one";
  hit.shared_topics = {"mlops", "<b>k8s</b>"};
  similar.results.push_back(hit);
  const std::string page = render_profile_page(profile, false, &similar);
  EXPECT_NE(page.find("Similar speakers"), std::string::npos);
  EXPECT_NE(page.find("href=\"/speakers/other%20one\""), std::string::npos) << page;
  EXPECT_NE(page.find("mlops, &lt;b&gt;k8s&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
}

TEST(PageRender, RecommendPageSaysItIsATopicMatch) {
  search::LineupResponse response;
  response.candidates = 7;
  const search::SpeakerHit hit = hostile_hit("<script>alert(1)</script>");
  search::LineupSpeaker member;
  member.speaker = hit.speaker;
  member.evidence = hit.evidence;
  member.subtopics = {"<script>alert(1)</script>"};
  response.lineup.push_back(member);
  response.subtopics.push_back({"<script>alert(1)</script>", 1.0, {}});
  Community hostile_listing;
  hostile_listing.name = "<script>alert(1)</script>";
  hostile_listing.travel_grants = true;
  response.communities.push_back({hostile_listing, {"<script>alert(1)</script>"}, {}});
  RecommendForm form;
  form.text = "</textarea><script>alert(1)</script>";
  form.size = 3;
  const std::string page =
      render_recommend_page(form, std::optional<Result<search::LineupResponse>>(response), true);
  EXPECT_NE(page.find("Topic match:"), std::string::npos);
  EXPECT_NE(page.find("offers travel grants"), std::string::npos);
  EXPECT_NE(page.find("Covers: &lt;script&gt;"), std::string::npos);
  EXPECT_NE(page.find("Why: matching talks and bio passages"), std::string::npos);
  EXPECT_NE(page.find("&lt;/textarea&gt;&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("<option value=\"3\" selected>"), std::string::npos);
}

TEST(PageRender, RecommendPageSaysWhenTheDescriptionHasNoWords) {
  RecommendForm form;
  form.text = "!!! ???";
  const std::string page =
      render_recommend_page(form,
                            std::optional<Result<search::LineupResponse>>(
                                Status::invalid(search::kNoEventWordsMessage, "event")),
                            true);
  EXPECT_NE(page.find("no words to match on"), std::string::npos);
}

}  // namespace
}  // namespace podium::http::web
