// SPDX-License-Identifier: Apache-2.0
// xQuAD selection over explicit subtopics, on hand-made candidates.
#include <gtest/gtest.h>

#include "podium/search/recommend.h"

namespace podium::search {
namespace {

std::vector<std::size_t> indexes(const std::vector<CoverageChoice>& choices) {
  std::vector<std::size_t> out;
  for (const auto& c : choices) out.push_back(c.index);
  return out;
}

TEST(CoverageSelection, PrefersANewSubtopicOverASecondSpeakerOnACoveredOne) {
  // 0 and 1 cover subtopic 0; 2 is less relevant but covers subtopic 1.
  const std::vector<double> relevance = {1.0, 0.9, 0.5};
  const std::vector<std::vector<std::size_t>> covers = {{0}, {0}, {1}};
  const std::vector<double> weights = {0.5, 0.5};
  // Step 1: 0.5*1 + 0.5*0.5 = 0.75 beats 0.70 and 0.50. Step 2: candidate 2 scores
  // 0.25 + 0.25 = 0.50 against candidate 1's 0.45 (its subtopic is covered).
  const auto chosen = select_by_coverage(relevance, covers, weights, 2, 0.5);
  EXPECT_EQ(indexes(chosen), (std::vector<std::size_t>{0, 2}));
  EXPECT_DOUBLE_EQ(chosen[0].objective, 0.75);
  EXPECT_DOUBLE_EQ(chosen[1].objective, 0.5);
}

TEST(CoverageSelection, LambdaZeroIsTheRelevanceOrder) {
  const auto chosen = select_by_coverage({0.2, 0.9, 0.5}, {{0}, {0}, {1}}, {0.5, 0.5}, 3, 0.0);
  EXPECT_EQ(indexes(chosen), (std::vector<std::size_t>{1, 2, 0}));
}

TEST(CoverageSelection, WeightsDecideBetweenSubtopics) {
  // Equal relevance: the candidate covering the heavier subtopic goes first.
  const auto chosen = select_by_coverage({0.5, 0.5}, {{0}, {1}}, {0.2, 0.8}, 2, 0.5);
  EXPECT_EQ(indexes(chosen), (std::vector<std::size_t>{1, 0}));
}

TEST(CoverageSelection, SizeIsCappedByTheCandidatesAndTiesKeepTheInputOrder) {
  EXPECT_EQ(indexes(select_by_coverage({0.5, 0.5}, {{}, {}}, {}, 5, 0.5)),
            (std::vector<std::size_t>{0, 1}));
  EXPECT_TRUE(select_by_coverage({}, {}, {}, 3, 0.5).empty());
}

}  // namespace
}  // namespace podium::search
