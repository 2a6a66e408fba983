// SPDX-License-Identifier: Apache-2.0
// Record -> Xapian document. Every term prefix and slot used here is declared in schema.h.
#include "podium/ingest/document_builder.h"

#include <algorithm>
#include <functional>
#include <set>

#include "podium/core/facet_values.h"
#include "podium/core/record_json.h"
#include "podium/core/schema.h"
#include "podium/core/text_fold.h"

namespace podium::ingest {
namespace {

std::string join(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

DocumentBuilder::DocumentBuilder(Xapian::WritableDatabase* spelling_db)
    : spelling_db_(spelling_db) {
  generator_.set_stemmer(Xapian::Stem("english"));
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (spelling_db_ != nullptr) generator_.set_database(*spelling_db_);
}

void DocumentBuilder::index_field(const std::string& text, const char* prefix, bool spelling) {
  if (text.empty()) return;
  // Each field is indexed twice: with its prefix (for field weights and `title:` queries) and
  // without (for plain queries). A position gap keeps phrases from spanning two fields.
  generator_.index_text(text, 1, prefix);
  // Xapian records spelling data only for unprefixed terms.
  generator_.set_flags(spelling && spelling_db_ != nullptr ? Xapian::TermGenerator::FLAG_SPELLING
                                                           : 0);
  generator_.index_text(text);
  generator_.set_flags(0);
  // Queries are accent-folded (query_builder.cpp); index a folded copy of text that has accents
  // so "Zoë" is found by "zoe" while snippets still show the original.
  if (const std::string folded = fold_accents(text); folded != text) {
    generator_.increase_termpos(100);
    generator_.index_text(folded, 1, prefix);
    generator_.index_text(folded);
  }
  generator_.increase_termpos(100);
}

void DocumentBuilder::index_transcript(const std::vector<TranscriptCue>& cues) {
  // Like index_field(), but the prefixed copy has no positions (transcript: phrases are for the
  // plain copy) and nothing feeds the spelling table: spoken text is too noisy for suggestions.
  for (const auto& cue : cues) {
    generator_.index_text_without_positions(cue.text, 1, schema::kTranscript);
    generator_.index_text(cue.text);
    if (const std::string folded = fold_accents(cue.text); folded != cue.text) {
      generator_.increase_termpos(100);
      generator_.index_text_without_positions(folded, 1, schema::kTranscript);
      generator_.index_text(folded);
    }
    generator_.increase_termpos(100);
  }
}

Xapian::Document DocumentBuilder::talk(const Talk& t) {
  Xapian::Document doc;
  generator_.set_document(doc);
  index_field(t.title, schema::kTitle, true);
  index_field(t.abstract, schema::kAbstract, true);
  for (const auto& tag : t.tags) index_field(tag, schema::kTags, true);
  if (!t.event.empty()) generator_.index_text(t.event, 1, schema::kEvent);
  // The transcript goes on the talk document only; speaker() leaves it out of the profile.
  index_transcript(t.transcript);

  doc.add_boolean_term(schema::unique_term(RecordKind::kTalk, t.id));
  doc.add_boolean_term(schema::kind_term(RecordKind::kTalk));
  for (const auto& speaker : t.speakers) doc.add_boolean_term(schema::speaker_term(speaker));
  if (!t.language.empty()) {
    doc.add_boolean_term(schema::filter_term(schema::kFilterLanguage, t.language));
  }
  for (const auto& tag : t.tags)
    doc.add_boolean_term(schema::filter_term(schema::kFilterTopic, tag));
  if (!t.date.empty()) {
    doc.add_boolean_term(schema::filter_term(schema::kFilterYear, t.date.substr(0, 4)));
  }
  doc.add_value(schema::kSlotId, t.id);
  doc.add_value(schema::kSlotSpeakers, join(t.speakers, '\n'));
  if (!t.date.empty()) doc.add_value(schema::kSlotDate, t.date);
  // The diversity re-ranker reads the tags of up to 300 talks per search: from this slot, not
  // by parsing each talk's data.
  doc.add_value(schema::kSlotTags, nlohmann::json(t.tags).dump());
  doc.set_data(to_json(t).dump());
  return doc;
}

Xapian::Document DocumentBuilder::speaker(const Speaker& s, const std::vector<Talk>& talks) {
  Xapian::Document doc;
  generator_.set_document(doc);
  index_field(s.name, schema::kName);
  index_field(s.headline, schema::kHeadline);
  index_field(s.affiliation, schema::kHeadline);
  index_field(s.bio, schema::kBio, true);
  for (const auto& topic : s.topics) index_field(topic, schema::kTags);

  // Talks in id order, so the same data always gives the same document.
  std::vector<const Talk*> ordered;
  for (const auto& t : talks) ordered.push_back(&t);
  std::sort(ordered.begin(), ordered.end(),
            [](const Talk* a, const Talk* b) { return a->id < b->id; });
  // Transcripts are not copied into the profile: long and noisy (RANKING.md 1.3, point 6).
  for (const Talk* t : ordered) {
    index_field(t->title, schema::kTitle);
    index_field(t->abstract, schema::kAbstract);
    for (const auto& tag : t->tags) index_field(tag, schema::kTags);
  }

  // Filters and facets. Languages also come from the talks: a speaker who gave talks in
  // Spanish presents in Spanish even if the profile does not list it.
  std::set<std::pair<std::string, std::string>> facets;
  for (const auto& language : s.languages) facets.emplace("lang", ascii_lower(language));
  std::set<std::string> years;
  std::string newest_date;
  for (const Talk* t : ordered) {
    if (!t->language.empty()) facets.emplace("lang", ascii_lower(t->language));
    for (const auto& tag : t->tags) facets.emplace("topic", ascii_lower(tag));
    if (!t->date.empty()) {
      years.insert(t->date.substr(0, 4));
      newest_date = std::max(newest_date, t->date);
    }
  }
  for (const auto& topic : s.topics) facets.emplace("topic", ascii_lower(topic));
  for (const auto& format : s.formats) facets.emplace("format", format);
  for (const auto& community : s.communities) facets.emplace("community", community);
  if (s.location && !s.location->country.empty()) facets.emplace("country", s.location->country);
  if (s.remote) facets.emplace("remote", *s.remote ? "true" : "false");

  doc.add_boolean_term(schema::unique_term(RecordKind::kSpeaker, s.id));
  doc.add_boolean_term(schema::kind_term(RecordKind::kSpeaker));
  for (const auto& [field, value] : facets) {
    const char* prefix = field == "lang"        ? schema::kFilterLanguage
                         : field == "topic"     ? schema::kFilterTopic
                         : field == "format"    ? schema::kFilterFormat
                         : field == "community" ? schema::kFilterCommunity
                         : field == "country"   ? schema::kFilterCountry
                                                : schema::kFilterRemote;
    doc.add_boolean_term(schema::filter_term(prefix, value));
  }
  if (s.location && !s.location->city.empty()) {
    doc.add_boolean_term(schema::filter_term(schema::kFilterCity, s.location->city));
  }
  for (const auto& year : years) {
    doc.add_boolean_term(schema::filter_term(schema::kFilterYear, year));
  }

  doc.add_value(schema::kSlotId, s.id);
  if (!newest_date.empty()) doc.add_value(schema::kSlotDate, newest_date);
  doc.add_value(schema::kSlotFacets, encode_facets(FacetValues(facets.begin(), facets.end())));
  unsigned position = schema::kSlotFacetPosition0;
  for (const auto& pair : facets) doc.add_value(position++, encode_facets({pair}));
  doc.add_value(schema::kSlotTalkCount, std::to_string(talks.size()));
  // Consent rule: the stored data carries self_id only when it is public; the ranking-only
  // form stays in a slot that no response renderer reads (tests/privacy/).
  if (s.self_id) doc.add_value(schema::kSlotSelfId, to_json(*s.self_id).dump());
  const std::string data = to_json(s, SelfIdOutput::kPublicOnly).dump();
  doc.set_data(data);

  std::string fingerprint_source = to_json(s, SelfIdOutput::kAlways).dump();
  for (const Talk* t : ordered) fingerprint_source += to_json(*t).dump();
  doc.add_value(schema::kSlotFingerprint,
                std::to_string(std::hash<std::string>{}(fingerprint_source)));
  return doc;
}

Xapian::Document DocumentBuilder::community(const Community& c) {
  Xapian::Document doc;
  generator_.set_document(doc);
  index_field(c.name, schema::kName);
  index_field(c.description, schema::kBio);
  index_field(c.colocated_with, schema::kHeadline);
  for (const auto& topic : c.topics) index_field(topic, schema::kTags);
  for (const auto& region : c.regions) index_field(region, schema::kHeadline);

  doc.add_boolean_term(schema::unique_term(RecordKind::kCommunity, c.id));
  doc.add_boolean_term(schema::kind_term(RecordKind::kCommunity));
  for (const auto& region : c.regions) {
    doc.add_boolean_term(schema::filter_term(schema::kFilterRegion, region));
  }
  for (const auto& topic : c.topics) {
    doc.add_boolean_term(schema::filter_term(schema::kFilterTopic, topic));
  }
  if (!c.type.empty()) doc.add_boolean_term(schema::filter_term(schema::kFilterType, c.type));
  if (c.travel_grants) {
    doc.add_boolean_term(
        schema::filter_term(schema::kFilterTravelGrants, *c.travel_grants ? "true" : "false"));
  }
  doc.add_value(schema::kSlotId, c.id);
  doc.set_data(to_json(c).dump());
  return doc;
}

}  // namespace podium::ingest
