// SPDX-License-Identifier: Apache-2.0
// stable_hash must give the same values everywhere and in every release: a browse order, a tie
// order or a synthetic attribute set named by its seed must come out the same next year. The
// expected values were computed independently of this code (FNV-1a 64 and splitmix64's
// finaliser, written out in a few lines of Python).
#include "podium/core/stable_hash.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(StableHash, GivesThePublishedValues) {
  EXPECT_EQ(stable_hash(0, ""), 0x552d3fb62b3c344fULL);
  EXPECT_EQ(stable_hash(0, "ada-okafor"), 0xbd4f10b609842f20ULL);
  EXPECT_EQ(stable_hash(1, "ada-okafor"), 0xc3b44921269e8904ULL);
  EXPECT_EQ(stable_hash(20261124, "zo\xC3\xAB-lindqvist"), 0xe7f0b0d986048728ULL);  // "zoë-"
}

TEST(StableHash, NearbySeedsGiveUnrelatedOrders) {
  // Ten ids under seeds 1 and 2: the finaliser must not leave the two orders alike.
  const char* ids[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  constexpr int kIds = 10;
  int same_order_pairs = 0;
  int pairs = 0;
  for (int x = 0; x < kIds; ++x) {
    for (int y = x + 1; y < kIds; ++y) {
      ++pairs;
      const bool first = stable_hash(1, ids[x]) < stable_hash(1, ids[y]);
      const bool second = stable_hash(2, ids[x]) < stable_hash(2, ids[y]);
      same_order_pairs += first == second ? 1 : 0;
    }
  }
  EXPECT_GT(same_order_pairs, pairs / 5);
  EXPECT_LT(same_order_pairs, pairs * 4 / 5);
}

}  // namespace
}  // namespace podium
