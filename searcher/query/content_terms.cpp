// SPDX-License-Identifier: Apache-2.0
// Content words and topics of speakers, read from the index.
#include "content_terms.h"

#include <algorithm>
#include <cctype>

#include "podium/core/facet_values.h"
#include "podium/core/schema.h"
#include "podium/core/text_fold.h"

#include "query_builder.h"

namespace podium::search {
namespace {

// The terms of `doc` with `prefix`, without it.
void add_prefixed_terms(const Xapian::Document& doc, const std::string& prefix,
                        std::set<std::string>& out) {
  Xapian::TermIterator it = doc.termlist_begin();
  for (it.skip_to(prefix); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (term.compare(0, prefix.size(), prefix) != 0) break;
    out.insert(term.substr(prefix.size()));
  }
}

}  // namespace

bool ContentWordDecider::operator()(const std::string& term) const {
  if (term.size() < 3) return false;
  const auto first = static_cast<unsigned char>(term[0]);
  // Prefixed and stemmed ("Z...") terms start with a capital letter.
  if (!(std::islower(first) || first >= 0x80)) return false;
  if (std::all_of(term.begin(), term.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return false;
  }
  if (is_stop_word(term) || excluded_.count(term)) return false;
  for (const char* prefix : {schema::kTitle, schema::kAbstract, schema::kTags, schema::kBio}) {
    if (db_.term_exists(prefix + term)) return true;
  }
  return false;
}

std::set<std::string> indexed_words(const std::string& text) {
  Xapian::Document scratch;
  Xapian::TermGenerator generator;
  generator.set_document(scratch);
  generator.index_text_without_positions(text);
  generator.index_text_without_positions(fold_accents(text));
  return std::set<std::string>(scratch.termlist_begin(), scratch.termlist_end());
}

std::set<std::string> speaker_topics(const Xapian::Database& db, Xapian::docid profile,
                                     const std::string& speaker_id) {
  std::set<std::string> topics;
  if (profile != 0) {
    // A profile's topic facets are its own topics and every tag of its talks, lower-cased
    // (DocumentBuilder): the topic filter terms of the profile and its talks, from one value.
    // The profile's term list would hold them too, but a term list is read from its start,
    // and a profile's holds every word of every talk: reading it was 40 % of a lineup.
    for_each_facet(db.get_document(profile).get_value(schema::kSlotFacets),
                   [&](std::string_view field, std::string_view value) {
                     if (field == "topic") topics.emplace(value);
                   });
    return topics;
  }
  // Filter terms are lower-cased when indexed (schema::filter_term).
  const std::string prefix = schema::kFilterTopic;
  for (Xapian::docid talk : talk_docids(db, speaker_id)) {
    add_prefixed_terms(db.get_document(talk), prefix, topics);
  }
  return topics;
}

std::vector<Xapian::docid> talk_docids(const Xapian::Database& db, const std::string& speaker_id) {
  std::vector<Xapian::docid> out;
  const std::string term = schema::speaker_term(speaker_id);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.push_back(*it);
  return out;
}

Xapian::docid speaker_docid(const Xapian::Database& db, const std::string& speaker_id) {
  const std::string term = schema::unique_term(RecordKind::kSpeaker, speaker_id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  return it == db.postlist_end(term) ? 0 : *it;
}

}  // namespace podium::search
