// SPDX-License-Identifier: Apache-2.0
// The diversity re-ranker on hand-built candidate lists, and once through Index::search.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "podium/search/diversity.h"

#include "search/search_fixture.h"

namespace podium::test {
namespace {

using search::DiversityCandidate;
using search::DiversityOptions;
using search::MinShare;
using search::MinShareOutcome;

DiversityCandidate make(const std::string& id, double relevance, const std::string& gender = {},
                        std::size_t talks = 5, const std::string& region = "europe") {
  DiversityCandidate c;
  c.id = id;
  c.relevance = relevance;
  c.gender = gender;
  c.talk_count = talks;
  c.region = region;
  return c;
}

std::vector<std::string> order_ids(const std::vector<DiversityCandidate>& candidates,
                                   const search::DiversityResult& result) {
  std::vector<std::string> out;
  for (std::size_t i : result.order) out.push_back(candidates[i].id);
  return out;
}

// Only the minimums steer: no dimensions in the objective.
DiversityOptions constraints_only(std::vector<MinShare> mins) {
  DiversityOptions options;
  options.dimensions.clear();
  options.min_shares = std::move(mins);
  options.seed = 1;
  options.tie_epsilon = 0;
  options.min_self_id_pool = 0;
  return options;
}

TEST(DiversityRanker, RegionTableMapsCountriesCaseInsensitively) {
  EXPECT_EQ(search::region_of_country("NG"), "africa");
  EXPECT_EQ(search::region_of_country("de"), "europe");
  EXPECT_EQ(search::region_of_country("CO"), "latin-america");
  EXPECT_EQ(search::region_of_country("US"), "north-america");
  EXPECT_EQ(search::region_of_country("SG"), "asia");
  EXPECT_EQ(search::region_of_country("AU"), "oceania");
  EXPECT_EQ(search::region_of_country("AE"), "middle-east");
  EXPECT_EQ(search::region_of_country("ZZ"), "");
}

TEST(DiversityRanker, WithoutMinimumsOrDimensionsKeepsRelevanceOrder) {
  std::vector<DiversityCandidate> c = {make("a", 1.0), make("b", 0.9), make("c", 0.8),
                                       make("d", 0.2)};
  const auto result = search::diversify(c, constraints_only({}));
  EXPECT_EQ(order_ids(c, result), (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(DiversityRanker, EveryPrefixMeetsItsMinimumWhenFeasible) {
  // 10 candidates, women at the bottom of the band: each prefix k needs floor(0.4 k) of them.
  std::vector<DiversityCandidate> c;
  for (int i = 0; i < 6; ++i) c.push_back(make("m" + std::to_string(i), 1.0 - 0.02 * i, "man"));
  for (int i = 0; i < 4; ++i) c.push_back(make("w" + std::to_string(i), 0.8 - 0.02 * i, "Woman"));
  const auto options = constraints_only({{"gender", {"woman"}, 0.4}});
  const auto result = search::diversify(c, options);
  ASSERT_EQ(result.order.size(), c.size());
  std::size_t women = 0;
  for (std::size_t k = 1; k <= result.order.size(); ++k) {
    if (c[result.order[k - 1]].gender == "Woman") ++women;
    EXPECT_GE(women, static_cast<std::size_t>(0.4 * static_cast<double>(k) + 1e-9)) << k;
  }
  ASSERT_EQ(result.minimums.size(), 1u);
  EXPECT_EQ(result.minimums[0].state, MinShareOutcome::State::kMet);
  // Within each group, relevance order is kept.
  const auto ids = order_ids(c, result);
  EXPECT_LT(std::find(ids.begin(), ids.end(), "w0"), std::find(ids.begin(), ids.end(), "w1"));
  EXPECT_LT(std::find(ids.begin(), ids.end(), "m0"), std::find(ids.begin(), ids.end(), "m1"));
  EXPECT_EQ(ids[0], "m0");  // floor(0.4) = 0: the best candidate still leads
  EXPECT_EQ(ids[1], "m1");
  EXPECT_EQ(ids[2], "w0");  // floor(0.8) = 0, floor(1.2) = 1 at k = 3
}

TEST(DiversityRanker, NeverPromotesBelowTheRelevanceBand) {
  // The only newcomer is below a tenth of the top relevance (the default band): it stays last,
  // and the minimum is reported infeasible instead of being filled with a weak match.
  std::vector<DiversityCandidate> c = {make("a", 1.0), make("b", 0.9), make("c", 0.7),
                                       make("weak", 0.09, "", 1)};
  const auto result = search::diversify(c, constraints_only({{"experience", {"newcomer"}, 0.5}}));
  EXPECT_EQ(order_ids(c, result), (std::vector<std::string>{"a", "b", "c", "weak"}));
  EXPECT_EQ(result.minimums[0].state, MinShareOutcome::State::kInfeasible);
}

TEST(DiversityRanker, PromotesANewcomerInsideTheBand) {
  std::vector<DiversityCandidate> c = {make("a", 1.0, "", 9), make("b", 0.9, "", 9),
                                       make("new", 0.6, "", 2), make("new2", 0.55, "", 0)};
  const auto result = search::diversify(c, constraints_only({{"experience", {"newcomer"}, 0.5}}));
  EXPECT_EQ(order_ids(c, result), (std::vector<std::string>{"a", "new", "b", "new2"}));
  EXPECT_EQ(result.minimums[0].state, MinShareOutcome::State::kMet);
}

TEST(DiversityRanker, WomenPlusExpandsToTheShippedSet) {
  const auto& sets = search::shipped_value_sets();
  ASSERT_TRUE(sets.count("women+")) << "data/diversity_values.json not loaded";
  const auto values = search::expand_values({"Women+"}, sets);
  for (const char* v : {"woman", "non-binary", "nonbinary", "enby", "trans man", "agender",
                        "genderqueer", "two-spirit", "intersex"}) {
    EXPECT_TRUE(values.count(v)) << v;
  }
  EXPECT_FALSE(values.count("man"));
  // In the ranker: a non-binary and a female speaker count for "women+"; a man does not.
  std::vector<DiversityCandidate> c = {make("m0", 1.0, "man"), make("m1", 0.95, "Man"),
                                       make("nb", 0.8, "Non-Binary"), make("f", 0.7, "female")};
  const auto result = search::diversify(c, constraints_only({{"gender", {"women+"}, 0.5}}));
  EXPECT_EQ(order_ids(c, result), (std::vector<std::string>{"m0", "nb", "m1", "f"}));
  EXPECT_EQ(result.minimums[0].state, MinShareOutcome::State::kMet);
}

TEST(DiversityRanker, SmallSelfIdPoolsAreNotEnforced) {
  std::vector<DiversityCandidate> c = {make("m0", 1.0, "man"), make("m1", 0.95, "man"),
                                       make("w", 0.8, "woman")};
  auto options = constraints_only({{"gender", {"woman"}, 0.5}});
  options.min_self_id_pool = 5;
  const auto result = search::diversify(c, options);
  EXPECT_EQ(order_ids(c, result), (std::vector<std::string>{"m0", "m1", "w"}));
  EXPECT_EQ(result.minimums[0].state, MinShareOutcome::State::kInfeasible);
}

TEST(DiversityRanker, SameInputAndSeedGiveTheSameOrder) {
  std::vector<DiversityCandidate> c;
  for (int i = 0; i < 30; ++i) {
    auto cand = make("s" + std::to_string(i), 1.0 - 0.01 * i, i % 3 ? "man" : "woman",
                     static_cast<std::size_t>(i % 5), search::kRegions[i % 7]);
    cand.affiliation = "org" + std::to_string(i % 4);
    cand.subtopics = {"t" + std::to_string(i % 6)};
    c.push_back(cand);
  }
  DiversityOptions options;
  options.seed = 42;
  options.min_shares = {{"region", {"africa", "asia"}, 0.3}};
  const auto first = search::diversify(c, options);
  for (int run = 0; run < 3; ++run) EXPECT_EQ(search::diversify(c, options).order, first.order);
}

TEST(DiversityRanker, SeedsRotateNearTiesButNotClearWinners) {
  // Five equally relevant speakers after one clear leader.
  std::vector<DiversityCandidate> c = {make("lead", 1.0)};
  for (int i = 0; i < 5; ++i) c.push_back(make("tie" + std::to_string(i), 0.7));
  DiversityOptions options;
  options.dimensions.clear();
  std::set<std::string> second_places;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    options.seed = seed;
    const auto ids = order_ids(c, search::diversify(c, options));
    EXPECT_EQ(ids[0], "lead") << seed;
    second_places.insert(ids[1]);
  }
  EXPECT_GE(second_places.size(), 3u);
}

TEST(DiversityRanker, DimensionsSpreadRegionsAndAffiliations) {
  // Three near-equal speakers from one company and region, one slightly weaker from elsewhere.
  std::vector<DiversityCandidate> c = {make("a1", 1.0), make("a2", 0.98), make("a3", 0.96),
                                       make("other", 0.9, "", 5, "africa")};
  for (int i = 0; i < 3; ++i) c[static_cast<std::size_t>(i)].affiliation = "BigCo";
  c[3].affiliation = "SmallCo";
  DiversityOptions options;
  options.seed = 3;
  options.tie_epsilon = 0;
  const auto ids = order_ids(c, search::diversify(c, options));
  EXPECT_EQ(ids[0], "a1");
  EXPECT_EQ(ids[1], "other");
}

// Only the experience dimension steers, no ties.
DiversityOptions experience_only() {
  DiversityOptions options;
  options.dimensions = {"experience"};
  options.seed = 1;
  options.tie_epsilon = 0;
  return options;
}

std::size_t newcomers_in(const std::vector<std::string>& ids, std::size_t prefix) {
  return static_cast<std::size_t>(
      std::count_if(ids.begin(), ids.begin() + static_cast<long>(prefix),
                    [](const std::string& id) { return id[0] == 'n'; }));
}

// Eight near-equal candidates of one experience level, then two weaker ones of the other.
std::vector<DiversityCandidate> eight_then_two(const std::string& many, std::size_t many_talks,
                                               const std::string& few, std::size_t few_talks) {
  std::vector<DiversityCandidate> c;
  for (int i = 0; i < 8; ++i) {
    c.push_back(make(many + std::to_string(i), 1.0 - 0.01 * i, "", many_talks));
  }
  c.push_back(make(few + "0", 0.75, "", few_talks));
  c.push_back(make(few + "1", 0.74, "", few_talks));
  return c;
}

TEST(DiversityRanker, ExperienceLevelsGetTheirShareOfTheBand) {
  // Eight veterans, then two newcomers: newcomers are a fifth of the band, so one is owed a seat
  // in the top five and two in the top ten; no earlier (covering both levels once would put
  // the first newcomer second).
  const auto c = eight_then_two("v", 9, "n", 1);
  const auto ids = order_ids(c, search::diversify(c, experience_only()));
  EXPECT_EQ(ids,
            (std::vector<std::string>{"v0", "v1", "v2", "v3", "n0", "v4", "v5", "v6", "v7", "n1"}));
  for (std::size_t k = 1; k <= ids.size(); ++k) {
    EXPECT_GE(newcomers_in(ids, k), static_cast<std::size_t>(0.2 * static_cast<double>(k) + 1e-9))
        << k;
  }
}

TEST(DiversityRanker, AMinorityOfVeteransGetsItsShareToo) {
  const auto c = eight_then_two("n", 1, "v", 9);
  const auto ids = order_ids(c, search::diversify(c, experience_only()));
  EXPECT_EQ(ids[4], "v0");
  EXPECT_EQ(ids[9], "v1");
  EXPECT_EQ(ids[0], "n0");
}

TEST(DiversityRanker, ASpeakerWithoutSubtopicsIsNeitherNewNorRedundant) {
  // After "a" covers x: "d" repeats x, "e" adds y, "b" has no known subtopic. "b" is worth half
  // a new subtopic, so it stays ahead of the redundant "d" it outscores, and behind nobody it
  // outscores by less than that half.
  std::vector<DiversityCandidate> c = {make("a", 1.0), make("d", 0.95), make("b", 0.9),
                                       make("e", 0.5)};
  c[0].subtopics = {"x"};
  c[1].subtopics = {"x"};
  c[3].subtopics = {"y"};
  DiversityOptions options;
  options.dimensions = {"subtopic"};
  options.seed = 1;
  options.tie_epsilon = 0;
  EXPECT_EQ(order_ids(c, search::diversify(c, options)),
            (std::vector<std::string>{"a", "b", "e", "d"}));
}

TEST(DiversityRanker, TiesRotateAcrossQueriesUnderOneSeed) {
  // One request seed (a day's, or the caller's), many queries: with the seed alone the same
  // speaker would win this tie in every query.
  std::vector<DiversityCandidate> c;
  for (int i = 0; i < 5; ++i) c.push_back(make("tie" + std::to_string(i), 0.9));
  DiversityOptions options;
  options.dimensions.clear();
  std::set<std::string> winners;
  for (int q = 0; q < 20; ++q) {
    const std::string query = "query " + std::to_string(q);
    options.seed = search::query_tie_seed(7, query);
    winners.insert(order_ids(c, search::diversify(c, options))[0]);
    EXPECT_EQ(search::query_tie_seed(7, query), options.seed);  // same request, same order
  }
  EXPECT_GE(winners.size(), 3u);
  EXPECT_NE(search::query_tie_seed(7, "mlops"), search::query_tie_seed(8, "mlops"));
}

TEST(DiversityRanker, DimensionsMoveOnlyCandidatesWithinTheNoveltyBand) {
  // "far" brings a new region and sits inside the relevance band (a tenth) but under the
  // novelty band (a half): spreading regions must not pull it up; a minimum may.
  std::vector<DiversityCandidate> c = {make("a", 1.0), make("b", 0.9),
                                       make("far", 0.4, "", 5, "africa")};
  DiversityOptions options;
  options.dimensions = {"region"};
  options.seed = 1;
  options.tie_epsilon = 0;
  EXPECT_EQ(order_ids(c, search::diversify(c, options)),
            (std::vector<std::string>{"a", "b", "far"}));
  options.novelty_band = 0.3;
  EXPECT_EQ(order_ids(c, search::diversify(c, options)),
            (std::vector<std::string>{"a", "far", "b"}));
  options.novelty_band = 0.5;
  options.min_shares = {{"region", {"africa"}, 0.5}};
  EXPECT_EQ(order_ids(c, search::diversify(c, options)),
            (std::vector<std::string>{"a", "far", "b"}));
}

TEST(DiversityRanker, ParsesValueSetsAndRejectsBadFiles) {
  const auto sets = search::parse_value_sets(R"({"sets": {"X": ["A", "b"]}})");
  ASSERT_TRUE(sets.has_value());
  EXPECT_EQ(sets->at("x"), (std::set<std::string>{"a", "b"}));
  EXPECT_FALSE(search::parse_value_sets("[]").has_value());
  EXPECT_FALSE(search::parse_value_sets(R"({"sets": {"x": [1]}})").has_value());
}

class DiversitySearch : public SearchFixture {};

search::SearchResponse diverse_search(const search::Index& index, const std::string& query,
                                      std::vector<MinShare> mins) {
  search::SearchRequest request;
  request.query = query;
  request.diversity.emplace();
  request.diversity->seed = 1;
  request.diversity->min_shares = std::move(mins);
  auto response = index.search(request);
  EXPECT_OK(response);
  return response.is_ok() ? std::move(response).value() : search::SearchResponse{};
}

TEST_F(DiversitySearch, AMinimumPromotesAMatchingSpeakerInsideTheBand) {
  // "models": Sofía (CO), Amara (NG), Nia (KE), Jonas (DE), all within half the top score.
  const auto plain = search("models");
  ASSERT_EQ(ids(plain).size(), 4u);
  EXPECT_EQ(ids(plain)[0], "sofia-reyes");
  EXPECT_FALSE(plain.diversity.has_value());

  const auto diverse = diverse_search(*index_, "models", {{"region", {"europe"}, 1.0}});
  const auto got = ids(diverse);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0], "jonas-weber");
  const auto before = ids(plain);
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()),
            std::set<std::string>(before.begin(), before.end()));
  EXPECT_EQ(diverse.total, plain.total);
  ASSERT_TRUE(diverse.diversity.has_value());
  const auto& summary = *diverse.diversity;
  ASSERT_EQ(summary.minimums.size(), 1u);
  EXPECT_FALSE(summary.minimums[0].met);  // one European speaker cannot fill every prefix
  EXPECT_EQ(summary.regions.at("africa"), 2u);
  EXPECT_EQ(summary.regions.at("europe"), 1u);
  EXPECT_EQ(summary.regions.at("latin-america"), 1u);
  EXPECT_EQ(summary.experience.at("newcomer"), 3u);
  EXPECT_EQ(summary.experience.at("veteran"), 1u);
}

TEST_F(DiversitySearch, TheRelevanceBandDecidesWhoMayFillAMinimum) {
  // "pipeline": Amara (NG) scores under half of Li Wei's. With a band of one half she is too
  // weak a match to fill the minimum and stays second; the default band (a tenth) admits her.
  search::SearchRequest request;
  request.query = "pipeline";
  request.diversity.emplace();
  request.diversity->seed = 1;
  request.diversity->min_shares = {{"region", {"africa"}, 1.0}};
  request.diversity->relevance_band = 0.5;
  auto strict = index_->search(request);
  ASSERT_OK(strict);
  EXPECT_EQ(ids(*strict), (std::vector<std::string>{"li-wei", "amara-okafor"}));
  ASSERT_TRUE(strict->diversity.has_value());
  ASSERT_EQ(strict->diversity->minimums.size(), 1u);
  EXPECT_FALSE(strict->diversity->minimums[0].met);

  const auto by_default = diverse_search(*index_, "pipeline", {{"region", {"africa"}, 1.0}});
  EXPECT_EQ(ids(by_default), (std::vector<std::string>{"amara-okafor", "li-wei"}));
}

}  // namespace
}  // namespace podium::test
