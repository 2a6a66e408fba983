// SPDX-License-Identifier: Apache-2.0
// UTF-8 encoding of code points, for importers that build text from character references
// (XML's &#233;) or rewrite names character by character (slugs).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace podium::import {

// Decodes UTF-8; a byte that does not start a valid sequence becomes U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view text);

// Appends the UTF-8 encoding of `cp` (1 to 4 bytes).
void append_utf8(std::string& out, char32_t cp);

}  // namespace podium::import
