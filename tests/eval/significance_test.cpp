// SPDX-License-Identifier: Apache-2.0
// The paired randomization test and bootstrap intervals of podium-eval --against.
#include "podium/eval/significance.h"

#include <gtest/gtest.h>

#include "support/test_util.h"

namespace podium::eval {
namespace {

TEST(PairedTest, IdenticalSystemsDifferByNothing) {
  const std::vector<double> values = {0, 1, 0.5, 0.25, 0, 1, 0.2};
  auto result = compare_paired(values, values);
  ASSERT_OK(result);
  EXPECT_DOUBLE_EQ(result->difference, 0);
  EXPECT_DOUBLE_EQ(result->p_value, 1);
  EXPECT_DOUBLE_EQ(result->difference_low, 0);
  EXPECT_DOUBLE_EQ(result->difference_high, 0);
  EXPECT_DOUBLE_EQ(result->ratio, 1);
}

TEST(PairedTest, AGainOnEveryQueryIsSignificant) {
  std::vector<double> a;
  std::vector<double> b;
  for (int i = 0; i < 50; ++i) {
    b.push_back(0.01 * (i % 40));
    a.push_back(b.back() + 0.1);
  }
  auto result = compare_paired(a, b);
  ASSERT_OK(result);
  EXPECT_NEAR(result->difference, 0.1, 1e-12);
  // Only the all-positive arrangement is as extreme (chance 2^-49): p is the +1 of the
  // observed arrangement over rounds + 1.
  EXPECT_LT(result->p_value, 0.001);
  EXPECT_GT(result->difference_low, 0);
  EXPECT_GT(result->ratio_low, 1);
  // Means: b 0.165 ((0+..+39) + (0+..+9)) / 50 / 100), a 0.265.
  EXPECT_NEAR(result->ratio, 0.265 / 0.165, 1e-9);
}

TEST(PairedTest, GainsAndLossesThatCancelAreNotSignificant) {
  std::vector<double> a;
  std::vector<double> b;
  for (int i = 0; i < 40; ++i) {
    b.push_back(0.5);
    a.push_back(i % 2 == 0 ? 0.8 : 0.2);
  }
  a.push_back(0.55);  // one small net gain
  b.push_back(0.5);
  auto result = compare_paired(a, b);
  ASSERT_OK(result);
  EXPECT_GT(result->difference, 0);
  EXPECT_GT(result->p_value, 0.5);
  EXPECT_LT(result->difference_low, 0);
  EXPECT_GT(result->difference_high, 0);
}

TEST(PairedTest, PValueIsTheShareOfSignFlipsAsExtreme) {
  // Three queries, each +1: of the 8 sign patterns, all + and all - reach |mean| = 1, so p is
  // about 2/8. A one-sided test would give 1/8; a test that ignored pairing, something else.
  auto result = compare_paired({1, 1, 1}, {0, 0, 0}, {.rounds = 20000, .seed = 3});
  ASSERT_OK(result);
  EXPECT_NEAR(result->p_value, 0.25, 0.015);
  // One query can never be significant: both signs are as extreme.
  auto single = compare_paired({1}, {0});
  ASSERT_OK(single);
  EXPECT_DOUBLE_EQ(single->p_value, 1);
}

TEST(PairedTest, TheSameSeedGivesTheSameAnswer) {
  const std::vector<double> a = {0.1, 0.9, 0.3, 0.5, 0, 1, 0.7};
  const std::vector<double> b = {0.2, 0.4, 0.3, 0.1, 0.5, 1, 0};
  auto first = compare_paired(a, b, {.rounds = 500, .seed = 7});
  auto second = compare_paired(a, b, {.rounds = 500, .seed = 7});
  ASSERT_OK(first);
  ASSERT_OK(second);
  EXPECT_EQ(first->p_value, second->p_value);
  EXPECT_EQ(first->difference_low, second->difference_low);
  EXPECT_EQ(first->ratio_high, second->ratio_high);
}

TEST(PairedTest, MismatchedOrEmptyInputIsRefused) {
  auto mismatched = compare_paired({1, 0}, {1});
  ASSERT_FALSE(mismatched.is_ok());
  EXPECT_EQ(mismatched.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(mismatched.status().message().find("2 and 1"), std::string::npos)
      << mismatched.status().message();
  auto empty = compare_paired({}, {});
  ASSERT_FALSE(empty.is_ok());
  EXPECT_NE(empty.status().message().find("no queries"), std::string::npos);
  auto no_rounds = compare_paired({1}, {0}, {.rounds = 0, .seed = 1});
  EXPECT_FALSE(no_rounds.is_ok());
}

}  // namespace
}  // namespace podium::eval
