// SPDX-License-Identifier: Apache-2.0
// Tests of parse_record: one table of good lines, one of bad lines with the exact field and
// message each must give, and the hostile inputs (NUL, invalid UTF-8, deep nesting, huge lines).
#include "podium/core/record_parser.h"

#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "podium/core/records.h"

#include "support/test_util.h"

namespace podium {
namespace {

using namespace std::string_literals;

// `{"kind": "speaker", "id": "s", "name": "S", <extra>}`.
std::string speaker_with(const std::string& extra) {
  return R"({"kind": "speaker", "id": "s", "name": "S", )" + extra + "}";
}
// `{"kind": "talk", "id": "t", "title": "T", "speakers": ["s"], <extra>}`.
std::string talk_with(const std::string& extra) {
  return R"({"kind": "talk", "id": "t", "title": "T", "speakers": ["s"], )" + extra + "}";
}
// `{"kind": "community", "id": "c", "name": "C", <extra>}`.
std::string community_with(const std::string& extra) {
  return R"({"kind": "community", "id": "c", "name": "C", )" + extra + "}";
}
// A JSON value nested `depth` levels deep: [[[...]]].
std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

struct GoodCase {
  std::string line;
  RecordKind kind;
  std::string id;
  std::vector<std::string> warnings;
};

TEST(RecordParser, AcceptsGoodLines) {
  const GoodCase cases[] = {
      {R"({"kind": "speaker", "id": "ada", "name": "Ada"})", RecordKind::kSpeaker, "ada", {}},
      {R"({"id": "A.b_c:d-9", "name": "Order does not matter", "kind": "speaker"})",
       RecordKind::kSpeaker,
       "A.b_c:d-9",
       {}},
      {speaker_with(R"("name2": null, "pronouns": null, "remote": null)"),
       RecordKind::kSpeaker,
       "s",
       {"name2: unknown field ignored"}},
      {speaker_with(R"("languages": ["en", "pt-BR", "zh-Hant-TW"], "updated": "2024-02-29")"),
       RecordKind::kSpeaker,
       "s",
       {}},
      {speaker_with(
           R"("location": {"city": "Nairobi", "country": "KE", "lat": -1.29, "lon": 36.8})"),
       RecordKind::kSpeaker,
       "s",
       {}},
      {speaker_with(R"("location": {"lat": -90, "lon": 180})"), RecordKind::kSpeaker, "s", {}},
      {speaker_with(R"("links": {"web": "https://a.example.org", "gh": "http://g.example.com/a"})"),
       RecordKind::kSpeaker,
       "s",
       {}},
      {speaker_with(R"("formats": ["keynote", "talk", "workshop", "panel", "podcast", "interview",
                    "mentoring"])"),
       RecordKind::kSpeaker,
       "s",
       {}},
      {speaker_with(R"("self_id": {"gender": "woman", "groups": ["black"], "consent": "public"})"),
       RecordKind::kSpeaker,
       "s",
       {}},
      {speaker_with(R"("self_id": {}, "remote": false, "communities": ["c-1", "c.2"])"),
       RecordKind::kSpeaker,
       "s",
       {}},
      {R"({"kind": "speaker", "id": "s", "name": ")" + std::string(200, 'x') + "\"}",
       RecordKind::kSpeaker,
       "s",
       {}},
      // 200 characters of two bytes each: the limit counts characters, not bytes.
      {[] {
         std::string name;
         for (int i = 0; i < 200; ++i) name += "\xc3\xa9";
         return R"({"kind": "speaker", "id": "s", "name": ")" + name + "\"}";
       }(),
       RecordKind::kSpeaker,
       "s",
       {}},
      {R"({"kind": "talk", "id": "t", "title": "T", "speakers": ["a", "b", "c"]})",
       RecordKind::kTalk,
       "t",
       {}},
      {talk_with(R"("date": "2000-02-29", "language": "en", "url": "https://x.example.org/t",
                 "video": "https://v.example.org/1", "slides": "http://s.example.org/1.pdf")"),
       RecordKind::kTalk,
       "t",
       {}},
      {R"({"kind": "community", "id": "c", "name": "C"})", RecordKind::kCommunity, "c", {}},
      {community_with(R"("type": "festival", "travel_grants": true, "regions": ["global", "DE"])"),
       RecordKind::kCommunity,
       "c",
       {}},
      {community_with(R"("homepage": "x", "members": 3)"),
       RecordKind::kCommunity,
       "c",
       {"homepage: unknown field ignored", "members: unknown field ignored"}},
      {speaker_with(R"("location": {"country": "DE", "zip": "80331"})"),
       RecordKind::kSpeaker,
       "s",
       {"location.zip: unknown field ignored"}},
      {speaker_with(R"("self_id": {"consent": "ranking", "age": 40})"),
       RecordKind::kSpeaker,
       "s",
       {"self_id.age: unknown field ignored"}},
      // A CR left at the end of a CRLF line is JSON white space.
      {"{\"kind\": \"community\", \"id\": \"c\", \"name\": \"C\"}\r",
       RecordKind::kCommunity,
       "c",
       {}},
      // Brackets inside strings do not count as nesting.
      {speaker_with(R"("bio": ")" + std::string(100, '[') + "\""), RecordKind::kSpeaker, "s", {}},
      // Exactly the limit: the record object plus 31 nested arrays is 32 levels.
      {speaker_with("\"deep\": " + nested_arrays(31)),
       RecordKind::kSpeaker,
       "s",
       {"deep: unknown field ignored"}},
  };
  for (const GoodCase& c : cases) {
    SCOPED_TRACE(c.line.substr(0, 200));
    Result<ParsedRecord> parsed = parse_record(c.line);
    ASSERT_OK(parsed);
    EXPECT_EQ(kind_of(parsed->record), c.kind);
    EXPECT_EQ(id_of(parsed->record), c.id);
    EXPECT_FALSE(std::holds_alternative<Deletion>(parsed->record));
    EXPECT_EQ(parsed->warnings, c.warnings);
  }
}

struct BadCase {
  std::string line;
  std::string field;
  std::string message;
};

TEST(RecordParser, RejectsBadLinesNamingFieldAndReason) {
  const std::string kFormats =
      "must be one of keynote, talk, workshop, panel, podcast, interview, mentoring";
  const BadCase cases[] = {
      // The line as a whole.
      {"not json", "",
       "invalid JSON: parse error at line 1, column 2: syntax error while parsing value - invalid "
       "literal; last read: 'no'"},
      {R"({"kind": "speaker", "id": "x", "name": })", "",
       "invalid JSON: parse error at line 1, column 40: syntax error while parsing value - "
       "unexpected '}'; expected '[', '{', or a literal"},
      {R"({"kind": "speaker", "id": "x"} trailing)", "",
       "invalid JSON: parse error at line 1, column 34: syntax error while parsing value - invalid "
       "literal; last read: '\"x\"} tra'; expected end of input"},
      {"", "",
       "invalid JSON: parse error at line 1, column 1: syntax error while parsing value - "
       "unexpected end of input; expected '[', '{', or a literal"},
      {R"({"kind": "speaker", "id": "x", "name": "\ud800"})", "",
       "invalid JSON: parse error at line 1, column 47: syntax error while parsing value - "
       "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF; last read: "
       "'\"\\ud800\"'"},
      // A number past double's range is out_of_range in nlohmann, not a parse_error (found by
      // tests/fuzz/record_parser_fuzz).
      {R"({"kind": "speaker", "id": "x", "name": "A", "n": 1e2241918})", "",
       "invalid JSON: number overflow parsing '1e2241918'"},
      {"[1, 2]", "", "a record must be a JSON object"},
      {R"("speaker")", "", "a record must be a JSON object"},
      {"{\"kind\": \"speaker\", \"id\": \"x\", \"name\": \"A\0B\"}"s, "",
       "line contains a NUL byte"},
      {"{\"kind\": \"speaker\", \"id\": \"x\", \"name\": \"Jos\xe9\"}", "",
       "line is not valid UTF-8"},
      {"{\"kind\": \"speaker\", \"id\": \"x\", \"name\": \"\xed\xa0\x80\"}", "",
       "line is not valid UTF-8"},
      {"{\"kind\": \"speaker\", \"id\": \"x\", \"name\": \"\xc0\xaf\"}", "",
       "line is not valid UTF-8"},
      {speaker_with("\"deep\": " + nested_arrays(32)), "", "JSON is nested deeper than 32 levels"},
      {speaker_with("\"deep\": " + nested_arrays(1000)), "",
       "JSON is nested deeper than 32 levels"},
      // kind and id.
      {"{}", "kind", "is required"},
      {R"({"kind": null, "id": "x"})", "kind", "is required"},
      {R"({"kind": 3, "id": "x"})", "kind", "must be a string"},
      {R"({"kind": "person", "id": "x"})", "kind", "must be one of speaker, talk, community"},
      {R"({"kind": "Speaker", "id": "x"})", "kind", "must be one of speaker, talk, community"},
      {R"({"kind": "speaker", "name": "A"})", "id", "is required"},
      {R"({"kind": "speaker", "id": 42, "name": "A"})", "id", "must be a string"},
      {R"({"kind": "speaker", "id": "", "name": "A"})", "id", "must be 1..128 characters (got 0)"},
      {R"({"kind": "speaker", "id": "has space", "name": "A"})", "id",
       "must match [A-Za-z0-9._:-]{1,128}"},
      {R"({"kind": "speaker", "id": "caf)"
       "\xc3\xa9"
       R"(", "name": "A"})",
       "id", "must match [A-Za-z0-9._:-]{1,128}"},
      {R"({"kind": "speaker", "id": ")" + std::string(129, 'a') + R"(", "name": "A"})", "id",
       "must be 1..128 characters (got 129)"},
      {R"({"kind": "speaker", "id": "x", "deleted": "yes"})", "deleted", "must be true or false"},
      // Speakers.
      {R"({"kind": "speaker", "id": "x"})", "name", "is required"},
      {R"({"kind": "speaker", "id": "x", "name": ""})", "name",
       "must be 1..200 characters (got 0)"},
      {R"({"kind": "speaker", "id": "x", "name": ")" + std::string(201, 'n') + "\"}", "name",
       "must be 1..200 characters (got 201)"},
      {R"({"kind": "speaker", "id": "x", "name": ["A"]})", "name", "must be a string"},
      {R"({"kind": "speaker", "id": "x", "name": "Ada\u0000Lovelace"})", "name",
       "must not contain a NUL character"},
      // The first error in reading order wins.
      {R"({"kind": "speaker", "id": "x", "remote": "yes"})", "name", "is required"},
      {speaker_with(R"("pronouns": ")" + std::string(51, 'p') + "\""), "pronouns",
       "must be at most 50 characters (got 51)"},
      {speaker_with(R"("bio": ")" + std::string(20001, 'b') + "\""), "bio",
       "must be at most 20000 characters (got 20001)"},
      {speaker_with(R"("remote": "yes")"), "remote", "must be true or false"},
      {speaker_with(R"("remote": 1)"), "remote", "must be true or false"},
      {speaker_with(R"("topics": "mlops")"), "topics", "must be an array of strings"},
      {speaker_with(R"("topics": ["mlops", 3])"), "topics[1]", "must be a string"},
      {speaker_with(R"("topics": ["mlops", ""])"), "topics[1]",
       "must be 1..200 characters (got 0)"},
      {speaker_with(R"("topics": ["\u0000"])"), "topics[0]", "must not contain a NUL character"},
      {speaker_with(R"("topics": [)" +
                    [] {
                      std::string items;
                      for (int i = 0; i < 201; ++i)
                        items += std::string(i == 0 ? "" : ", ") + "\"t\"";
                      return items;
                    }() +
                    "]"),
       "topics", "must have at most 200 items"},
      {speaker_with(R"("languages": ["en", "english"])"), "languages[1]",
       R"(must be a BCP-47 code, e.g. "en")"},
      {speaker_with(R"("location": "Berlin")"), "location",
       "must be an object {city, country, lat, lon}"},
      {speaker_with(R"("location": {"city": "London", "country": "UK"})"), "location.country",
       R"(must be an ISO 3166-1 alpha-2 code in upper case, e.g. "DE")"},
      {speaker_with(R"("location": {"country": "de"})"), "location.country",
       R"(must be an ISO 3166-1 alpha-2 code in upper case, e.g. "DE")"},
      {speaker_with(R"("location": {"city": 7})"), "location.city", "must be a string"},
      {speaker_with(R"("location": {"lat": 91})"), "location.lat", "must be between -90 and 90"},
      {speaker_with(R"("location": {"lon": -180.5})"), "location.lon",
       "must be between -180 and 180"},
      {speaker_with(R"("location": {"lat": true})"), "location.lat", "must be a number"},
      {speaker_with(R"("links": ["https://a.example.org"])"), "links",
       "must be an object of name to URL"},
      {speaker_with(R"("links": {"web": "ftp://a.example.org"})"), "links.web",
       "must be an http(s) URL"},
      {speaker_with(R"("links": {"web": 5})"), "links.web", "must be an http(s) URL"},
      {speaker_with(R"("links": {"": "https://a.example.org"})"), "links.",
       "link names must be 1..50 characters"},
      {speaker_with(R"("formats": ["talk", "lecture"])"), "formats[1]", kFormats},
      {speaker_with(R"("formats": ["Talk"])"), "formats[0]", kFormats},
      {speaker_with(R"("communities": ["ok", "bad id"])"), "communities[1]",
       "must be a community id"},
      {speaker_with(R"("self_id": "woman")"), "self_id",
       "must be an object {gender, groups, consent}"},
      {speaker_with(R"("self_id": {"groups": "black"})"), "self_id.groups",
       "must be an array of strings"},
      {speaker_with(R"("self_id": {"consent": "yes"})"), "self_id.consent",
       R"(must be "public" or "ranking")"},
      {speaker_with(R"("self_id": {"consent": true})"), "self_id.consent", "must be a string"},
      {speaker_with(R"("updated": "2023-02-29")"), "updated", "must be a date YYYY-MM-DD"},
      {speaker_with(R"("updated": "02/03/2024")"), "updated", "must be a date YYYY-MM-DD"},
      // Talks.
      {R"({"kind": "talk", "id": "t", "speakers": ["s"]})", "title", "is required"},
      {R"({"kind": "talk", "id": "t", "title": ")" + std::string(501, 't') +
           R"(", "speakers": ["s"]})",
       "title", "must be 1..500 characters (got 501)"},
      {R"({"kind": "talk", "id": "t", "title": "T"})", "speakers", "is required"},
      {R"({"kind": "talk", "id": "t", "title": "T", "speakers": []})", "speakers",
       "must name at least one speaker"},
      {R"({"kind": "talk", "id": "t", "title": "T", "speakers": "ada"})", "speakers",
       "must be an array of strings"},
      {R"({"kind": "talk", "id": "t", "title": "T", "speakers": ["ada", "bad id"]})", "speakers[1]",
       "must be a speaker id"},
      {R"({"kind": "talk", "id": "t", "title": "T", "speakers": ["ada", 7]})", "speakers[1]",
       "must be a string"},
      {talk_with(R"("date": "2023-02-29")"), "date", "must be a date YYYY-MM-DD"},
      {talk_with(R"("date": "2024-4-01")"), "date", "must be a date YYYY-MM-DD"},
      {talk_with(R"("language": "english")"), "language", R"(must be a BCP-47 code, e.g. "en")"},
      {talk_with(R"("url": "ftp://files.example.org/t")"), "url", "must be an http(s) URL"},
      {talk_with(R"("video": "www.example.org/v")"), "video", "must be an http(s) URL"},
      {talk_with(R"("slides": "https://exa mple.org/s.pdf")"), "slides", "must be an http(s) URL"},
      {talk_with(R"("tags": [1])"), "tags[0]", "must be a string"},
      {talk_with(R"("abstract": ")" + std::string(50001, 'a') + "\""), "abstract",
       "must be at most 50000 characters (got 50001)"},
      // Communities.
      {R"({"kind": "community", "id": "c"})", "name", "is required"},
      {community_with(R"("type": "club")"), "type",
       "must be one of workshop, meetup, network, conference, festival"},
      {community_with(R"("travel_grants": "yes")"), "travel_grants", "must be true or false"},
      {community_with(R"("url": "mailto:c@example.org")"), "url", "must be an http(s) URL"},
      {community_with(R"("regions": "global")"), "regions", "must be an array of strings"},
  };
  for (const BadCase& c : cases) {
    SCOPED_TRACE(c.line.substr(0, 200));
    Result<ParsedRecord> parsed = parse_record(c.line);
    ASSERT_FALSE(parsed.is_ok());
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().field(), c.field);
    EXPECT_EQ(parsed.status().message(), c.message);
  }
}

TEST(RecordParser, ReadsEveryFieldOfASpeaker) {
  Result<ParsedRecord> parsed = parse_record(
      R"({"kind": "speaker", "id": "ada", "name": "Ada Okafor", "pronouns": "she/her",
          "headline": "Engineer", "bio": "Builds pipelines.", "topics": ["streaming", "kafka"],
          "languages": ["en", "ig"], "location": {"city": "Munich", "country": "DE",
          "lat": 48.137, "lon": 11.575}, "affiliation": "Riverbank",
          "links": {"website": "https://ada.example.org/", "github": "https://g.example.com/a"},
          "formats": ["talk", "workshop"], "remote": true, "travel": "europe",
          "communities": ["pipeline-people"],
          "self_id": {"gender": "woman", "groups": ["black"], "consent": "public"},
          "updated": "2024-02-29"})");
  ASSERT_OK(parsed);
  ASSERT_TRUE(std::holds_alternative<Speaker>(parsed->record));
  const Speaker& s = std::get<Speaker>(parsed->record);
  EXPECT_EQ(s.id, "ada");
  EXPECT_EQ(s.name, "Ada Okafor");
  EXPECT_EQ(s.pronouns, "she/her");
  EXPECT_EQ(s.headline, "Engineer");
  EXPECT_EQ(s.bio, "Builds pipelines.");
  EXPECT_EQ(s.topics, (std::vector<std::string>{"streaming", "kafka"}));
  EXPECT_EQ(s.languages, (std::vector<std::string>{"en", "ig"}));
  ASSERT_TRUE(s.location.has_value());
  EXPECT_EQ(s.location->city, "Munich");
  EXPECT_EQ(s.location->country, "DE");
  EXPECT_EQ(s.location->lat, 48.137);
  EXPECT_EQ(s.location->lon, 11.575);
  EXPECT_EQ(s.affiliation, "Riverbank");
  ASSERT_EQ(s.links.size(), 2u);
  EXPECT_EQ(s.formats, (std::vector<std::string>{"talk", "workshop"}));
  EXPECT_EQ(s.remote, true);
  EXPECT_EQ(s.travel, "europe");
  EXPECT_EQ(s.communities, (std::vector<std::string>{"pipeline-people"}));
  ASSERT_TRUE(s.self_id.has_value());
  EXPECT_EQ(s.self_id->gender, "woman");
  EXPECT_EQ(s.self_id->groups, (std::vector<std::string>{"black"}));
  EXPECT_EQ(s.self_id->consent, Consent::kPublic);
  EXPECT_TRUE(s.self_id->consent_given);
  EXPECT_EQ(s.updated, "2024-02-29");
  EXPECT_TRUE(parsed->warnings.empty());
}

TEST(RecordParser, ReadsEveryFieldOfATalkAndACommunity) {
  Result<ParsedRecord> talk = parse_record(
      R"({"kind": "talk", "id": "t3", "title": "Private streaming", "abstract": "Counting.",
          "speakers": ["ada", "bo"], "event": "Quiet ML 2023", "date": "2023-12-15",
          "tags": ["privacy"], "language": "en", "url": "https://e.example.org/t3",
          "video": "https://v.example.org/t3", "slides": "https://s.example.org/t3.pdf"})");
  ASSERT_OK(talk);
  ASSERT_TRUE(std::holds_alternative<Talk>(talk->record));
  const Talk& t = std::get<Talk>(talk->record);
  EXPECT_EQ(t.title, "Private streaming");
  EXPECT_EQ(t.abstract, "Counting.");
  EXPECT_EQ(t.speakers, (std::vector<std::string>{"ada", "bo"}));
  EXPECT_EQ(t.event, "Quiet ML 2023");
  EXPECT_EQ(t.date, "2023-12-15");
  EXPECT_EQ(t.tags, (std::vector<std::string>{"privacy"}));
  EXPECT_EQ(t.language, "en");
  EXPECT_EQ(t.url, "https://e.example.org/t3");
  EXPECT_EQ(t.video, "https://v.example.org/t3");
  EXPECT_EQ(t.slides, "https://s.example.org/t3.pdf");

  Result<ParsedRecord> community = parse_record(
      R"({"kind": "community", "id": "qml", "name": "Quiet ML", "description": "A workshop.",
          "type": "workshop", "colocated_with": "NeurIPS", "url": "https://q.example.org/",
          "regions": ["global"], "topics": ["ml"], "travel_grants": true})");
  ASSERT_OK(community);
  ASSERT_TRUE(std::holds_alternative<Community>(community->record));
  const Community& c = std::get<Community>(community->record);
  EXPECT_EQ(c.name, "Quiet ML");
  EXPECT_EQ(c.description, "A workshop.");
  EXPECT_EQ(c.type, "workshop");
  EXPECT_EQ(c.colocated_with, "NeurIPS");
  EXPECT_EQ(c.url, "https://q.example.org/");
  EXPECT_EQ(c.regions, (std::vector<std::string>{"global"}));
  EXPECT_EQ(c.topics, (std::vector<std::string>{"ml"}));
  EXPECT_EQ(c.travel_grants, true);
}

TEST(RecordParser, ConsentDefaultsToRankingWhenAbsent) {
  struct Case {
    std::string self_id;
    Consent consent;
    bool consent_given;
  };
  const Case cases[] = {
      {R"({"gender": "man"})", Consent::kRanking, false},
      {R"({"consent": "ranking"})", Consent::kRanking, true},
      {R"({"consent": "public"})", Consent::kPublic, true},
      {R"({"consent": null})", Consent::kRanking, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.self_id);
    Result<ParsedRecord> parsed = parse_record(speaker_with("\"self_id\": " + c.self_id));
    ASSERT_OK(parsed);
    const Speaker& s = std::get<Speaker>(parsed->record);
    ASSERT_TRUE(s.self_id.has_value());
    EXPECT_EQ(s.self_id->consent, c.consent);
    EXPECT_EQ(s.self_id->consent_given, c.consent_given);
  }
}

TEST(RecordParser, ReadsDeletionsOfEachKind) {
  struct Case {
    std::string line;
    RecordKind kind;
    std::string id;
  };
  const Case cases[] = {
      {R"({"kind": "speaker", "id": "ada", "deleted": true})", RecordKind::kSpeaker, "ada"},
      {R"({"kind": "talk", "id": "t1", "deleted": true})", RecordKind::kTalk, "t1"},
      {R"({"kind": "community", "id": "c:1", "deleted": true})", RecordKind::kCommunity, "c:1"},
      // A deletion needs no other field, and other fields are neither checked nor warned about.
      {R"({"kind": "speaker", "id": "x", "deleted": true, "name": 5, "extra": 1})",
       RecordKind::kSpeaker, "x"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    Result<ParsedRecord> parsed = parse_record(c.line);
    ASSERT_OK(parsed);
    ASSERT_TRUE(std::holds_alternative<Deletion>(parsed->record));
    const Deletion& deletion = std::get<Deletion>(parsed->record);
    EXPECT_EQ(deletion.kind, c.kind);
    EXPECT_EQ(deletion.id, c.id);
    EXPECT_TRUE(parsed->warnings.empty());
  }
}

TEST(RecordParser, DeletedFalseIsAnOrdinaryRecord) {
  Result<ParsedRecord> parsed =
      parse_record(R"({"kind": "speaker", "id": "ada", "name": "Ada", "deleted": false})");
  ASSERT_OK(parsed);
  EXPECT_TRUE(std::holds_alternative<Speaker>(parsed->record));
  EXPECT_TRUE(parsed->warnings.empty());

  Result<ParsedRecord> incomplete =
      parse_record(R"({"kind": "speaker", "id": "ada", "deleted": false})");
  ASSERT_FALSE(incomplete.is_ok());
  EXPECT_EQ(incomplete.status().field(), "name");
  EXPECT_EQ(incomplete.status().message(), "is required");
}

TEST(RecordParser, WarnsAboutUnknownFieldsAndKeepsTheRecord) {
  Result<ParsedRecord> parsed = parse_record(
      R"({"kind": "speaker", "id": "ada", "name": "Ada", "twitter": "@ada",
          "location": {"country": "DE", "zip": "80331"}})");
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->warnings, (std::vector<std::string>{"location.zip: unknown field ignored",
                                                        "twitter: unknown field ignored"}));
  const Speaker& s = std::get<Speaker>(parsed->record);
  EXPECT_EQ(s.name, "Ada");
  EXPECT_EQ(s.location->country, "DE");
}

TEST(RecordParser, RejectsLineOverFourMebibytes) {
  // A valid record padded with an unknown field to exactly the limit, and one byte over it.
  const std::string head = R"({"kind": "community", "id": "c", "name": "C", "filler": ")";
  const std::string tail = "\"}";
  const std::string at_limit =
      head + std::string(kMaxLineBytes - head.size() - tail.size(), 'x') + tail;
  ASSERT_EQ(at_limit.size(), kMaxLineBytes);
  Result<ParsedRecord> accepted = parse_record(at_limit);
  ASSERT_OK(accepted);
  EXPECT_EQ(accepted->warnings, (std::vector<std::string>{"filler: unknown field ignored"}));

  const std::string over =
      head + std::string(kMaxLineBytes - head.size() - tail.size() + 1, 'x') + tail;
  Result<ParsedRecord> rejected = parse_record(over);
  ASSERT_FALSE(rejected.is_ok());
  EXPECT_EQ(rejected.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(rejected.status().field(), "");
  EXPECT_EQ(rejected.status().message(), "line is longer than the 4 MiB limit (4194305 bytes)");
}

TEST(RecordParser, NestingScanCountsOnlyStructure) {
  EXPECT_FALSE(json_nesting_exceeds("{}", 1));
  EXPECT_TRUE(json_nesting_exceeds("{[]}", 1));
  EXPECT_FALSE(json_nesting_exceeds(nested_arrays(32), 32));
  EXPECT_TRUE(json_nesting_exceeds(nested_arrays(33), 32));
  EXPECT_FALSE(json_nesting_exceeds("[[]][[]][[]]", 2));  // depth goes back down
  EXPECT_FALSE(json_nesting_exceeds(R"(["[[[[", "{{{{"])", 1));
  EXPECT_FALSE(json_nesting_exceeds(R"(["\"[[[[", "\\", "[[["])", 1));  // escaped quotes
  EXPECT_TRUE(json_nesting_exceeds(R"(["\\", [[]]])", 2));
}

TEST(ParseSelfId, ReadsTheObjectByTheRecordsRules) {
  Result<SelfId> ok =
      parse_self_id(R"({"gender": "woman", "groups": ["black"], "consent": "ranking"})");
  ASSERT_TRUE(ok.is_ok()) << ok.status().to_string();
  EXPECT_EQ(ok->gender, "woman");
  EXPECT_EQ(ok->groups, std::vector<std::string>{"black"});
  EXPECT_EQ(ok->consent, Consent::kRanking);
  EXPECT_TRUE(ok->consent_given);

  Result<SelfId> bad_consent = parse_self_id(R"({"consent": "yes"})");
  ASSERT_FALSE(bad_consent.is_ok());
  EXPECT_EQ(bad_consent.status().field(), "self_id.consent");
  Result<SelfId> not_object = parse_self_id(R"(["woman"])");
  ASSERT_FALSE(not_object.is_ok());
  EXPECT_EQ(not_object.status().field(), "self_id");
  Result<SelfId> not_json = parse_self_id("{gender");
  ASSERT_FALSE(not_json.is_ok());
  EXPECT_EQ(not_json.status().field(), "self_id");
  EXPECT_FALSE(parse_self_id("null").is_ok());
}

}  // namespace
}  // namespace podium
