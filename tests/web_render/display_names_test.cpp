// SPDX-License-Identifier: Apache-2.0
// Names for the codes the index stores: organizers read "Georgia", not "GE".
#include "display_names.h"

#include <string>

#include <gtest/gtest.h>

namespace podium::http::web {
namespace {

TEST(CountryName, EveryIsoCountryHasAnEverydayName) {
  int named = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const std::string code{a, b};
      if (country_name(code) != code) ++named;
    }
  }
  EXPECT_EQ(named, 249);  // the ISO 3166-1 alpha-2 codes in use
  EXPECT_EQ(country_name("GE"), "Georgia");
  EXPECT_EQ(country_name("KR"), "South Korea");
  EXPECT_EQ(country_name("CD"), "Democratic Republic of the Congo");
  EXPECT_EQ(country_name("ZZ"), "ZZ");  // unknown codes are shown as they are
}

TEST(LanguageName, EveryTwoLetterIsoLanguageHasAName) {
  int named = 0;
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; ++b) {
      const std::string code{a, b};
      if (language_name(code) != code) ++named;
    }
  }
  EXPECT_EQ(named, 184);  // the ISO 639-1 codes
  EXPECT_EQ(language_name("ka"), "Georgian");
  EXPECT_EQ(language_name("es"), "Spanish");
  EXPECT_EQ(language_name("pt-BR"), "Portuguese (Brazil)");
  EXPECT_EQ(language_name("fil"), "Filipino");
  EXPECT_EQ(language_name("xx"), "xx");
}

}  // namespace
}  // namespace podium::http::web
