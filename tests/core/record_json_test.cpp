// SPDX-License-Identifier: Apache-2.0
// Tests of the JSON form of records: the consent rule for self_id, omission of empty fields, and
// the round trip record -> JSON -> parse_record -> the same record.
#include "podium/core/record_json.h"

#include <string>
#include <type_traits>
#include <variant>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "podium/core/record_parser.h"
#include "podium/core/records.h"

#include "support/test_util.h"

namespace podium {
namespace {

using nlohmann::json;

Speaker parse_speaker(const std::string& line) {
  Result<ParsedRecord> parsed = parse_record(line);
  EXPECT_OK(parsed);
  if (!parsed.is_ok() || !std::holds_alternative<Speaker>(parsed->record)) return Speaker{};
  return std::get<Speaker>(parsed->record);
}

std::string speaker_line(const std::string& self_id) {
  std::string line = R"({"kind": "speaker", "id": "s", "name": "Sam")";
  if (!self_id.empty()) line += R"(, "self_id": )" + self_id;
  return line + "}";
}

struct ConsentCase {
  std::string self_id;   // the self_id JSON in the input, or "" for none
  bool shown_in_public;  // whether kPublicOnly writes it
};

TEST(RecordJson, PublicOnlyShowsSelfIdOnlyWithPublicConsent) {
  const ConsentCase cases[] = {
      {"", false},
      {R"({"gender": "woman", "groups": ["black"], "consent": "public"})", true},
      {R"({"gender": "woman", "groups": ["black"], "consent": "ranking"})", false},
      // Absent consent means "ranking": never shown.
      {R"({"gender": "woman", "groups": ["black"]})", false},
      {R"({"gender": "woman", "groups": ["black"], "consent": null})", false},
      {R"({"consent": "public"})", true},
      {R"({})", false},
  };
  for (const ConsentCase& c : cases) {
    SCOPED_TRACE(c.self_id);
    const Speaker speaker = parse_speaker(speaker_line(c.self_id));
    const json shown = to_json(speaker, SelfIdOutput::kPublicOnly);
    EXPECT_EQ(shown.contains("self_id"), c.shown_in_public) << shown.dump();
    if (!c.shown_in_public) {
      // Not under another name either: nothing of self_id is in the bytes.
      EXPECT_EQ(shown.dump().find("woman"), std::string::npos) << shown.dump();
      EXPECT_EQ(shown.dump().find("black"), std::string::npos) << shown.dump();
    }
    EXPECT_FALSE(to_json(speaker, SelfIdOutput::kOmit).contains("self_id"));
    EXPECT_EQ(to_json(speaker, SelfIdOutput::kAlways).contains("self_id"), !c.self_id.empty());
  }
}

TEST(RecordJson, PublicConsentShowsSelfIdAsGiven) {
  const Speaker speaker = parse_speaker(speaker_line(
      R"({"gender": "woman", "groups": ["black", "first-gen"], "consent": "public"})"));
  const json shown = to_json(speaker, SelfIdOutput::kPublicOnly);
  EXPECT_EQ(shown.at("self_id"),
            json::parse(R"({"gender": "woman", "groups": ["black", "first-gen"],
                            "consent": "public"})"));
}

TEST(RecordJson, PublicConsentValueWithoutConsentGivenIsNotShown) {
  // consent_given false means the input said nothing: that is "ranking", whatever the enum holds.
  Speaker speaker;
  speaker.id = "s";
  speaker.name = "Sam";
  speaker.self_id = SelfId{"woman", {"black"}, Consent::kPublic, false};
  EXPECT_FALSE(to_json(speaker, SelfIdOutput::kPublicOnly).contains("self_id"));
}

TEST(RecordJson, SelfIdWritesConsentOnlyWhenGiven) {
  EXPECT_EQ(to_json(SelfId{"man", {}, Consent::kRanking, false}),
            json::parse(R"({"gender": "man"})"));
  EXPECT_EQ(to_json(SelfId{"", {"lgbtq+"}, Consent::kRanking, true}),
            json::parse(R"({"groups": ["lgbtq+"], "consent": "ranking"})"));
  EXPECT_EQ(to_json(SelfId{}), json::object());
}

TEST(RecordJson, LeavesOutEmptyOptionalFields) {
  const Speaker speaker = parse_speaker(R"({"kind": "speaker", "id": "s", "name": "Sam"})");
  EXPECT_EQ(to_json(speaker, SelfIdOutput::kAlways).dump(),
            R"({"id":"s","kind":"speaker","name":"Sam"})");
  Talk talk;
  talk.id = "t";
  talk.title = "T";
  talk.speakers = {"s"};
  EXPECT_EQ(to_json(talk).dump(), R"({"id":"t","kind":"talk","speakers":["s"],"title":"T"})");
  Community community;
  community.id = "c";
  community.name = "C";
  EXPECT_EQ(to_json(community).dump(), R"({"id":"c","kind":"community","name":"C"})");
}

// parse_record(to_json(record).dump()) must give back the same JSON: stored document data is
// read back this way (stored_records.cpp) and re-ingest compares it to detect "unchanged".
TEST(RecordJson, RoundTripsThroughParseRecord) {
  const std::string lines[] = {
      R"({"kind": "speaker", "id": "ada", "name": "Ada Okafor", "pronouns": "she/her",
          "headline": "Engineer", "bio": "Builds pipelines.\nTwo lines.", "topics": ["kafka"],
          "languages": ["en", "ig"], "location": {"city": "München", "country": "DE",
          "lat": 48.137, "lon": 11.575}, "affiliation": "Riverbank",
          "links": {"website": "https://ada.example.org/", "github": "https://g.example.com/a"},
          "formats": ["talk", "workshop"], "remote": false, "travel": "europe",
          "communities": ["pipeline-people"],
          "self_id": {"gender": "woman", "groups": ["black"], "consent": "ranking"},
          "updated": "2024-02-29"})",
      R"({"kind": "speaker", "id": "zo", "name": "Zoë \"Z\" Ng", "location": {},
          "self_id": {"groups": ["first-gen"]}})",
      R"({"kind": "talk", "id": "t3", "title": "Private streaming", "abstract": "Counting.",
          "speakers": ["ada", "bo"], "event": "Quiet ML 2023", "date": "2023-12-15",
          "tags": ["privacy"], "language": "en", "url": "https://e.example.org/t3",
          "video": "https://v.example.org/t3", "slides": "https://s.example.org/t3.pdf"})",
      R"({"kind": "community", "id": "qml", "name": "Quiet ML", "description": "A workshop.",
          "type": "workshop", "colocated_with": "NeurIPS", "url": "https://q.example.org/",
          "regions": ["global"], "topics": ["ml"], "travel_grants": false})",
  };
  for (const std::string& line : lines) {
    SCOPED_TRACE(line);
    Result<ParsedRecord> first = parse_record(line);
    ASSERT_OK(first);
    auto as_json = [](const Record& record) {
      return std::visit(
          [](const auto& r) -> json {
            using T = std::decay_t<decltype(r)>;
            if constexpr (std::is_same_v<T, Speaker>) {
              return to_json(r, SelfIdOutput::kAlways);
            } else if constexpr (std::is_same_v<T, Deletion>) {
              return json();
            } else {
              return to_json(r);
            }
          },
          record);
    };
    const json once = as_json(first->record);
    // The JSON form is the input, field for field.
    EXPECT_EQ(once, json::parse(line));
    Result<ParsedRecord> second = parse_record(once.dump());
    ASSERT_OK(second);
    EXPECT_TRUE(second->warnings.empty());
    EXPECT_EQ(as_json(second->record).dump(), once.dump());
  }
}

TEST(RecordJson, PublicOnlyRoundTripDropsRankingSelfId) {
  const Speaker speaker =
      parse_speaker(speaker_line(R"({"gender": "woman", "consent": "ranking"})"));
  const Speaker back = parse_speaker(to_json(speaker, SelfIdOutput::kPublicOnly).dump());
  EXPECT_EQ(back.id, "s");
  EXPECT_EQ(back.name, "Sam");
  EXPECT_FALSE(back.self_id.has_value());
}

}  // namespace
}  // namespace podium
