// SPDX-License-Identifier: Apache-2.0
// Evidence for a result: the talks and bio passages that matched, with the words marked.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "podium/core/records.h"
#include "podium/search/search_types.h"

namespace podium::search {

// Highlighting markers in snippets. Xapian escapes the text and inserts these verbatim.
inline constexpr const char* kMarkStart = "<mark>";
inline constexpr const char* kMarkEnd = "</mark>";

// The best `limit` talks of each speaker of `speaker_ids` matching `query`, best first (BM25,
// equal weights by talk id), found by one match for all of them rather than one per speaker.
// A speaker with no matching talk has no entry. `remote`: `db` has remote shards.
std::map<std::string, std::vector<Xapian::docid>> best_matching_talks(
    const Xapian::Database& db, const Xapian::Query& query,
    const std::vector<std::string>& speaker_ids, std::size_t limit, bool remote);

// Up to `limit` evidence items for `speaker`: the first `limit` of `best_talks` (the speaker's
// best-matching talks, best first: a talk run's voting talks or best_matching_talks()), then
// the bio if it matches. `snippets` is any MSet of an Enquire run with the query (snippets mark
// its terms).
std::vector<Evidence> collect_evidence(const Xapian::Database& db, const Xapian::MSet& snippets,
                                       const Speaker& speaker, std::size_t limit,
                                       const std::vector<Xapian::docid>& best_talks);

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

// Shows stemmed terms in the words of the query: "feder~" becomes "federated~" when the query
// said "federated", so that an explanation reads as the user wrote. A stem no query word gives
// (a synonym's) stays as it is.
class QueryWordStems {
 public:
  explicit QueryWordStems(const std::string& query);
  void respell(std::map<std::string, std::vector<std::string>>& terms_by_field) const;

 private:
  std::map<std::string, std::string> word_of_stem_;
};

}  // namespace podium::search
