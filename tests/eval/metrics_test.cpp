// SPDX-License-Identifier: Apache-2.0
// score_ranking and summarize on hand-made rankings, against values worked out by hand from the
// formulas in RANKING.md §2.3 (binary gains, log2(rank + 1) discounts, uncapped recall).
#include "podium/eval/metrics.h"

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace podium::eval {
namespace {

// A ranking of `size` non-relevant ids ("x1", "x2", ...), with `placed` ids put at the given
// 1-based ranks.
std::vector<std::string> ranking_of(
    std::size_t size, const std::vector<std::pair<std::size_t, std::string>>& placed) {
  std::vector<std::string> ranking;
  for (std::size_t i = 1; i <= size; ++i) ranking.push_back("x" + std::to_string(i));
  for (const auto& [rank, id] : placed) ranking.at(rank - 1) = id;
  return ranking;
}

struct Expected {
  std::size_t first_relevant_rank;
  double reciprocal_rank_at_10;
  double ndcg_at_10;
  double recall_at_10;
  double recall_at_100;
  bool hit_at_1;
  bool hit_at_10;
};

void expect_metrics(const QueryMetrics& m, const Expected& e) {
  EXPECT_EQ(m.first_relevant_rank, e.first_relevant_rank);
  EXPECT_DOUBLE_EQ(m.reciprocal_rank_at_10, e.reciprocal_rank_at_10);
  EXPECT_DOUBLE_EQ(m.ndcg_at_10, e.ndcg_at_10);
  EXPECT_DOUBLE_EQ(m.recall_at_10, e.recall_at_10);
  EXPECT_DOUBLE_EQ(m.recall_at_100, e.recall_at_100);
  EXPECT_EQ(m.hit_at_1, e.hit_at_1);
  EXPECT_EQ(m.hit_at_10, e.hit_at_10);
}

TEST(ScoreRanking, FirstRelevantAtRankThree) {
  const QueryMetrics m = score_ranking({"a", "b", "c", "d"}, {"c"});
  // One relevant: IDCG = 1 / log2(2) = 1, DCG = 1 / log2(4) = 0.5.
  expect_metrics(m, {3u, 1.0 / 3.0, 0.5, 1.0, 1.0, false, true});
}

TEST(ScoreRanking, RelevantFirstIsAPerfectScore) {
  const QueryMetrics m = score_ranking({"a", "b", "c"}, {"a"});
  expect_metrics(m, {1u, 1.0, 1.0, 1.0, 1.0, true, true});
}

TEST(ScoreRanking, RankTenIsTheLastThatCountsForTheTopTen) {
  const QueryMetrics m = score_ranking(ranking_of(20, {{10, "r"}}), {"r"});
  EXPECT_EQ(m.first_relevant_rank, 10u);
  EXPECT_DOUBLE_EQ(m.reciprocal_rank_at_10, 0.1);
  EXPECT_DOUBLE_EQ(m.ndcg_at_10, 1.0 / std::log2(11.0));
  EXPECT_DOUBLE_EQ(m.recall_at_10, 1.0);
  EXPECT_FALSE(m.hit_at_1);
  EXPECT_TRUE(m.hit_at_10);
}

TEST(ScoreRanking, FirstRelevantBeyondRankTenScoresZeroAtTen) {
  const QueryMetrics m = score_ranking(ranking_of(20, {{11, "r"}}), {"r"});
  expect_metrics(m, {11u, 0.0, 0.0, 0.0, 1.0, false, false});
}

TEST(ScoreRanking, BinaryNdcgWithSeveralRelevant) {
  // Relevant r1, r2, r3 at ranks 2, 5 and 12; x-ids are not relevant.
  const QueryMetrics m =
      score_ranking(ranking_of(15, {{2, "r1"}, {5, "r2"}, {12, "r3"}}), {"r1", "r2", "r3"});
  // DCG@10 = 1/log2(3) + 1/log2(6) (rank 12 is past the cut-off).
  const double dcg = 1.0 / std::log2(3.0) + 1.0 / std::log2(6.0);
  // IDCG@10 = the three relevant at ranks 1, 2, 3: 1/log2(2) + 1/log2(3) + 1/log2(4).
  const double idcg = 1.0 + 1.0 / std::log2(3.0) + 0.5;
  EXPECT_NEAR(m.ndcg_at_10, dcg / idcg, 1e-12);
  // (0.6309 + 0.3869) / 2.1309 = 0.4776, worked out on paper.
  EXPECT_NEAR(m.ndcg_at_10, 0.4776, 1e-4);
  EXPECT_EQ(m.first_relevant_rank, 2u);
  EXPECT_DOUBLE_EQ(m.reciprocal_rank_at_10, 0.5);
  EXPECT_DOUBLE_EQ(m.recall_at_10, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 1.0);
  EXPECT_FALSE(m.hit_at_1);
  EXPECT_TRUE(m.hit_at_10);
}

TEST(ScoreRanking, IdealDcgStopsAtTenRelevant) {
  // Twelve relevant ids; the ranking puts ten of them at ranks 2..11 after one miss.
  std::set<std::string> relevant;
  std::vector<std::pair<std::size_t, std::string>> placed;
  for (std::size_t i = 1; i <= 12; ++i) {
    relevant.insert("r" + std::to_string(i));
    if (i <= 10) placed.emplace_back(i + 1, "r" + std::to_string(i));
  }
  const QueryMetrics m = score_ranking(ranking_of(30, placed), relevant);
  // DCG@10 has ranks 2..10; IDCG@10 has ranks 1..10 (not 1..12).
  const double dcg = 1 / std::log2(3.0) + 1 / std::log2(4.0) + 1 / std::log2(5.0) +
                     1 / std::log2(6.0) + 1 / std::log2(7.0) + 1 / std::log2(8.0) +
                     1 / std::log2(9.0) + 1 / std::log2(10.0) + 1 / std::log2(11.0);
  const double idcg = 1 / std::log2(2.0) + dcg;
  EXPECT_NEAR(m.ndcg_at_10, dcg / idcg, 1e-12);
  EXPECT_DOUBLE_EQ(m.recall_at_10, 9.0 / 12.0);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 10.0 / 12.0);

  // All twelve at the top: the ideal ordering, whatever lies beyond rank 10.
  std::vector<std::pair<std::size_t, std::string>> top;
  for (std::size_t i = 1; i <= 12; ++i) top.emplace_back(i, "r" + std::to_string(i));
  const QueryMetrics ideal = score_ranking(ranking_of(30, top), relevant);
  EXPECT_NEAR(ideal.ndcg_at_10, 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(ideal.recall_at_10, 10.0 / 12.0);
  EXPECT_DOUBLE_EQ(ideal.recall_at_100, 1.0);
}

TEST(ScoreRanking, RecallAtTenAndAtHundredWithSeveralRelevant) {
  // Four relevant at ranks 5, 50, 100 and 101: rank 101 is outside both cut-offs.
  const QueryMetrics m = score_ranking(
      ranking_of(120, {{5, "a"}, {50, "b"}, {100, "c"}, {101, "d"}}), {"a", "b", "c", "d"});
  EXPECT_DOUBLE_EQ(m.recall_at_10, 1.0 / 4.0);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 3.0 / 4.0);
  EXPECT_EQ(m.first_relevant_rank, 5u);
  EXPECT_DOUBLE_EQ(m.reciprocal_rank_at_10, 0.2);
  // DCG = 1/log2(6); IDCG for four relevant = 1 + 1/log2(3) + 1/log2(4) + 1/log2(5).
  EXPECT_NEAR(m.ndcg_at_10,
              (1 / std::log2(6.0)) / (1 + 1 / std::log2(3.0) + 0.5 + 1 / std::log2(5.0)), 1e-12);
}

TEST(ScoreRanking, RelevantNotRetrievedCountsAsMissed) {
  // Two relevant ids, only one in the ranking: recall is over all relevant, not the retrieved.
  const QueryMetrics m = score_ranking({"a", "b"}, {"b", "z"});
  EXPECT_DOUBLE_EQ(m.recall_at_10, 0.5);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 0.5);
  // DCG = 1/log2(3); IDCG = 1 + 1/log2(3).
  EXPECT_NEAR(m.ndcg_at_10, (1 / std::log2(3.0)) / (1 + 1 / std::log2(3.0)), 1e-12);
}

TEST(ScoreRanking, EmptyRankingScoresZero) {
  const QueryMetrics m = score_ranking({}, {"a", "b"});
  expect_metrics(m, {0u, 0.0, 0.0, 0.0, 0.0, false, false});
}

TEST(ScoreRanking, RankingWithoutRelevantScoresZero) {
  const QueryMetrics m = score_ranking({"a", "b", "c"}, {"z"});
  expect_metrics(m, {0u, 0.0, 0.0, 0.0, 0.0, false, false});
}

TEST(Summarize, MeansOverQueries) {
  // Each mean differs from the others, so a mix-up of fields shows.
  QueryMetrics first;
  first.reciprocal_rank_at_10 = 1.0;
  first.ndcg_at_10 = 1.0;
  first.recall_at_10 = 1.0;
  first.recall_at_100 = 1.0;
  first.hit_at_1 = true;
  first.hit_at_10 = true;
  QueryMetrics second;
  second.reciprocal_rank_at_10 = 0.25;
  second.ndcg_at_10 = 0.5;
  second.recall_at_10 = 0.5;
  second.recall_at_100 = 0.75;
  second.hit_at_1 = false;
  second.hit_at_10 = true;
  QueryMetrics third;  // nothing in the top 10, half the relevant by rank 100
  third.recall_at_100 = 0.5;
  QueryMetrics fourth;
  fourth.reciprocal_rank_at_10 = 0.5;
  fourth.ndcg_at_10 = 0.75;
  fourth.recall_at_10 = 0.125;
  fourth.recall_at_100 = 0.25;
  fourth.hit_at_10 = true;

  const Summary s = summarize({first, second, third, fourth});
  EXPECT_EQ(s.queries, 4u);
  EXPECT_DOUBLE_EQ(s.mrr_at_10, (1.0 + 0.25 + 0 + 0.5) / 4);         // 0.4375
  EXPECT_DOUBLE_EQ(s.ndcg_at_10, (1.0 + 0.5 + 0 + 0.75) / 4);        // 0.5625
  EXPECT_DOUBLE_EQ(s.recall_at_10, (1.0 + 0.5 + 0 + 0.125) / 4);     // 0.40625
  EXPECT_DOUBLE_EQ(s.recall_at_100, (1.0 + 0.75 + 0.5 + 0.25) / 4);  // 0.625
  EXPECT_DOUBLE_EQ(s.hit_at_1, 0.25);
  EXPECT_DOUBLE_EQ(s.hit_at_10, 0.75);
}

TEST(Summarize, MeansOfScoredRankings) {
  // End to end: rank 1, rank 2, and a miss.
  const Summary s = summarize({score_ranking({"a", "b"}, {"a"}), score_ranking({"a", "b"}, {"b"}),
                               score_ranking({"a", "b"}, {"z"})});
  EXPECT_EQ(s.queries, 3u);
  EXPECT_DOUBLE_EQ(s.mrr_at_10, (1.0 + 0.5 + 0) / 3);
  EXPECT_NEAR(s.ndcg_at_10, (1.0 + 1 / std::log2(3.0) + 0) / 3, 1e-12);
  EXPECT_DOUBLE_EQ(s.recall_at_10, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.hit_at_1, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.hit_at_10, 2.0 / 3);
}

TEST(Summarize, NoQueriesGivesZeros) {
  const Summary s = summarize({});
  EXPECT_EQ(s.queries, 0u);
  EXPECT_EQ(s.mrr_at_10, 0.0);
  EXPECT_EQ(s.ndcg_at_10, 0.0);
  EXPECT_EQ(s.recall_at_10, 0.0);
  EXPECT_EQ(s.recall_at_100, 0.0);
  EXPECT_EQ(s.hit_at_1, 0.0);
  EXPECT_EQ(s.hit_at_10, 0.0);
}

}  // namespace
}  // namespace podium::eval
