// SPDX-License-Identifier: Apache-2.0
// Tags that say how a talk was given, not what it was about.
#pragma once

#include <string_view>

namespace podium {

// Whether `tag` names a session format or a part of an event ("Workshop", "Lightning talks",
// "Keynote", "Tutorial", "Q&A", "Poster") rather than a topic; case, spaces and punctuation
// are ignored. Such tags are left out where Podium lists a talk's topics for an organizer (a
// lineup's subtopics) or builds topic queries from tags (podium-eval's held-out topics).
bool is_format_tag(std::string_view tag);

}  // namespace podium
