// SPDX-License-Identifier: Apache-2.0
// Accent and case folding: what names, tags, languages and filter values are compared by.
#include "podium/core/text_fold.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(FoldAccents, ReplacesAccentedLatinLettersWithTheirBaseLetters) {
  EXPECT_EQ(fold_accents("Zoë Łucja Nguyễn"), "Zoe Lucja Nguyen");
  EXPECT_EQ(fold_accents("Straße Æsir"), "Strasse AEsir");
}

TEST(FoldAccents, CopiesEverythingElseUnchanged) {
  EXPECT_EQ(fold_accents("Tōkyō 東京"), "Tokyo 東京");
  const std::string invalid = "a\xC3";  // a lead byte with nothing after it
  EXPECT_EQ(fold_accents(invalid), invalid);
}

TEST(AsciiLower, LowersAsciiLettersAndNothingElse) {
  EXPECT_EQ(ascii_lower("PyData NYC 2024"), "pydata nyc 2024");
  EXPECT_EQ(ascii_lower("pt-BR"), "pt-br");
  // "Ä" (C3 84) and "Σ" (CE A3) stay as they are: no byte of a multi-byte character changes.
  EXPECT_EQ(ascii_lower("\xC3\x84PFEL \xCE\xA3"), "\xC3\x84pfel \xCE\xA3");
  EXPECT_EQ(ascii_lower(""), "");
}

TEST(PlainWords, SplitsOnEverythingButLettersDigitsAndNonAsciiBytes) {
  using Words = std::vector<std::string>;
  EXPECT_EQ(plain_words("Feature Stores: 2024's MLOps!"),
            (Words{"feature", "stores", "2024", "s", "mlops"}));
  EXPECT_EQ(plain_words("Zo\xC3\xAB on-device"), (Words{"zo\xC3\xAB", "on", "device"}));
  EXPECT_EQ(plain_words(" -- "), Words{});
}

}  // namespace
}  // namespace podium
