// SPDX-License-Identifier: Apache-2.0
// Slugs and ids. The expected slugs with hashes were computed with the converter rules the
// corpora document (../shared/corpora/README.md): SHA-1 of the lower-cased, collapsed name.
#include "podium/import/slug.h"

#include <string>

#include <gtest/gtest.h>

#include "podium/core/validate.h"

namespace podium::import {
namespace {

struct SlugCase {
  const char* name;
  const char* slug;
};

TEST(Slug, MatchesTheCorporaSpeakerIds) {
  const SlugCase cases[] = {
      {"Łukasz Langa", "lukasz-langa"},
      {"  Zoë   Lindqvist ", "zoe-lindqvist"},
      {"Nguyễn Thị Mai", "nguyen-thi-mai"},
      {"MÜLLER, Jörg", "muller-jorg"},
      {"dj-anne_marie (Kiel)", "dj-anne-marie-kiel"},
      {"Seán O\u2019Brien", "sean-o-brien"},  // a typographic apostrophe needs no hash
      {"Zoe\u0308 Example", "zoe-example"},   // decomposed accent
      {"Pau Rul\u0140lan Ferragut", "pau-rull-lan-ferragut"},
      {"\u674e\u6cd3\u65fb Andrew", "andrew-3d30471e"},  // CJK does not fold: hash appended
      {"\u0410\u043d\u0434\u0440\u0435\u0439 Smith", "smith-85dd2299"},
      {"\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432", "u-a104f330fe"},
      {"\u0395\u03bb\u03ad\u03bd\u03b7 \u03a0\u03b1\u03c0\u03b1\u03b4\u03bf\u03c0\u03bf\u03cd"
       "\u03bb\u03bf\u03c5",
       "u-f4a63c01b8"},
  };
  for (const auto& c : cases) EXPECT_EQ(slug(c.name), c.slug) << c.name;
}

TEST(Slug, CaseAndSpacingVariantsMeet) {
  EXPECT_EQ(slug("Ada Lovelace"), slug("ada  LOVELACE"));
  EXPECT_EQ(slug("Ada Lovelace"), slug("Ada\tLovelace\n"));
}

TEST(Slug, EmptyOrBlankNameGivesEmptySlug) {
  EXPECT_EQ(slug(""), "");
  EXPECT_EQ(slug(" \t "), "");
}

TEST(Slug, IsAlwaysAValidId) {
  for (const char* name : {"Łukasz Langa", "\u674e\u6cd3\u65fb", "!!!", "a"}) {
    EXPECT_TRUE(is_valid_id(slug(name))) << name << " -> " << slug(name);
  }
}

TEST(MakeId, JoinsPartsWithColonsAndReplacesOtherCharacters) {
  EXPECT_EQ(make_id({"frab", "camp2019", "10386"}), "frab:camp2019:10386");
  EXPECT_EQ(make_id({"frab", "Camp 2019/Berlin", "7"}), "frab:Camp-2019-Berlin:7");
  EXPECT_EQ(make_id({"pretalx", "a:b"}), "pretalx:a-b");
}

TEST(MakeId, CutsLongIdsAndKeepsThemApart) {
  const std::string long_a(200, 'a');
  const std::string long_b = std::string(199, 'a') + "b";
  const std::string a = make_id({"pyvideo", long_a});
  const std::string b = make_id({"pyvideo", long_b});
  EXPECT_EQ(a.size(), 128u);
  EXPECT_TRUE(is_valid_id(a));
  EXPECT_NE(a, b);
  EXPECT_EQ(a, make_id({"pyvideo", long_a}));
}

}  // namespace
}  // namespace podium::import
