// SPDX-License-Identifier: Apache-2.0
// podium-eval's diversity and synth-attributes options, from synthetic argv.
#include <gtest/gtest.h>

#include "podium/eval/eval_run.h"

#include "support/test_util.h"

namespace podium::eval {
namespace {

Result<EvalOptions> parse(std::vector<const char*> args) {
  args.insert(args.begin(), "podium-eval");
  return parse_eval_options(static_cast<int>(args.size()), args.data());
}

TEST(EvalOptions, MinShareTurnsOnDiversityWithASeed) {
  auto options = parse({"--db", "d", "--queries", "q", "--min-share", "gender=women+,agender:0.4",
                        "--seed", "9", "--attributes", "a.jsonl"});
  ASSERT_OK(options);
  ASSERT_TRUE(options->diversity.has_value());
  EXPECT_EQ(options->diversity->seed, 9u);
  ASSERT_EQ(options->diversity->min_shares.size(), 1u);
  const auto& min = options->diversity->min_shares[0];
  EXPECT_EQ(min.field, "gender");
  EXPECT_EQ(min.values, (std::vector<std::string>{"women+", "agender"}));
  EXPECT_DOUBLE_EQ(min.share, 0.4);
  EXPECT_EQ(options->attributes_path, "a.jsonl");
  EXPECT_TRUE(options->rerank);
  auto measured =
      parse({"--db", "d", "--queries", "q", "--min-share", "gender=w:0.4", "--measure-only"});
  ASSERT_OK(measured);
  EXPECT_FALSE(measured->rerank);
  EXPECT_TRUE(measured->diversity.has_value());

  auto plain = parse({"--db", "d", "--queries", "q"});
  ASSERT_OK(plain);
  EXPECT_FALSE(plain->diversity.has_value());
  auto on = parse({"--db", "d", "--queries", "q", "--diversity"});
  ASSERT_OK(on);
  ASSERT_TRUE(on->diversity.has_value());
  EXPECT_EQ(on->diversity->seed, 1u);
  EXPECT_TRUE(on->diversity->min_shares.empty());
}

TEST(EvalOptions, CompareTakesAnotherIndexAndItsSpellingCopy) {
  auto options = parse({"--db", "d", "--queries", "q", "--compare", "stub", "--spelling-db", "s"});
  ASSERT_OK(options);
  EXPECT_EQ(options->compare_path, "stub");
  EXPECT_EQ(options->compare_spelling_db, "s");
  auto plain = parse({"--db", "d", "--queries", "q"});
  ASSERT_OK(plain);
  EXPECT_TRUE(plain->compare_path.empty());
  // A spelling copy without --compare has nothing to serve: an error that names the option.
  auto alone = parse({"--db", "d", "--queries", "q", "--spelling-db", "s"});
  ASSERT_FALSE(alone.is_ok());
  EXPECT_NE(alone.status().to_string().find("spelling-db"), std::string::npos);
}

TEST(EvalOptions, BadMinSharesAreRefused) {
  for (const char* bad :
       {"gender:0.4", "age=x:0.4", "gender=:0.4", "gender=w:1.5", "gender=w:x", "gender=w"}) {
    auto options = parse({"--db", "d", "--queries", "q", "--min-share", bad});
    ASSERT_FALSE(options.is_ok()) << bad;
    EXPECT_EQ(options.status().field(), "min-share") << bad;
  }
}

TEST(EvalOptions, SynthAttributesNeedsSeedInAndOut) {
  auto options = parse({"synth-attributes", "--seed", "3", "--in", "c.jsonl", "--out", "o.jsonl"});
  ASSERT_OK(options);
  EXPECT_TRUE(options->synth_attributes);
  EXPECT_EQ(options->synth.seed, 3u);
  EXPECT_EQ(options->synth.in_path, "c.jsonl");
  EXPECT_FALSE(parse({"synth-attributes", "--in", "c", "--out", "o"}).is_ok());
  EXPECT_FALSE(parse({"synth-attributes", "--seed", "1", "--out", "o"}).is_ok());
  EXPECT_FALSE(parse({"synth-attributes", "--seed", "1", "--in", "c"}).is_ok());
  EXPECT_EQ(parse({"synth-attributes", "--seed", "1", "--in", "c", "--out", "o", "--opt-in", "2"})
                .status()
                .field(),
            "opt-in");
}

TEST(EvalOptions, HeldOutVariants) {
  auto topics = parse({"build-heldout", "--out", "o", "--variant", "topics", "c.jsonl"});
  ASSERT_OK(topics);
  EXPECT_EQ(topics->heldout.variant, QueryVariant::kTopics);
  auto abstract = parse({"build-heldout", "--out", "o", "--variant", "abstract", "c.jsonl"});
  ASSERT_OK(abstract);
  EXPECT_EQ(abstract->heldout.variant, QueryVariant::kAbstract);
  auto bad = parse({"build-heldout", "--out", "o", "--variant", "tag", "c.jsonl"});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().field(), "variant");
  EXPECT_NE(bad.status().message().find("topics"), std::string::npos);
}

TEST(EvalOptions, AgainstNamesTheSecondSystemAndItsParameters) {
  auto baseline = parse({"--db", "d", "--queries", "q", "--against", "baseline", "--seed", "5"});
  ASSERT_OK(baseline);
  ASSERT_TRUE(baseline->against.has_value());
  EXPECT_EQ(baseline->against->model, search::RankingModel::kProfileBm25);
  EXPECT_EQ(baseline->against->label, "baseline");
  EXPECT_EQ(baseline->seed, 5u);

  auto tuned = parse({"--db", "d", "--queries", "q", "--set", "dfr_c=2", "--against", "fused",
                      "--against-set", "profile_weight=0.3", "--against-set", "talk_depth=200"});
  ASSERT_OK(tuned);
  EXPECT_DOUBLE_EQ(tuned->params.dfr_c, 2);
  ASSERT_TRUE(tuned->against.has_value());
  EXPECT_EQ(tuned->against->model, search::RankingModel::kFused);
  EXPECT_DOUBLE_EQ(tuned->against->params.profile_weight, 0.3);
  EXPECT_EQ(tuned->against->params.talk_depth, 200);
  // The first system's --set does not leak into the second.
  EXPECT_DOUBLE_EQ(tuned->against->params.dfr_c, search::RankingParams{}.dfr_c);
  EXPECT_EQ(tuned->against->label, "fused with profile_weight=0.3 talk_depth=200");

  EXPECT_FALSE(parse({"--db", "d", "--queries", "q"})->against.has_value());
}

TEST(EvalOptions, BadAgainstIsRefusedNamingTheOption) {
  auto unknown = parse({"--db", "d", "--queries", "q", "--against", "bm25"});
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().field(), "against");
  auto alone = parse({"--db", "d", "--queries", "q", "--against-set", "dfr_c=2"});
  ASSERT_FALSE(alone.is_ok());
  EXPECT_EQ(alone.status().field(), "against-set");
  auto no_value =
      parse({"--db", "d", "--queries", "q", "--against", "fused", "--against-set", "x"});
  ASSERT_FALSE(no_value.is_ok());
  EXPECT_EQ(no_value.status().field(), "against-set");
  auto bad_name =
      parse({"--db", "d", "--queries", "q", "--against", "fused", "--against-set", "nope=1"});
  ASSERT_FALSE(bad_name.is_ok());
  EXPECT_EQ(bad_name.status().field(), "nope");
}

}  // namespace
}  // namespace podium::eval
