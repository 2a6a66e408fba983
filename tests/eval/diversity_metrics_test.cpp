// SPDX-License-Identifier: Apache-2.0
// Each diversity metric on hand-made rankings, with the expected value worked out from the
// formula in RANKING.md §2.3.
#include "podium/eval/diversity_metrics.h"

#include <cmath>

#include <gtest/gtest.h>

namespace podium::eval {
namespace {

const double kLog2Of3 = std::log2(3.0);

TEST(DiversityMetrics, ExposureIsOneOverLog2OfOnePlusRank) {
  EXPECT_DOUBLE_EQ(exposure_at(1), 1.0);
  EXPECT_DOUBLE_EQ(exposure_at(3), 0.5);
  EXPECT_DOUBLE_EQ(exposure_at(2), 1 / kLog2Of3);
}

TEST(DiversityMetrics, AlphaNdcgRewardsNewSubtopicsEarly) {
  const std::vector<std::set<std::string>> redundant_first = {{"a"}, {"a"}, {"b"}};
  // Actual gains 1, (1 - 0.5)^1 = 0.5, 1; the greedy ideal orders {a}, {b}, {a}: 1, 1, 0.5.
  const double actual = 1 + 0.5 / kLog2Of3 + 1 * 0.5;
  const double ideal = 1 + 1 / kLog2Of3 + 0.5 * 0.5;
  EXPECT_NEAR(alpha_ndcg(redundant_first, redundant_first, 10), actual / ideal, 1e-12);
  const std::vector<std::set<std::string>> spread = {{"a"}, {"b"}, {"a"}};
  EXPECT_NEAR(alpha_ndcg(spread, redundant_first, 10), 1.0, 1e-12);
  // Only the top k count.
  EXPECT_NEAR(alpha_ndcg(redundant_first, redundant_first, 1), 1.0, 1e-12);
  // An item covering nothing gains nothing; a pool covering nothing gives 0.
  EXPECT_NEAR(alpha_ndcg({{}, {"a"}}, {{}, {"a"}}, 10), (1 / kLog2Of3) / 1.0, 1e-12);
  EXPECT_EQ(alpha_ndcg({{}, {}}, {{}, {}}, 10), 0.0);
}

TEST(DiversityMetrics, MinimumShareAtEveryPrefix) {
  EXPECT_EQ(required_count(0.4, 1), 0u);
  EXPECT_EQ(required_count(0.4, 3), 1u);
  EXPECT_EQ(required_count(0.4, 5), 2u);
  EXPECT_EQ(required_count(0.4, 10), 4u);
  // Prefix counts 0 1 1 2 2 against minimums 0 0 1 1 2: met.
  EXPECT_TRUE(prefixes_meet_share({false, true, false, true, false}, 0.4, 10));
  // Prefix 3 has no member but needs one.
  EXPECT_FALSE(prefixes_meet_share({false, false, false, true, true}, 0.4, 10));
  // Beyond k nothing is checked.
  EXPECT_TRUE(prefixes_meet_share({false, false, false, true, true}, 0.4, 2));
  EXPECT_TRUE(share_feasible(4, 0.4, 10));
  EXPECT_FALSE(share_feasible(3, 0.4, 10));
}

TEST(DiversityMetrics, SkewIsTheLogRatioOfShareToTarget) {
  const Skews s = skew_at({true, false, false, false}, 0.5, 4);
  EXPECT_NEAR(s.members, std::log(0.25 / 0.5), 1e-12);
  EXPECT_NEAR(s.others, std::log(0.75 / 0.5), 1e-12);
  EXPECT_NEAR(s.min(), std::log(0.5), 1e-12);
  EXPECT_NEAR(s.max(), std::log(1.5), 1e-12);
  // No member at all: smoothed, finite and very negative.
  const Skews none = skew_at({false, false}, 0.4, 2);
  EXPECT_NEAR(none.members, std::log(kSkewEpsilon / 0.4), 1e-12);
  // On target: 0 both ways.
  const Skews even = skew_at({true, false}, 0.5, 2);
  EXPECT_NEAR(even.members, 0, 1e-12);
  EXPECT_NEAR(even.others, 0, 1e-12);
}

TEST(DiversityMetrics, NdklWeighsEachPrefixByItsExposure) {
  // Prefix 1: P = (1, 0) against (0.5, 0.5): KL = ln 2. Prefix 2: on target, KL = 0.
  EXPECT_NEAR(ndkl({true, false}, 0.5, 10), std::log(2.0) / (1 + 1 / kLog2Of3), 1e-12);
  // Alternating from a non-member start gives the same by symmetry.
  EXPECT_NEAR(ndkl({false, true}, 0.5, 10), std::log(2.0) / (1 + 1 / kLog2Of3), 1e-12);
  // Far from target everywhere is worse than close.
  EXPECT_GT(ndkl({false, false, false, false}, 0.4, 10), ndkl({false, true, false, true}, 0.4, 10));
  EXPECT_EQ(ndkl({}, 0.4, 10), 0.0);
}

TEST(DiversityMetrics, GiniOfExposure) {
  EXPECT_NEAR(gini({1, 1, 1, 1}), 0.0, 1e-12);
  // (2*4 - 4 - 1) * 4 / (4 * 4) = 0.75: one of four has everything.
  EXPECT_NEAR(gini({0, 0, 0, 4}), 0.75, 1e-12);
  // Order does not matter; sorted (1, 2, 3): (-2*1 + 0*2 + 2*3) / (3 * 6) = 4/18.
  EXPECT_NEAR(gini({3, 1, 2}), 4.0 / 18.0, 1e-12);
  EXPECT_EQ(gini({}), 0.0);
  EXPECT_EQ(gini({0, 0}), 0.0);
}

}  // namespace
}  // namespace podium::eval
