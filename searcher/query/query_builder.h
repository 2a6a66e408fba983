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

// A query matching every document. Never Xapian::Query::MatchAll: that is one static object,
// and Xapian's reference counts are not atomic, so copying it from several request threads at
// once corrupts it (a crash in Enquire::set_query under concurrent searches). This builds the
// same query (the empty term) afresh.
Xapian::Query match_all();

// The AND over fields of the OR over each field's values; match_all() when empty.
// kInvalidArgument naming the field when it is not a speaker filter.
Result<Xapian::Query> speaker_filter_query(const Filters& filters);

// `scored` restricted to the documents matching the boolean `filter`, with `scored`'s weights.
// Use it, not OP_FILTER, whenever `scored` comes from user text: in Xapian 1.4 a filter that
// drives the match (skip_to on the text) mis-weights documents when the text ORs a phrase with
// other words ("day-to-day coding in Django" parses to one), by adding weight for words a
// document does not hold, and differently on one database and on its shards. Text with a phrase
// is therefore restricted by AND_NOT of the filter's complement, which lets the text drive.
Xapian::Query filtered_query(const Xapian::Query& scored, const Xapian::Query& filter);

// Whether `word` (lower case) is one of the common English words queries leave out.
bool is_stop_word(const std::string& word);

// The English stemmer used on both sides of the index.
const Xapian::Stem& english_stemmer();

}  // namespace podium::search
