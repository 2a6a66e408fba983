// SPDX-License-Identifier: Apache-2.0
// The UTF-8 decoder that validation, accent folding and the importers share.
#include "podium/core/utf8.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "podium/core/text_fold.h"
#include "podium/core/validate.h"

namespace podium {
namespace {

TEST(Utf8, DecodesOneToFourByteCharacters) {
  const std::string text = "a\xc3\xab\xe2\x82\xac\xf0\x9f\x8e\xa4";  // a ë € 🎤
  const std::vector<std::pair<char32_t, std::size_t>> expected = {
      {U'a', 1}, {0xEB, 2}, {0x20AC, 3}, {0x1F3A4, 4}};
  std::size_t pos = 0;
  for (const auto& [code_point, length] : expected) {
    const Utf8Char c = utf8_char_at(text, pos);
    EXPECT_TRUE(c.valid) << "at byte " << pos;
    EXPECT_EQ(c.code_point, code_point);
    EXPECT_EQ(c.length, length);
    pos += c.length;
  }
  EXPECT_EQ(pos, text.size());
}

TEST(Utf8, RejectsWhatIsNotUtf8WithLengthOne) {
  const char* const invalid[] = {
      "\x80",      // stray continuation byte
      "\xc3",      // truncated
      "\xe2\x82",  // truncated
      "\xc3"
      "A",                 // lead byte without its continuation
      "\xc0\x80",          // overlong NUL
      "\xe0\x80\xaf",      // overlong '/'
      "\xed\xa0\x80",      // surrogate U+D800
      "\xf4\x90\x80\x80",  // past U+10FFFF
      "\xff",
  };
  for (const std::string bytes : invalid) {
    const Utf8Char c = utf8_char_at(bytes, 0);
    EXPECT_FALSE(c.valid) << testing::PrintToString(bytes);
    EXPECT_EQ(c.length, 1u) << testing::PrintToString(bytes);
    EXPECT_FALSE(is_valid_utf8(bytes)) << testing::PrintToString(bytes);
  }
}

TEST(Utf8, DecodeReplacesEachInvalidByte) {
  EXPECT_EQ(decode_utf8("a\xc0\x80z"), (std::vector<char32_t>{U'a', 0xFFFD, 0xFFFD, U'z'}));
  EXPECT_EQ(decode_utf8("Zo\xc3\xab"), (std::vector<char32_t>{U'Z', U'o', 0xEB}));
}

TEST(Utf8, AppendIsTheInverseOfDecode) {
  for (char32_t cp : {char32_t{0x24}, char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF},
                      char32_t{0x800}, char32_t{0xFFFD}, char32_t{0x10000}, char32_t{0x10FFFF}}) {
    std::string bytes;
    append_utf8(bytes, cp);
    EXPECT_EQ(decode_utf8(bytes), std::vector<char32_t>{cp})
        << std::hex << static_cast<unsigned>(cp);
  }
}

TEST(Utf8, FoldingKeepsInvalidBytesAsTheyAre) {
  // A lead byte followed by an ASCII letter is not "Á": the letter stays.
  EXPECT_EQ(fold_accents("\xc3"
                         "A b"),
            "\xc3"
            "A b");
  EXPECT_EQ(fold_accents("Zo\xc3\xab \xc3"), "Zoe \xc3");
}

}  // namespace
}  // namespace podium
