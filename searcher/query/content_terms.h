// SPDX-License-Identifier: Apache-2.0
// Words of talk and profile content, for relevance feedback: Xapian's expand set returns every
// term of the feedback documents, ids and boolean terms included (RANKING.md §3, "more like
// this"), so each use filters it to plain words that occur in a content field.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

namespace podium::search {

// Accepts a term when it is a plain (unprefixed, unstemmed) word of at least three bytes, not
// all digits, not a stop word, and present in the index as a title, abstract, tag or bio word,
// so names and affiliations (indexed plain too) do not pass unless they are also content.
// `excluded` words never pass (e.g. a speaker's own name, which their bio repeats).
class ContentWordDecider : public Xapian::ExpandDecider {
 public:
  explicit ContentWordDecider(const Xapian::Database& db, std::set<std::string> excluded = {})
      : db_(db), excluded_(std::move(excluded)) {}
  bool operator()(const std::string& term) const override;

 private:
  const Xapian::Database& db_;
  std::set<std::string> excluded_;
};

// The words of `text` as the index has them: lower case, with accents and without.
std::set<std::string> indexed_words(const std::string& text);

// The lower-case topics of a speaker: their own topics and the tags of their talks.
std::set<std::string> speaker_topics(const Xapian::Database& db, Xapian::docid profile,
                                     const std::string& speaker_id);

// The docids of a speaker's talk documents.
std::vector<Xapian::docid> talk_docids(const Xapian::Database& db, const std::string& speaker_id);

// The docid of a speaker's profile document, or 0.
Xapian::docid speaker_docid(const Xapian::Database& db, const std::string& speaker_id);

}  // namespace podium::search
