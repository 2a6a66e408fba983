// SPDX-License-Identifier: Apache-2.0
// The run-level diversity figures on a hand-made attribute table and rankings.
#include "podium/eval/diversity_report.h"

#include <cmath>

#include <gtest/gtest.h>

#include "podium/eval/diversity_metrics.h"

namespace podium::eval {
namespace {

AttributeTable table() {
  AttributeTable t;
  t["w1"] = {"woman", {}, "europe", 1, {"ml"}};
  t["w2"] = {"non-binary", {}, "asia", 5, {"web"}};
  t["m1"] = {"man", {}, "europe", 9, {"ml"}};
  t["m2"] = {"man", {}, "africa", 9, {"ml", "web"}};
  t["n1"] = {"", {}, "", 0, {}};  // never exposed
  return t;
}

search::MinShare women_plus(double share) { return {"gender", {"women+"}, share}; }

TEST(DiversityReport, MembershipFollowsTheNamedSetsAndFields) {
  const AttributeTable t = table();
  const auto sets = search::shipped_value_sets();
  const auto values = search::expand_values({"women+"}, sets);
  EXPECT_TRUE(is_member(t.at("w1"), "gender", values));
  EXPECT_TRUE(is_member(t.at("w2"), "gender", values));
  EXPECT_FALSE(is_member(t.at("m1"), "gender", values));
  EXPECT_FALSE(is_member(t.at("n1"), "gender", values));
  EXPECT_TRUE(is_member(t.at("w1"), "experience", {"newcomer"}));
  EXPECT_FALSE(is_member(t.at("w2"), "experience", {"newcomer"}));
  EXPECT_TRUE(is_member(t.at("m2"), "region", {"africa"}));
}

TEST(DiversityReport, AccumulatesOverQueries) {
  const AttributeTable t = table();
  DiversityAccumulator acc(t, women_plus(0.5));
  acc.add({"m1", "w1", "m2", "w2"}, {"ml"});  // prefixes 0 1 1 2 vs minimums 0 1 1 2: met
  acc.add({"m1", "m2", "w1", "w2"}, {});      // prefix 2 has none, needs 1: not met
  const DiversityReport r = acc.report();
  EXPECT_EQ(r.queries, 2u);
  EXPECT_EQ(r.subtopic_queries, 1u);
  // Query 1 covers "ml" at ranks 1, 2, 3: gains 1, 0.5, 0.25 against the same ideal.
  EXPECT_NEAR(r.alpha_ndcg_at_10, 1.0, 1e-12);
  EXPECT_EQ(r.feasible_queries, 2u);
  EXPECT_NEAR(r.satisfied_when_feasible, 0.5, 1e-12);
  EXPECT_NEAR(r.satisfied_all, 0.5, 1e-12);
  EXPECT_NEAR(r.member_share_at_10, 0.5, 1e-12);
  // Newcomers: w1 (1 talk) at ranks 2 and 3.
  const double total = 2 * (exposure_at(1) + exposure_at(2) + exposure_at(3) + exposure_at(4));
  EXPECT_NEAR(r.newcomer_exposure_share, (exposure_at(2) + exposure_at(3)) / total, 1e-12);
  EXPECT_EQ(r.speakers_exposed, 4u);
  // Gini over all five speakers, n1 with zero exposure.
  const std::vector<double> amounts = {
      exposure_at(2) + exposure_at(3), exposure_at(4) + exposure_at(4),
      exposure_at(1) + exposure_at(1), exposure_at(3) + exposure_at(2), 0};
  EXPECT_NEAR(r.exposure_gini, gini(amounts), 1e-12);
  EXPECT_GT(r.exposure_gini, 0.0);
}

TEST(DiversityReport, InfeasibleQueriesAreCountedApart) {
  const AttributeTable t = table();
  DiversityAccumulator acc(t, women_plus(0.5));
  // Ten results with one member: a minimum of five in the top ten cannot be met.
  acc.add({"m1", "w1", "m2", "n1", "x1", "x2", "x3", "x4", "x5", "x6"}, {});
  const DiversityReport r = acc.report();
  EXPECT_EQ(r.feasible_queries, 0u);
  EXPECT_EQ(r.satisfied_all, 0.0);
  DiversityAccumulator no_minimum(t, std::nullopt);
  no_minimum.add({"m1"}, {});
  EXPECT_FALSE(no_minimum.report().has_min_share);
}

TEST(DiversityReport, BandFeasibilityCountsMembersWithinTheBandOnly) {
  AttributeTable t = table();
  for (int i = 0; i < 8; ++i) t["m" + std::to_string(i + 3)] = {"man", {}, "europe", 3, {}};
  // Band 0.5, privacy floor 2: two members are needed for a top 4 at share 0.5.
  DiversityAccumulator acc(t, women_plus(0.5), search::shipped_value_sets(), 0.5, 2);
  // Both members within half the top score, and the ranking meets the minimum: feasible, met.
  acc.add({"m1", "w1", "m2", "w2"}, {}, {1.0, 0.9, 0.8, 0.6});
  // Both members in the top 4, but w2 under the band: not feasible in the band (yet feasible in
  // the top 100), and not met either.
  acc.add({"m1", "m2", "w1", "w2"}, {}, {1.0, 0.9, 0.8, 0.4});
  // Both within the band but the order fails the prefix of 2: feasible, not met.
  acc.add({"m1", "m2", "w1", "w2"}, {}, {1.0, 0.9, 0.8, 0.7});
  // Without scores band feasibility is not measured.
  acc.add({"m1", "w1", "m2", "w2"}, {});
  const DiversityReport r = acc.report();
  EXPECT_EQ(r.feasible_queries, 4u);
  EXPECT_EQ(r.band_feasible_queries, 2u);
  EXPECT_NEAR(r.satisfied_when_band_feasible, 0.5, 1e-12);
  EXPECT_NEAR(r.satisfied_when_feasible, 0.5, 1e-12);
}

TEST(DiversityReport, BandFeasibilityKeepsThePrivacyFloorForSelfIdentification) {
  const AttributeTable t = table();
  // Two members in the band, but self-identification needs five: never feasible.
  DiversityAccumulator gender(t, women_plus(0.5), search::shipped_value_sets(), 0.5, 5);
  gender.add({"m1", "w1", "m2", "w2"}, {}, {1.0, 0.9, 0.8, 0.6});
  EXPECT_EQ(gender.report().band_feasible_queries, 0u);
  // The floor is for self-identification only: two Europeans are enough for a region minimum.
  DiversityAccumulator region(t, search::MinShare{"region", {"europe"}, 0.5},
                              search::shipped_value_sets(), 0.5, 5);
  region.add({"w1", "m2", "m1", "w2"}, {}, {1.0, 0.9, 0.8, 0.6});
  EXPECT_EQ(region.report().band_feasible_queries, 1u);
  EXPECT_NEAR(region.report().satisfied_when_band_feasible, 1.0, 1e-12);
}

}  // namespace
}  // namespace podium::eval
