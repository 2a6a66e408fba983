// SPDX-License-Identifier: Apache-2.0
// Speaker search over a real on-disk index: ranking basics, query language, filters, facets,
// browse order, evidence and errors.
#include <set>

#include "search/search_fixture.h"

namespace podium::test {
namespace {

class SpeakerSearch : public SearchFixture {
 protected:
  // A search with explain=1.
  search::SearchResponse explained(const std::string& query, search::Filters filters = {}) {
    search::SearchRequest request;
    request.query = query;
    request.filters = std::move(filters);
    request.explain = true;
    return search(request);
  }
};

TEST_F(SpeakerSearch, TopicQueryRanksTheSpeakerWithMostEvidenceFirst) {
  const auto response = search("mlops");
  ASSERT_FALSE(response.results.empty());
  EXPECT_EQ(response.results[0].speaker.id, "amara-okafor");
  // Jonas has one MLOps talk and the topic: found, but below Amara.
  const auto found = ids(response);
  EXPECT_NE(std::find(found.begin(), found.end(), "jonas-weber"), found.end());
  EXPECT_EQ(response.total, 2u);
}

TEST_F(SpeakerSearch, SpeakersMatchingEveryWordRankFirst) {
  const auto response = search("kubernetes gpu");
  ASSERT_GE(response.results.size(), 2u);
  // Jonas and Li share the GPU talk; Jonas also has the other Kubernetes talk and topic.
  EXPECT_EQ(response.results[0].speaker.id, "jonas-weber");
  EXPECT_EQ(response.results[1].speaker.id, "li-wei");
}

TEST_F(SpeakerSearch, StemmingMatchesOtherWordForms) {
  EXPECT_EQ(ids(search("pipeline")), (std::vector<std::string>{"li-wei", "amara-okafor"}));
}

TEST_F(SpeakerSearch, AccentsAreFolded) {
  EXPECT_EQ(ids(search("zoe")), std::vector<std::string>{"zoe-martin"});
  EXPECT_EQ(ids(search("Zoë")), std::vector<std::string>{"zoe-martin"});
  EXPECT_EQ(ids(search("bogota")), std::vector<std::string>{});  // city is a filter, not text
  EXPECT_EQ(ids(search("sofia")), std::vector<std::string>{"sofia-reyes"});
}

TEST_F(SpeakerSearch, PhraseQueryNeedsTheWordsTogether) {
  EXPECT_EQ(ids(search("\"differential privacy\"")), std::vector<std::string>{"zoe-martin"});
  EXPECT_TRUE(search("\"privacy differential\"").results.empty());
}

TEST_F(SpeakerSearch, BooleanOperators) {
  EXPECT_EQ(ids(search("kubernetes AND kafka")), std::vector<std::string>{"li-wei"});
  EXPECT_EQ(ids(search("kubernetes NOT kafka")), std::vector<std::string>{"jonas-weber"});
}

TEST_F(SpeakerSearch, FieldAndFilterPrefixes) {
  EXPECT_EQ(ids(search("name:jonas")), std::vector<std::string>{"jonas-weber"});
  EXPECT_EQ(ids(search("topic:streaming")), std::vector<std::string>{"li-wei"});
  EXPECT_EQ(ids(search("kubernetes lang:DE")), std::vector<std::string>{"jonas-weber"});
}

TEST_F(SpeakerSearch, FiltersAreOrWithinAFieldAndAndAcrossFields) {
  EXPECT_EQ(ids(search("kubernetes", {{"country", {"DE"}}})),
            std::vector<std::string>{"jonas-weber"});
  auto both = ids(search("kubernetes", {{"country", {"DE", "SG"}}}));
  std::sort(both.begin(), both.end());
  EXPECT_EQ(both, (std::vector<std::string>{"jonas-weber", "li-wei"}));
  EXPECT_EQ(ids(search("kubernetes", {{"country", {"DE", "SG"}}, {"remote", {"true"}}})),
            std::vector<std::string>{"li-wei"});
  EXPECT_TRUE(search("kubernetes", {{"format", {"podcast"}}}).results.empty());
}

TEST_F(SpeakerSearch, FacetsCountTheWholeMatchNotThePage) {
  const auto page = search("", {}, 2);
  EXPECT_EQ(page.results.size(), 2u);
  EXPECT_EQ(page.total, 6u);
  EXPECT_EQ(facet_count(page, "lang", "en"), 6u);
  EXPECT_EQ(facet_count(page, "format", "talk"), 4u);
  EXPECT_EQ(facet_count(page, "country", "DE"), 1u);
  EXPECT_EQ(facet_count(page, "community", "berlin-mlops"), 2u);
  EXPECT_EQ(facet_count(page, "remote", "true"), 2u);
  // Talk tags count as topics too.
  EXPECT_EQ(facet_count(page, "topic", "kubernetes"), 2u);
}

TEST_F(SpeakerSearch, FacetsFollowTheQueryAndFilters) {
  const auto response = search("kubernetes", {{"remote", {"true"}}});
  EXPECT_EQ(response.total, 1u);
  EXPECT_EQ(facet_count(response, "country", "SG"), 1u);
  EXPECT_EQ(facet_count(response, "country", "DE"), 0u);
}

TEST_F(SpeakerSearch, BrowseIsASeededShuffleOfEveryoneThatPassesTheFilters) {
  search::SearchRequest request;
  request.k = 10;
  std::set<std::vector<std::string>> orders;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    request.seed = seed;
    auto first = index_->search(request);
    auto again = index_->search(request);
    ASSERT_OK(first);
    ASSERT_OK(again);
    EXPECT_EQ(ids(*first), ids(*again)) << "same seed, same order";
    EXPECT_EQ(first->results.size(), 6u);
    orders.insert(ids(*first));
  }
  EXPECT_GT(orders.size(), 1u) << "different seeds rotate who comes first";
  std::vector<std::string> alphabetical = *orders.begin();
  std::sort(alphabetical.begin(), alphabetical.end());
  EXPECT_GT(orders.size() - orders.count(alphabetical), 0u);
  request.filters = {{"lang", {"de"}}};
  auto german = index_->search(request);
  ASSERT_OK(german);
  EXPECT_EQ(ids(*german), std::vector<std::string>{"jonas-weber"});
}

TEST_F(SpeakerSearch, PagingWalksTheSameRanking) {
  const auto all = ids(search("mlops OR kubernetes OR privacy OR streaming", {}, 10));
  ASSERT_GE(all.size(), 4u);
  search::SearchRequest request;
  request.query = "mlops OR kubernetes OR privacy OR streaming";
  request.k = 2;
  request.offset = 2;
  auto page = index_->search(request);
  ASSERT_OK(page);
  EXPECT_EQ(ids(*page), (std::vector<std::string>{all[2], all[3]}));
}

TEST_F(SpeakerSearch, EvidenceNamesTheMatchingTalksWithMarkedWords) {
  const auto response = search("feature store");
  ASSERT_FALSE(response.results.empty());
  const auto& hit = response.results[0];
  EXPECT_EQ(hit.speaker.id, "amara-okafor");
  EXPECT_EQ(hit.talk_count, 3u);
  ASSERT_FALSE(hit.evidence.empty());
  EXPECT_LE(hit.evidence.size(), 3u);
  const auto& first = hit.evidence[0];
  EXPECT_EQ(first.kind, "talk");
  EXPECT_EQ(first.talk_id, "t-feature-store-2023");
  EXPECT_EQ(first.date, "2023-06-01");
  EXPECT_EQ(first.video, "https://example.org/v/fs");
  EXPECT_NE(first.snippet.find("<mark>feature</mark>"), std::string::npos) << first.snippet;
  EXPECT_NE(std::find(first.matched_words.begin(), first.matched_words.end(), "store"),
            first.matched_words.end());
}

TEST_F(SpeakerSearch, BioPassagesAreEvidenceToo) {
  const auto response = search("kafka");
  ASSERT_EQ(ids(response), std::vector<std::string>{"li-wei"});
  bool has_bio = false;
  for (const auto& e : response.results[0].evidence) has_bio |= e.kind == "bio";
  EXPECT_TRUE(has_bio);
}

TEST_F(SpeakerSearch, MisspelledQueryGetsDidYouMean) {
  EXPECT_EQ(search("kubernetis").did_you_mean, "kubernetes");
  EXPECT_EQ(search("kubernetes").did_you_mean, "");
}

TEST_F(SpeakerSearch, TalksOfUndefinedSpeakersAreNotResults) {
  EXPECT_TRUE(search("quantum annealing").results.empty());
}

TEST_F(SpeakerSearch, ExplainShowsFieldsAndTalkContributions) {
  const auto response = explained("feature store");
  ASSERT_FALSE(response.results.empty());
  const auto& explanation = response.results[0].explanation;
  ASSERT_TRUE(explanation.has_value());
  ASSERT_FALSE(explanation->talks.empty());
  EXPECT_EQ(explanation->talks[0].talk_id, "t-feature-store-2023");
  EXPECT_GT(explanation->talks[0].contribution, 0);
  EXPECT_TRUE(explanation->talks[0].matched_terms.contains("title"));
}

TEST_F(SpeakerSearch, ExplainShowsWordsNotTheKindOrFilterTerms) {
  const auto response = explained("feature store", {{"lang", {"en"}}});
  ASSERT_FALSE(response.results.empty());
  const auto& explanation = response.results[0].explanation;
  ASSERT_TRUE(explanation.has_value());
  auto expect_words_only = [](const std::map<std::string, std::vector<std::string>>& fields) {
    for (const auto& [field, terms] : fields) {
      for (const auto& term : terms) {
        EXPECT_EQ(term.find(':'), std::string::npos) << field << ": " << term;
      }
    }
  };
  EXPECT_FALSE(explanation->profile_terms.empty());
  expect_words_only(explanation->profile_terms);
  for (const auto& talk : explanation->talks) expect_words_only(talk.matched_terms);
}

TEST_F(SpeakerSearch, ExplainSpellsStemsAsTheQuerysWords) {
  // "stores" matches "store" and "stores" through its stem "store"; "pipelines" through
  // "pipelin". The explanation shows the words the user typed, marked as stem matches.
  const auto response = explained("feature stores pipelines");
  ASSERT_FALSE(response.results.empty());
  std::set<std::string> shown;
  for (const auto& result : response.results) {
    ASSERT_TRUE(result.explanation.has_value());
    for (const auto& [field, terms] : result.explanation->profile_terms) {
      shown.insert(terms.begin(), terms.end());
    }
  }
  EXPECT_TRUE(shown.contains("stores~")) << ::testing::PrintToString(shown);
  EXPECT_TRUE(shown.contains("pipelines~")) << ::testing::PrintToString(shown);
  EXPECT_FALSE(shown.contains("store~"));
  EXPECT_FALSE(shown.contains("pipelin~"));
}

TEST_F(SpeakerSearch, RejectsOutOfRangePagingAndUnparsableQueries) {
  search::SearchRequest request;
  request.query = "mlops";
  request.k = 0;
  EXPECT_EQ(index_->search(request).status().field(), "k");
  request.k = 101;
  EXPECT_EQ(index_->search(request).status().field(), "k");
  request.k = 10;
  request.offset = 10001;
  EXPECT_EQ(index_->search(request).status().field(), "offset");
  request.offset = 0;
  request.query = "AND";
  auto bad = index_->search(request);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().field(), "q");
  request.query = "mlops";
  request.filters = {{"colour", {"red"}}};
  EXPECT_EQ(index_->search(request).status().field(), "colour");
}

TEST_F(SpeakerSearch, BaselineModelUsesProfilesOnly) {
  search::SearchRequest request;
  request.query = "mlops";
  request.model = search::RankingModel::kProfileBm25;
  auto response = index_->search(request);
  ASSERT_OK(response);
  EXPECT_EQ(response->total, 2u);
  EXPECT_EQ(response->results.size(), 2u);
}

}  // namespace
}  // namespace podium::test
