// SPDX-License-Identifier: Apache-2.0
// Evidence for a result: the talks and bio passages that matched, with the words marked.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "podium/core/records.h"
#include "podium/search/search_types.h"

namespace podium::search {

// Highlighting markers in snippets. Xapian escapes the text and inserts these verbatim.
inline constexpr const char* kMarkStart = "<mark>";
inline constexpr const char* kMarkEnd = "</mark>";

// Up to `limit` evidence items for `speaker`: its best-matching talks for `query`, then the bio
// if it matches. `snippets` is any MSet of an Enquire run with `query` (snippets use its terms).
// `best_talks`: the speaker's best-matching talks, best first, when a talk run already found at
// least `limit` of them (its voting talks); otherwise they are looked up with `query`. Equal
// weights go by talk id either way. `remote`: `db` has remote shards (fetch documents at once).
std::vector<Evidence> collect_evidence(Xapian::Database& db, const Xapian::Query& query,
                                       const Xapian::MSet& snippets, const Speaker& speaker,
                                       std::size_t limit,
                                       const std::vector<Xapian::docid>& best_talks = {},
                                       bool remote = false);

// A moment of a video as shown to people: "12:41" under an hour, else "1:02:03".
std::string format_time(double seconds);

// `url` at `seconds` where the host supports it (YouTube watch and youtu.be links, Vimeo); empty
// otherwise.
std::string video_url_at(const std::string& url, double seconds);

// The words inside <mark>...</mark> of a snippet, lower-cased, each once.
std::vector<std::string> marked_words(const std::string& snippet);

// Matching terms of one MSet item, grouped by field name ("title", "abstract", "tags", "bio",
// "headline", "name", "text"); stemmed terms are shown without the Z marker.
std::map<std::string, std::vector<std::string>> matched_terms_by_field(
    const Xapian::Enquire& enquire, const Xapian::MSetIterator& item);

}  // namespace podium::search
