// SPDX-License-Identifier: Apache-2.0
// The record model of the ingest format: speakers, talks, community listings and deletions.
// Field meanings and limits are those of docs/ingest-format.md.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace podium {

enum class RecordKind { kSpeaker, kTalk, kCommunity };

// "speaker", "talk" or "community".
const char* record_kind_name(RecordKind kind);

// How a speaker allows their self-identification to be used. Absent consent means kRanking.
enum class Consent {
  kRanking,  // may steer diversity ranking and aggregate counts; never shown for one speaker
  kPublic,   // may be shown and filtered on
};

struct SelfId {
  std::string gender;               // free text, as the speaker wrote it; may be empty
  std::vector<std::string> groups;  // e.g. "black", "lgbtq+"
  Consent consent = Consent::kRanking;
  bool consent_given = false;  // whether the record said "consent" at all
};

struct Location {
  std::string city;
  std::string country;  // ISO 3166-1 alpha-2, upper case
  std::optional<double> lat;
  std::optional<double> lon;
};

struct Speaker {
  std::string id;
  std::string name;
  std::string pronouns;
  std::string headline;
  std::string bio;
  std::vector<std::string> topics;
  std::vector<std::string> languages;  // BCP-47
  std::optional<Location> location;
  std::string affiliation;
  std::vector<std::pair<std::string, std::string>> links;  // label -> URL, in input order
  std::vector<std::string> formats;
  std::optional<bool> remote;
  std::string travel;
  std::vector<std::string> communities;
  std::optional<SelfId> self_id;
  std::string updated;  // YYYY-MM-DD or empty
};

// One cue of a talk's transcript: where it starts in the video and what is said.
struct TranscriptCue {
  double start = 0;  // seconds from the start of the video, >= 0
  std::string text;
};

struct Talk {
  std::string id;
  std::string title;
  std::string abstract;
  std::vector<std::string> speakers;
  std::string event;
  std::string date;  // YYYY-MM-DD or empty
  std::vector<std::string> tags;
  std::string language;
  std::string url;
  std::string video;
  std::string slides;
  std::vector<TranscriptCue> transcript;  // in order of start; empty when there is none
};

struct Community {
  std::string id;
  std::string name;
  std::string description;
  std::string type;
  std::string colocated_with;
  std::string url;
  std::vector<std::string> regions;
  std::vector<std::string> topics;
  std::optional<bool> travel_grants;
};

// `{"kind": ..., "id": ..., "deleted": true}`: removes the record with that id.
struct Deletion {
  RecordKind kind;
  std::string id;
};

using Record = std::variant<Speaker, Talk, Community, Deletion>;

// The kind and id of any record.
RecordKind kind_of(const Record& record);
const std::string& id_of(const Record& record);

}  // namespace podium
