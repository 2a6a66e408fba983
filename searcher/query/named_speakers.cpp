// SPDX-License-Identifier: Apache-2.0
#include "named_speakers.h"

#include <set>

#include "podium/core/schema.h"
#include "podium/core/text_fold.h"

#include "content_terms.h"

namespace podium::search {
namespace {

constexpr std::size_t kMinNameWords = 2;
constexpr std::size_t kMinWordBytes = 2;  // "C." (an initial) is not a word of the name

// The folded words of a speaker's name, from the profile's name terms ("XN" + word; the stemmed
// copies start with "Z" and sort after them, so the walk stops before reaching them).
std::set<std::string> name_words(const Xapian::Document& profile) {
  std::set<std::string> words;
  const std::string prefix = schema::kName;
  Xapian::TermIterator it = profile.termlist_begin();
  for (it.skip_to(prefix); it != profile.termlist_end(); ++it) {
    const std::string term = *it;
    if (term.compare(0, prefix.size(), prefix) != 0) break;
    std::string word = fold_accents(term.substr(prefix.size()));
    if (word.size() >= kMinWordBytes) words.insert(std::move(word));
  }
  return words;
}

}  // namespace

std::vector<Xapian::docid> named_speakers(const Xapian::Database& db, const std::string& query,
                                          const Xapian::Query& text, const Xapian::Query& filter,
                                          std::size_t limit) {
  std::set<std::string> words;
  for (const auto& word : indexed_words(query)) words.insert(fold_accents(word));
  std::vector<Xapian::Query> name_terms;
  for (const auto& word : words) {
    if (word.size() >= kMinWordBytes) name_terms.emplace_back(schema::kName + word);
  }
  if (name_terms.size() < kMinNameWords) return {};
  Xapian::Enquire enquire(db);
  // Best coordinate match first (CoordWeight: one per matched term); name terms are rare, so
  // few documents match at all.
  const Xapian::Query must_match[] = {Xapian::Query(schema::kind_term(RecordKind::kSpeaker)),
                                      filter, text};
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER,
      Xapian::Query(Xapian::Query::OP_OR, name_terms.begin(), name_terms.end()),
      Xapian::Query(Xapian::Query::OP_AND, std::begin(must_match), std::end(must_match))));
  enquire.set_weighting_scheme(Xapian::CoordWeight());
  const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit * 10));
  std::vector<Xapian::docid> named;
  for (auto it = matches.begin(); it != matches.end() && named.size() < limit; ++it) {
    // CoordWeight counts matched terms (the plain and folded copies of a word count once each).
    if (it.get_weight() < static_cast<double>(kMinNameWords)) break;
    const std::set<std::string> name = name_words(it.get_document());
    if (name.size() < kMinNameWords) continue;
    bool all_in_query = true;
    for (const auto& word : name) all_in_query = all_in_query && words.contains(word);
    if (all_in_query) named.push_back(*it);
  }
  return named;
}

}  // namespace podium::search
