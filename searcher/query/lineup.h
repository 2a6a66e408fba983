// SPDX-License-Identifier: Apache-2.0
// Lineup recommendation: speakers who together cover an event's subtopics.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "podium/core/status.h"
#include "podium/search/recommend.h"

namespace podium::search {

class Synonyms;

// REQUIRES: request.size, request.communities and request.coverage_lambda within their limits
// (checked by Index). kInvalidArgument naming "event" when the text has no word to match on.
// `remote`: `db` has remote shards. May throw Xapian::Error.
Result<LineupResponse> recommend_lineup(Xapian::Database& db, const LineupRequest& request,
                                        const Synonyms& synonyms, bool remote);

// The words of an event text worth searching for: lower case, no stop words or event
// boilerplate ("speakers", "submit", ...), no repeats, only words the index has, the rarest
// (highest idf x frequency in the text) first, at most `limit`.
std::vector<std::string> event_words(const Xapian::Database& db, const std::string& text,
                                     std::size_t limit);

}  // namespace podium::search
