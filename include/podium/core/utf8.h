// SPDX-License-Identifier: Apache-2.0
// UTF-8: the one decoder behind validation, accent folding and the importers' character work,
// so they agree on what a character is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes; 1 for an invalid sequence, so a caller can skip one byte
  bool valid = false;
};

// The character that starts at text[pos] (pos < text.size()). Strict: a stray continuation
// byte, a truncated sequence, an overlong form, a surrogate or a value past U+10FFFF is invalid.
Utf8Char utf8_char_at(std::string_view text, std::size_t pos);

// Decodes UTF-8; each byte that does not start a valid character becomes U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

// Appends the UTF-8 encoding of `cp` (1 to 4 bytes).
void append_utf8(std::string& out, char32_t cp);

}  // namespace podium
