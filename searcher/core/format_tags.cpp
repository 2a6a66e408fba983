// SPDX-License-Identifier: Apache-2.0
#include "podium/core/format_tags.h"

#include <algorithm>
#include <array>
#include <string>

namespace podium {

bool is_format_tag(std::string_view tag) {
  // Compared as lower-case letters and digits only: "Lightning Talks" -> "lightningtalks".
  static constexpr std::array<std::string_view, 24> kFormatKeys = {
      "talk",    "talks",     "keynote",       "keynotes",       "tutorial", "tutorials",
      "panel",   "workshop",  "lightningtalk", "lightningtalks", "video",    "conference",
      "sprint",  "sprints",   "opening",       "closing",        "session",  "plenary",
      "lecture", "interview", "poster",        "webinar",        "meetup",   "qa"};
  std::string key;
  for (char c : tag) {
    if (c >= 'A' && c <= 'Z') {
      key += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key += c;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return false;  // no format word has a non-ASCII letter
    }
  }
  return std::find(kFormatKeys.begin(), kFormatKeys.end(), key) != kFormatKeys.end();
}

}  // namespace podium
