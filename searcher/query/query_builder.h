// SPDX-License-Identifier: Apache-2.0
// From user text and filters to Xapian queries: the query language of docs/api.md.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "podium/core/status.h"
#include "podium/search/search_types.h"

namespace podium::search {

struct ParsedQuery {
  Xapian::Query query;       // empty (Query()) when the text had no searchable words
  std::string did_you_mean;  // a spelling correction, or empty
};

// Parses the user's query: free words (OR; documents matching all rank first through BM25),
// "phrases", AND/OR/NOT, +/-, field prefixes (topic:, name:, title:, bio:, headline:, event:,
// abstract:) and filter prefixes (lang:, country:, city:, format:, community:, year:, remote:).
// Accents are folded. kInvalidArgument with the parser's message when it cannot parse.
// `drop_stop_words`: leave out common English words ("the", "of", "with") outside phrases;
// the baseline ranking parses without it, as plain Xapian would.
Result<ParsedQuery> parse_user_query(const Xapian::Database& db, const std::string& text,
                                     bool drop_stop_words = true);

// The AND over fields of the OR over each field's values; Query::MatchAll when empty.
// kInvalidArgument naming the field when it is not a speaker filter.
Result<Xapian::Query> speaker_filter_query(const Filters& filters);

// Whether `word` (lower case) is one of the common English words queries leave out.
bool is_stop_word(const std::string& word);

// The English stemmer used on both sides of the index.
const Xapian::Stem& english_stemmer();

}  // namespace podium::search
