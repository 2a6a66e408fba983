// SPDX-License-Identifier: Apache-2.0
// Lineup recommendation over tests/testdata/search/corpus.jsonl: subtopics from the event
// text, a lineup that covers them, reasons, community listings with travel grants.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "search_fixture.h"

namespace podium::test {
namespace {

constexpr const char* kEvent =
    "Call for proposals: a one-day meetup in Berlin on machine learning in production. We "
    "want talks on MLOps and feature stores, Kubernetes for ML, differential privacy, and "
    "streaming data pipelines.";

class Lineup : public SearchFixture {
 protected:
  search::LineupResponse recommend(search::LineupRequest request) {
    auto response = index_->recommend(request);
    EXPECT_OK(response);
    return response.is_ok() ? std::move(response).value() : search::LineupResponse{};
  }
  static search::LineupRequest event(int size, double lambda = 0.5) {
    search::LineupRequest request;
    request.event = kEvent;
    request.size = size;
    request.coverage_lambda = lambda;
    return request;
  }
  static std::set<std::string> covered(const search::LineupResponse& response) {
    std::set<std::string> out;
    for (const auto& m : response.lineup) out.insert(m.subtopics.begin(), m.subtopics.end());
    return out;
  }
};

TEST_F(Lineup, SubtopicsComeFromTheMatchingTalksAndSumToOne) {
  const auto response = recommend(event(3));
  std::set<std::string> labels;
  double total = 0;
  for (const auto& s : response.subtopics) {
    labels.insert(s.label);
    total += s.weight;
    EXPECT_FALSE(s.talk_ids.empty()) << s.label;
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  for (const char* expected : {"mlops", "kubernetes", "privacy", "streaming"}) {
    EXPECT_TRUE(labels.count(expected)) << expected;
  }
  // Boilerplate is not a key word.
  EXPECT_EQ(std::count(response.terms.begin(), response.terms.end(), "talks"), 0);
  EXPECT_EQ(std::count(response.terms.begin(), response.terms.end(), "proposals"), 0);
}

TEST_F(Lineup, CoverageSpreadsTheLineupOverSubtopics) {
  const auto diverse = recommend(event(3));
  ASSERT_EQ(diverse.lineup.size(), 3u);
  // Three MLOps-heavy speakers would cover fewer subtopics than one per subtopic.
  const auto by_relevance = recommend(event(3, 0.0));
  EXPECT_GE(covered(diverse).size(), covered(by_relevance).size());
  EXPECT_GE(covered(diverse).size(), 3u);
  std::set<std::string> first_covers;
  for (const auto& m : diverse.lineup) {
    EXPECT_FALSE(m.subtopics.empty()) << m.speaker.id << " has a reason";
    EXPECT_FALSE(m.evidence.empty()) << m.speaker.id << " has evidence";
    for (const auto& t : m.new_subtopics) {
      EXPECT_TRUE(first_covers.insert(t).second) << t << " is new only once";
    }
  }
}

TEST_F(Lineup, SizeAndFiltersAreApplied) {
  EXPECT_EQ(recommend(event(1)).lineup.size(), 1u);
  auto request = event(5);
  request.filters["country"] = {"FR"};
  const auto response = recommend(request);
  ASSERT_EQ(response.lineup.size(), 1u);
  EXPECT_EQ(response.lineup[0].speaker.id, "zoe-martin");
}

TEST_F(Lineup, SuggestsCommunitiesWithTopicsRegionsAndTravelGrants) {
  const auto response = recommend(event(3));
  ASSERT_FALSE(response.communities.empty());
  bool berlin = false;
  bool privacy_with_grants = false;
  for (const auto& s : response.communities) {
    if (s.community.id == "berlin-mlops") {
      berlin = std::count(s.matched_regions.begin(), s.matched_regions.end(), "Berlin") == 1;
    }
    if (s.community.id == "privacy-circle") {
      privacy_with_grants = s.community.travel_grants.value_or(false) && !s.matched_topics.empty();
    }
  }
  EXPECT_TRUE(berlin);
  EXPECT_TRUE(privacy_with_grants);
  auto none = event(3);
  none.communities = 0;
  EXPECT_TRUE(recommend(none).communities.empty());
}

TEST_F(Lineup, DiversityReRanksTheLineupAndReportsAggregates) {
  auto request = event(4);
  request.diversity.emplace();
  request.seed = 3;
  const auto response = recommend(request);
  ASSERT_EQ(response.lineup.size(), 4u);
  ASSERT_TRUE(response.diversity.has_value());
  std::size_t counted = 0;
  for (const auto& [region, n] : response.diversity->regions) counted += n;
  EXPECT_EQ(counted, 4u);
}

TEST_F(Lineup, BadRequestsNameTheField) {
  const std::vector<std::pair<search::LineupRequest, std::string>> cases = [] {
    std::vector<std::pair<search::LineupRequest, std::string>> out;
    search::LineupRequest r;
    r.event = "  ";
    out.emplace_back(r, "event");
    r.event = "!!! ??? ...";
    out.emplace_back(r, "event");
    r.event = "mlops";
    r.size = 0;
    out.emplace_back(r, "size");
    r.size = search::kMaxLineupSize + 1;
    out.emplace_back(r, "size");
    r.size = 3;
    r.communities = -1;
    out.emplace_back(r, "communities");
    r.communities = 3;
    r.coverage_lambda = 1.5;
    out.emplace_back(r, "coverage_lambda");
    r.coverage_lambda = 0.5;
    r.filters["shoe-size"] = {"42"};
    out.emplace_back(r, "shoe-size");
    return out;
  }();
  for (const auto& [request, field] : cases) {
    auto response = index_->recommend(request);
    ASSERT_FALSE(response.is_ok()) << field;
    EXPECT_EQ(response.status().code(), StatusCode::kInvalidArgument) << field;
    EXPECT_EQ(response.status().field(), field);
  }
}

// Talks tagged with their format as well as their topics, as schedule exports often are.
class LineupOverFormatTags : public SearchFixture {
 protected:
  std::vector<std::string> corpus_files() override {
    std::string corpus;
    const char* topics[] = {"differential privacy", "federated learning", "on-device models"};
    for (int i = 0; i < 6; ++i) {
      const std::string id = "speaker-" + std::to_string(i);
      corpus += R"({"kind": "speaker", "id": ")" + id + R"(", "name": "Speaker )" +
                std::to_string(i) + "\"}\n";
      corpus += R"({"kind": "talk", "id": "talk-)" + std::to_string(i) +
                R"(", "title": "Hands-on )" + topics[i % 3] +
                R"( for mobile apps", "abstract": "A workshop on )" + topics[i % 3] +
                R"( in mobile apps.", "speakers": [")" + id + R"("], "tags": ["Workshop", ")" +
                topics[i % 3] + R"(", "Lightning Talks"]})" + "\n";
    }
    write_file(dir_.file("corpus.jsonl"), corpus);
    return {dir_.file("corpus.jsonl")};
  }
};

TEST_F(LineupOverFormatTags, FormatTagsAreNotSubtopics) {
  search::LineupRequest request;
  request.event = "Workshop on differential privacy, federated learning and on-device models";
  request.size = 3;
  auto response = index_->recommend(request);
  ASSERT_OK(response);
  std::set<std::string> labels;
  for (const auto& s : response->subtopics) labels.insert(s.label);
  EXPECT_EQ(labels, (std::set<std::string>{"differential privacy", "federated learning",
                                           "on-device models"}));
  for (const auto& member : response->lineup) {
    for (const auto& subtopic : member.subtopics) {
      EXPECT_NE(subtopic, "Workshop") << member.speaker.id;
      EXPECT_NE(subtopic, "Lightning Talks") << member.speaker.id;
    }
  }
}

}  // namespace
}  // namespace podium::test
