// SPDX-License-Identifier: Apache-2.0
// Checks of the value forms the ingest format uses: ids, dates, language and country codes, URLs.
#pragma once

#include <cstddef>
#include <string_view>

namespace podium {

// `[A-Za-z0-9._:-]{1,128}`.
bool is_valid_id(std::string_view id);
// A real calendar date written `YYYY-MM-DD`.
bool is_valid_date(std::string_view date);
// A BCP-47 tag of the common form: a 2-3 letter language, then subtags of 1-8 letters/digits.
bool is_valid_language_tag(std::string_view tag);
// An assigned ISO 3166-1 alpha-2 code, upper case.
bool is_valid_country_code(std::string_view code);
// An absolute http(s) URL with a host and no white space, at most 2048 bytes.
bool is_valid_url(std::string_view url);
// Well-formed UTF-8.
bool is_valid_utf8(std::string_view text);
// Number of Unicode code points in valid UTF-8 `text`.
std::size_t utf8_length(std::string_view text);

}  // namespace podium
