// SPDX-License-Identifier: Apache-2.0
// Accent and case folding, so that "Zoë", "Łucja" and "Nguyễn" are found by "zoe", "lucja",
// "nguyen".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace podium {

// Replaces accented Latin letters with their ASCII base letters (ß -> ss, æ -> ae, ł -> l, ...);
// everything else, including invalid UTF-8, is copied unchanged.
std::string fold_accents(std::string_view text);

// Lowercases ASCII letters only. Bytes of multi-byte UTF-8 characters are left alone, so the
// result is valid UTF-8 whenever the input is (unlike a locale-aware tolower).
std::string ascii_lower(std::string_view text);

// The words of `text`: runs of ASCII letters and digits and of non-ASCII bytes (so "Zoë" stays
// one word), ASCII-lowercased, in order. Everything else separates words.
std::vector<std::string> plain_words(std::string_view text);

}  // namespace podium
