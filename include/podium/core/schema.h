// SPDX-License-Identifier: Apache-2.0
// The index schema: the one table of Xapian term prefixes, value slots and stored data that the
// indexer writes and the searcher reads. Conventions follow Xapian Omega's termprefixes.rst:
// "Q" marks the unique-id term, Podium's own fields use "X" prefixes.
//
// Three document kinds live in one database:
//  - talk:      one per talk. Text of title, abstract and tags; boolean terms for its speakers.
//  - speaker:   one per speaker profile. Text of name, headline, bio, topics, affiliation and of
//               all the speaker's talks (the "candidate model" document of expert finding), and
//               every speaker-level filter term.
//  - community: one per community listing.
// Document data is the record as JSON in the ingest format. For speakers, self_id is in the
// data only when its consent is "public"; the full self_id lives in kSlotSelfId, which only the
// diversity ranker reads (see docs/architecture.md, "Consent").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "podium/core/records.h"

namespace podium::schema {

// Unique-id term: "Q" + kind + ":" + id, e.g. "Qspeaker:ada-lovelace".
std::string unique_term(RecordKind kind, std::string_view id);
// Document kind term, e.g. "XKIND:talk".
std::string kind_term(RecordKind kind);

// Free-text field prefixes (each field is also indexed without a prefix for plain queries).
inline constexpr const char* kTitle = "S";      // talk titles
inline constexpr const char* kAbstract = "XA";  // talk abstracts
inline constexpr const char* kTags = "XK";      // talk tags, speaker topics, community topics
inline constexpr const char* kBio = "XB";       // speaker bio, community description
inline constexpr const char* kHeadline = "XH";  // speaker headline and affiliation
inline constexpr const char* kName = "XN";      // speaker or community name
inline constexpr const char* kEvent = "XE";     // talk event name
// Talk transcript text; on talk documents only, never on speaker profiles (long and noisy).
// The prefixed copy has no positions.
inline constexpr const char* kTranscript = "XTR";

// Boolean filter prefixes; the value after the colon is lower-cased by filter_term().
inline constexpr const char* kFilterLanguage = "XLANG:";
inline constexpr const char* kFilterCountry = "XCOUNTRY:";
inline constexpr const char* kFilterCity = "XCITY:";
inline constexpr const char* kFilterRemote = "XREMOTE:";
inline constexpr const char* kFilterFormat = "XFORMAT:";
inline constexpr const char* kFilterCommunity = "XCOMMUNITY:";
inline constexpr const char* kFilterTopic = "XTOPIC:";
inline constexpr const char* kFilterYear = "XYEAR:";
inline constexpr const char* kFilterSpeaker = "XSPK:";  // on talks: each speaker's id
inline constexpr const char* kFilterRegion = "XREGION:";
inline constexpr const char* kFilterType = "XTYPE:";
inline constexpr const char* kFilterTravelGrants = "XGRANTS:";

// Whether `term` is a boolean term (a document kind, a filter value, a unique id) rather than a
// word: a query's filters match such terms, and they are no evidence of expertise to show.
bool is_boolean_term(std::string_view term);

// A filter term: prefix + value, lower-cased (ids keep their case: they are case-sensitive).
std::string filter_term(const char* prefix, std::string_view value);
std::string speaker_term(std::string_view speaker_id);
// The speaker ids of a talk's kSlotSpeakers value.
std::vector<std::string> split_speakers(std::string_view joined);

// Value slots.
enum Slot : unsigned {
  kSlotId = 0,           // record id
  kSlotSpeakers = 1,     // talk: speaker ids joined by '\n'
  kSlotDate = 2,         // talk: date; speaker: newest talk date (YYYY-MM-DD, sorts as text)
  kSlotFacets = 3,       // speaker: facet values, see encode_facets()
  kSlotTalkCount = 4,    // speaker: number of talks, decimal text
  kSlotSelfId = 5,       // speaker: full self_id JSON, any consent; read only by the ranker
  kSlotFingerprint = 6,  // speaker: hash of everything the document was built from
  kSlotTags = 7,         // talk: its tags as a JSON array ("[]" for none; absent: older index)
  // speaker: the k-th facet pair of kSlotFacets alone in slot kSlotFacetPosition0 + k, so
  // Xapian's built-in ValueCountMatchSpy can count facets where a custom match spy cannot run
  // (a remote shard served by the stock xapian-tcpsrv; docs/scaling.md, "Facets").
  kSlotFacetPosition0 = 100,
};

// Database metadata key holding the time of the last commit by Podium (ISO 8601, UTC).
inline constexpr const char* kMetadataLastCommit = "podium.last_commit";
// How many kSlotFacetPosition0 slots are in use (decimal); on every shard of a sharded index.
inline constexpr const char* kMetadataFacetSlots = "podium.facet_slots";
// The id of the last committed batch; on every shard, so shards that disagree show a batch that
// a crash interrupted between shard commits.
inline constexpr const char* kMetadataBatch = "podium.batch";

// Facet fields of speaker documents, as they appear in API responses.
inline constexpr const char* kFacetFields[] = {"lang",      "country", "format",
                                               "community", "topic",   "remote"};

}  // namespace podium::schema
