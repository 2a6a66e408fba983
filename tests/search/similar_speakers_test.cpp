// SPDX-License-Identifier: Apache-2.0
// Similar speakers by relevance feedback, over tests/testdata/search/corpus.jsonl.
#include <algorithm>

#include "search_fixture.h"

namespace podium::test {
namespace {

class SimilarSpeakers : public SearchFixture {
 protected:
  search::SimilarResponse similar(const std::string& id, int k = 10) {
    auto response = index_->similar({.id = id, .k = k});
    EXPECT_OK(response);
    return response.is_ok() ? std::move(response).value() : search::SimilarResponse{};
  }
};

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

TEST_F(SimilarSpeakers, FindsTheOtherMlopsSpeakerFirstWithTheSharedTopic) {
  const auto response = similar("amara-okafor");
  ASSERT_FALSE(response.results.empty());
  EXPECT_EQ(response.results[0].speaker.id, "jonas-weber");
  EXPECT_TRUE(contains(response.results[0].shared_topics, "mlops"));
  EXPECT_FALSE(response.results[0].shared_terms.empty());
  EXPECT_TRUE(contains(response.terms, "mlops"));
  for (const auto& hit : response.results) {
    EXPECT_NE(hit.speaker.id, "amara-okafor") << "the speaker is not similar to themselves";
    // Every result shares something with the speaker: that is the reason shown.
    EXPECT_FALSE(hit.shared_terms.empty()) << hit.speaker.id;
  }
}

TEST_F(SimilarSpeakers, ExpansionWordsAreContentNotNamesOrIds) {
  const auto response = similar("zoe-martin");
  ASSERT_FALSE(response.terms.empty());
  for (const auto& term : response.terms) {
    EXPECT_NE(term, "zoe") << "a name is not expertise";
    EXPECT_NE(term, "martin");
    EXPECT_TRUE(std::islower(static_cast<unsigned char>(term[0])) ||
                static_cast<unsigned char>(term[0]) >= 0x80)
        << term;
  }
  EXPECT_TRUE(contains(response.terms, "privacy"));
}

TEST_F(SimilarSpeakers, KLimitsTheResults) {
  EXPECT_EQ(similar("amara-okafor", 1).results.size(), 1u);
}

TEST_F(SimilarSpeakers, UnknownIdAndBadKAreErrors) {
  auto unknown = index_->similar({.id = "nobody-here", .k = 5});
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  for (int k : {0, -1, search::kMaxSimilar + 1}) {
    auto bad = index_->similar({.id = "amara-okafor", .k = k});
    ASSERT_FALSE(bad.is_ok()) << k;
    EXPECT_EQ(bad.status().field(), "k");
  }
}

}  // namespace
}  // namespace podium::test
