// SPDX-License-Identifier: Apache-2.0
// Format tags ("Workshop", "Lightning Talks") against topic tags.
#include "podium/core/format_tags.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(FormatTags, FormatsAndEventPartsWhateverTheirSpelling) {
  for (const char* tag : {"workshop", "Workshop", "Lightning Talks", "lightning-talk", "Keynote",
                          "tutorials", "Q&A", "poster", "Sprints"}) {
    EXPECT_TRUE(is_format_tag(tag)) << tag;
  }
}

TEST(FormatTags, TopicsAreNot) {
  for (const char* tag : {"differential privacy", "mlops", "talking robots", "workshop design",
                          "panels (solar)", "", "Ünicode"}) {
    EXPECT_FALSE(is_format_tag(tag)) << tag;
  }
}

}  // namespace
}  // namespace podium
