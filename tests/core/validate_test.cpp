// SPDX-License-Identifier: Apache-2.0
// Tests of the value-form checks: ids, dates, BCP-47 tags, country codes, URLs and UTF-8.
#include "podium/core/validate.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace podium {
namespace {

struct Case {
  std::string_view input;
  bool valid;
};

// `input` as it shows in a failure message: bytes outside printable ASCII as \xNN.
std::string printable(std::string_view input) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : input) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      out += c;
    } else {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  return out;
}

TEST(Validate, Ids) {
  const std::string max_id(128, 'a');
  const std::string too_long_id(129, 'a');
  const Case cases[] = {
      {"ada", true},          {"ada-lovelace", true},
      {"A.b_c:d-9", true},    {"0", true},
      {max_id, true},         {"", false},
      {too_long_id, false},   {"has space", false},
      {"slash/id", false},    {"hash#id", false},
      {"caf\xc3\xa9", false},  // non-ASCII letters are not in the id alphabet
      {"tab\tid", false},     {std::string_view("nul\0id", 6), false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_id(c.input), c.valid) << "id '" << printable(c.input) << "'";
  }
}

TEST(Validate, Dates) {
  const Case cases[] = {
      {"2024-02-29", true},  // leap year
      {"2000-02-29", true},  // divisible by 400: leap
      {"2023-02-28", true},        {"2023-12-31", true},  {"1900-01-01", true},
      {"2023-04-30", true},        {"2023-02-29", false},  // not a leap year
      {"1900-02-29", false},                               // divisible by 100, not by 400: not leap
      {"2100-02-29", false},       {"2023-04-31", false},  // April has 30 days
      {"2023-13-01", false},       {"2023-00-10", false}, {"2023-01-00", false},
      {"2023-01-32", false},       {"1899-12-31", false},  // before the earliest year accepted
      {"2023-1-01", false},        {"2023/01/01", false}, {"20230101", false},
      {"2023-01-01T00:00", false}, {"", false},           {"abcd-ef-gh", false},
      {" 2023-01-01", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_date(c.input), c.valid) << "date '" << c.input << "'";
  }
}

TEST(Validate, LanguageTags) {
  const std::string longest = "en-" + std::string(8, 'a') + "-" + std::string(8, 'b') + "-" +
                              std::string(8, 'c') + "-abcde";  // 35 bytes
  const std::string too_long = longest + "g";                  // 36 bytes
  ASSERT_EQ(longest.size(), 35u);
  const Case cases[] = {
      {"en", true},         {"de", true},
      {"yue", true},        {"en-GB", true},
      {"zh-Hant-TW", true}, {"es-419", true},
      {"sr-Latn", true},    {longest, true},
      {"", false},          {"e", false},
      {"english", false},  // the language subtag is 2-3 letters
      {"en_GB", false},     {"en-", false},
      {"-en", false},       {"en--GB", false},
      {"12", false},        {"en-abcdefghi", false},  // subtags are at most 8 characters
      {"en-G B", false},    {too_long, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_language_tag(c.input), c.valid) << "tag '" << c.input << "'";
  }
}

TEST(Validate, CountryCodes) {
  const Case cases[] = {
      {"DE", true},  {"US", true},  {"GB", true},  {"NG", true},   {"AD", true}, {"ZW", true},
      {"KE", true},  {"de", false}, {"De", false}, {"UK", false},  // UK is not ISO 3166-1
      {"XX", false}, {"EU", false}, {"D", false},  {"DEU", false}, {"", false},  {"D1", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_country_code(c.input), c.valid) << "country '" << c.input << "'";
  }
}

TEST(Validate, Urls) {
  const std::string longest = "https://example.org/" + std::string(2048 - 20, 'a');
  const std::string too_long = longest + "a";
  const Case cases[] = {
      {"https://example.org", true},
      {"http://example.org/", true},
      {"https://example.org/path?q=1#frag", true},
      {"https://user@example.org:8443/x", true},
      {"https://ex.org/caf%C3%A9", true},
      {longest, true},
      {"", false},
      {"example.org", false},
      {"ftp://example.org", false},
      {"javascript:alert(1)", false},
      {"HTTPS://example.org", false},
      {"https://", false},
      {"https:///path", false},
      {"https://?q", false},
      {"https://#x", false},
      {"https://exa mple.org", false},
      {"https://example.org/\"quoted\"", false},
      {"https://example.org/<script>", false},
      {"https://example.org/\x7f", false},
      {"https://example.org/\n", false},
      {too_long, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_url(c.input), c.valid) << "url '" << printable(c.input) << "'";
  }
}

TEST(Validate, Utf8) {
  const Case cases[] = {
      {"", true},
      {"plain ascii", true},
      {"Zo\xc3\xab", true},        // U+00EB
      {"\xe2\x82\xac", true},      // U+20AC, 3 bytes
      {"\xf0\x9f\x8e\xa4", true},  // U+1F3A4, 4 bytes
      {"\xef\xbf\xbf", true},      // U+FFFF
      {"\xf4\x8f\xbf\xbf", true},  // U+10FFFF, the last code point
      {"\xed\x9f\xbf", true},      // U+D7FF, just below the surrogates
      {"\xee\x80\x80", true},      // U+E000, just above them
      {"\x80", false},             // a lone continuation byte
      {"\xbf", false},
      {"\xc3", false},                      // truncated 2-byte form
      {"abc\xe2\x82", false},               // truncated 3-byte form at the end
      {"\xf0\x9f\x8e", false},              // truncated 4-byte form
      {"\xe2\x82x", false},                 // continuation byte missing mid-text
      {"\xc3\x28", false},                  // invalid second byte
      {"\xc0\x80", false},                  // overlong NUL
      {"\xc1\xbf", false},                  // overlong 2-byte
      {"\xe0\x80\xaf", false},              // overlong '/' in 3 bytes
      {"\xe0\x9f\xbf", false},              // overlong U+07FF
      {"\xf0\x80\x80\xaf", false},          // overlong '/' in 4 bytes
      {"\xf0\x8f\xbf\xbf", false},          // overlong U+FFFF
      {"\xed\xa0\x80", false},              // U+D800, a surrogate
      {"\xed\xbf\xbf", false},              // U+DFFF, a surrogate
      {"\xed\xa0\xbd\xed\xb2\xa9", false},  // CESU-8 surrogate pair
      {"\xf4\x90\x80\x80", false},          // U+110000, past the last code point
      {"\xf5\x80\x80\x80", false},
      {"\xf8\x88\x80\x80\x80", false},  // 5-byte form
      {"\xfe", false},
      {"\xff", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_utf8(c.input), c.valid) << "bytes '" << printable(c.input) << "'";
  }
}

TEST(Validate, Utf8LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("Zo\xc3\xab"), 3u);
  EXPECT_EQ(utf8_length("\xe2\x82\xac\xf0\x9f\x8e\xa4"), 2u);
  EXPECT_EQ(utf8_length("Ch\xc3\xa9n W\xc4\x9bi"), 8u);
}

}  // namespace
}  // namespace podium
