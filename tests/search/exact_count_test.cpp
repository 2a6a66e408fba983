// SPDX-License-Identifier: Apache-2.0
// The total and the facets are counted exactly up to RankingParams::exact_count_limit matching
// speakers; past it they are estimates, flagged, with the facet counts scaled to the estimated
// total. The ranking does not depend on the limit.
#include <string>

#include <gtest/gtest.h>

#include "search_fixture.h"
#include "support/test_util.h"

namespace podium::test {
namespace {

constexpr int kSpeakers = 300;
constexpr int kRare = 30;

bool is_rare(int i) { return i < kRare; }
// Every fifth speaker past the rare ones talks about something else: had every document the
// common word, Xapian would know the number of matches from its statistics alone.
bool matches(int i) { return is_rare(i) || i % 5 != 4; }
std::string language(int i) { return i % 3 == 2 ? "de" : "en"; }

// Most speakers have a talk about parsers; the first tenth also about a rare word, so a query
// for both has a few strong matches and many weak ones that Xapian can skip once it stops
// counting.
std::string corpus() {
  std::string out;
  for (int i = 0; i < kSpeakers; ++i) {
    // Zero-padded, so the rare ones come first in id order as in file order.
    const std::string number = std::string(i < 10 ? "00" : i < 100 ? "0" : "") + std::to_string(i);
    const std::string id = "speaker-" + number;
    out += R"({"kind": "speaker", "id": ")" + id + R"(", "name": "Speaker )" + number +
           R"(", "languages": [")" + language(i) + R"("]})" + "\n";
    std::string abstract = matches(i) ? "Writing parsers" : "Writing compilers";
    for (int words = 0; words < i % 17; ++words) abstract += " with care";
    if (is_rare(i))
      abstract += " for quaternion algebra, quaternion rotations and quaternion splines";
    out += R"({"kind": "talk", "id": "talk-)" + number + R"(", "title": "Tools", "abstract": ")" +
           abstract + R"(", "speakers": [")" + id + R"("], "language": ")" + language(i) + R"("})" +
           "\n";
  }
  return out;
}

std::size_t matching_speakers(const std::string& lang) {
  std::size_t n = 0;
  for (int i = 0; i < kSpeakers; ++i) n += matches(i) && (lang.empty() || language(i) == lang);
  return n;
}

class ExactCount : public SearchFixture {
 protected:
  std::vector<std::string> corpus_files() override {
    write_file(dir_.file("corpus.jsonl"), corpus());
    return {dir_.file("corpus.jsonl")};
  }

  search::SearchResponse search_counting_up_to(int limit,
                                               const std::string& query = "quaternion parsers") {
    search::SearchRequest request;
    request.query = query;
    request.k = 4;
    request.params.profile_depth = 4;
    request.params.exact_count_limit = limit;
    return search(request);
  }
};

TEST_F(ExactCount, BelowTheLimitEveryMatchIsCounted) {
  const search::SearchResponse response = search_counting_up_to(10000);
  EXPECT_TRUE(response.counts_exact);
  EXPECT_EQ(response.total, matching_speakers(""));
  EXPECT_EQ(facet_count(response, "lang", "en"), matching_speakers("en"));
  EXPECT_EQ(facet_count(response, "lang", "de"), matching_speakers("de"));
}

TEST_F(ExactCount, PastTheLimitTotalAndFacetsAreFlaggedEstimates) {
  const search::SearchResponse response = search_counting_up_to(8);
  EXPECT_FALSE(response.counts_exact);
  ASSERT_GT(response.total, 0u);
  // Scaled to the estimated total: the two languages of single-language speakers add up to it
  // (each count rounded), where the counts seen alone would fall short of it.
  const std::size_t en = facet_count(response, "lang", "en");
  const std::size_t de = facet_count(response, "lang", "de");
  EXPECT_GT(en, de);
  EXPECT_NEAR(static_cast<double>(en + de), static_cast<double>(response.total), 1.0);
}

TEST_F(ExactCount, FacetsPastTheLimitAreEstimatesEvenWhenTheTotalIsKnown) {
  // Every talk says "writing": Xapian knows the number of matches from its statistics, but the
  // facets of only the first 8 speakers are counted.
  const search::SearchResponse response = search_counting_up_to(8, "writing");
  EXPECT_EQ(response.total, static_cast<std::size_t>(kSpeakers));
  EXPECT_FALSE(response.counts_exact);
  const std::size_t en = facet_count(response, "lang", "en");
  const std::size_t de = facet_count(response, "lang", "de");
  EXPECT_NEAR(static_cast<double>(en + de), static_cast<double>(kSpeakers), 1.0);
  EXPECT_EQ(search_counting_up_to(10000, "writing").counts_exact, true);
}

TEST_F(ExactCount, TheRankingDoesNotDependOnTheLimit) {
  const search::SearchResponse exact = search_counting_up_to(10000);
  const search::SearchResponse estimated = search_counting_up_to(8);
  EXPECT_EQ(ids(estimated), ids(exact));
  ASSERT_EQ(ids(exact).size(), 4u);
  for (const auto& hit : exact.results) {
    EXPECT_TRUE(is_rare(std::stoi(hit.speaker.id.substr(hit.speaker.id.find('-') + 1))));
  }
}

}  // namespace
}  // namespace podium::test
