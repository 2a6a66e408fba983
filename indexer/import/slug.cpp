// SPDX-License-Identifier: Apache-2.0
// Name slugs and source-derived ids. The slug rules reproduce the converter that built
// ../shared/corpora (checked against all 12,834 pyvideo speaker ids), so that importing pyvideo
// or using --merge-by-name yields the same speaker ids as the corpora.
#include "podium/import/slug.h"

#include <string>
#include <vector>

#include "podium/core/text_fold.h"
#include "podium/core/utf8.h"

#include "sha1.h"

namespace podium::import {
namespace {

// What Python's str.split() splits on (Unicode White_Space), since the corpora collapse with it.
bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Whether a non-ASCII code point counts as a letter or digit (Python's isalnum). Only the common
// punctuation and symbol blocks are told apart: the answer matters only for names whose sole
// non-ASCII characters are such marks ("O’Brien", "Anne • Marie"), which then need no hash.
bool is_non_ascii_alnum(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xBF) {
    return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA ||
           (cp >= 0xBC && cp <= 0xBE);
  }
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;
  if ((cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) || cp == 0x3030 ||
      cp == 0x303D || cp == 0x30FB) {
    return false;
  }
  if (cp >= 0xFE00 && cp <= 0xFE6F) return false;
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)) {
    return false;
  }
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;    // specials, U+FFFD for bad bytes
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  if (cp >= 0xE0000) return false;                   // tags, private use
  return true;
}

// Simple lower-casing (Unicode single-character mappings) for the scripts names are written in:
// Latin, Greek, Cyrillic, Armenian and full-width Latin. Only the hash input needs it; letters of
// caseless scripts are their own lower case.
char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x0100 && cp <= 0x017F) {
    if (cp == 0x0130 || cp == 0x0138 || cp == 0x0149 || cp == 0x017F) return cp;
    if (cp == 0x0178) return 0xFF;
    const bool odd_upper = (cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E);
    if (odd_upper) return (cp % 2 == 1) ? cp + 1 : cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp == 0x0386) return 0x03AC;
  if (cp >= 0x0388 && cp <= 0x038A) return cp + 37;
  if (cp == 0x038C) return 0x03CC;
  if (cp == 0x038E || cp == 0x038F) return cp + 63;
  if ((cp >= 0x0391 && cp <= 0x03A1) || (cp >= 0x03A3 && cp <= 0x03AB)) return cp + 32;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 80;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 32;
  if ((cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
      (cp >= 0x04D0 && cp <= 0x052F)) {
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp == 0x04C0) return 0x04CF;
  if (cp >= 0x04C1 && cp <= 0x04CE) return (cp % 2 == 1) ? cp + 1 : cp;
  if (cp >= 0x0531 && cp <= 0x0556) return cp + 48;
  if (cp >= 0x1E00 && cp <= 0x1EFF && !(cp >= 0x1E96 && cp <= 0x1E9F)) {
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 32;
  return cp;
}

bool is_ascii_alnum(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

}  // namespace

std::string slug(std::string_view name) {
  std::string collapsed;
  std::string lowered;
  bool pending_space = false;
  for (char32_t cp : decode_utf8(name)) {
    if (is_space(cp)) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) {
      collapsed.push_back(' ');
      lowered.push_back(' ');
      pending_space = false;
    }
    append_utf8(collapsed, cp);
    append_utf8(lowered, to_lower(cp));
  }
  if (collapsed.empty()) return {};

  // Unicode decomposes the Catalan "l·l" letters (U+013F, U+0140) to "l" plus a middle dot,
  // which the corpora's slugs turn into a '-' ("Rul·lan" -> "rul-lan"); fold_accents drops the
  // dot, so put it back first.
  std::string decomposed;
  for (char32_t cp : decode_utf8(collapsed)) {
    if (cp == 0x013F || cp == 0x0140) {
      decomposed.push_back(cp == 0x013F ? 'L' : 'l');
      append_utf8(decomposed, 0x00B7);
    } else {
      append_utf8(decomposed, cp);
    }
  }
  std::string out;
  bool separator = false;
  bool unfolded_letters = false;
  for (char32_t cp : decode_utf8(fold_accents(decomposed))) {
    if (is_ascii_alnum(cp)) {
      if (separator && !out.empty()) out.push_back('-');
      separator = false;
      out.push_back(static_cast<char>(to_lower(cp)));
    } else if (is_combining_mark(cp)) {
      // A decomposed accent: the base letter already went in, the mark itself is dropped.
    } else {
      if (cp >= 0x80 && is_non_ascii_alnum(cp)) unfolded_letters = true;
      separator = true;
    }
  }
  if (out.empty()) return "u-" + sha1_hex(lowered).substr(0, 10);
  if (unfolded_letters) out += "-" + sha1_hex(lowered).substr(0, 8);
  return out;
}

std::string make_id(std::initializer_list<std::string_view> parts) {
  std::string id;
  bool first = true;
  for (std::string_view part : parts) {
    if (!first) id.push_back(':');
    first = false;
    for (char c : part) {
      const bool allowed =
          is_ascii_alnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
      id.push_back(allowed ? c : '-');
    }
  }
  constexpr std::size_t kMaxId = 128;
  if (id.size() > kMaxId) id = id.substr(0, kMaxId - 9) + "-" + sha1_hex(id).substr(0, 8);
  return id;
}

}  // namespace podium::import
