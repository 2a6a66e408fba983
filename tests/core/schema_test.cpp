// SPDX-License-Identifier: Apache-2.0
// The speaker list of a talk's kSlotSpeakers value, as the indexer joins it.
#include "podium/core/schema.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace podium {
namespace {

using Ids = std::vector<std::string>;

TEST(SplitSpeakers, ReadsTheIdsTheIndexerJoined) {
  EXPECT_EQ(schema::split_speakers("ada-okafor\nbo.lindqvist"),
            (Ids{"ada-okafor", "bo.lindqvist"}));
  EXPECT_EQ(schema::split_speakers("chen:wei"), (Ids{"chen:wei"}));
  EXPECT_EQ(schema::split_speakers(""), Ids{});
  EXPECT_EQ(schema::split_speakers("a\n"), (Ids{"a"}));  // a trailing newline adds no empty id
}

}  // namespace
}  // namespace podium
