// SPDX-License-Identifier: Apache-2.0
// The optional `transcript` of a talk: what parse_record() accepts, what it rejects (with the
// exact field and message), and that to_json() writes it back in the same form.
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "podium/core/record_json.h"
#include "podium/core/record_parser.h"
#include "podium/core/records.h"

#include "support/test_util.h"

namespace podium {
namespace {

// `{"kind": "talk", "id": "t", "title": "T", "speakers": ["s"], "transcript": <cues>}`.
std::string talk_with_transcript(const std::string& cues) {
  return R"({"kind": "talk", "id": "t", "title": "T", "speakers": ["s"], "transcript": )" + cues +
         "}";
}

Talk parse_talk(const std::string& line) {
  Result<ParsedRecord> parsed = parse_record(line);
  EXPECT_OK(parsed);
  if (!parsed.is_ok() || !std::holds_alternative<Talk>(parsed->record)) return {};
  return std::get<Talk>(parsed->record);
}

TEST(TranscriptRecord, ReadsCuesInOrder) {
  const Talk talk = parse_talk(talk_with_transcript(
      R"([{"start": 0, "text": "Hello."}, {"start": 761.5, "text": "Bernoulli numbers"},
          {"start": 761.5, "text": "Same moment"}])"));
  ASSERT_EQ(talk.transcript.size(), 3u);
  EXPECT_EQ(talk.transcript[0].start, 0.0);
  EXPECT_EQ(talk.transcript[0].text, "Hello.");
  EXPECT_EQ(talk.transcript[1].start, 761.5);
  EXPECT_EQ(talk.transcript[1].text, "Bernoulli numbers");
  EXPECT_EQ(talk.transcript[2].text, "Same moment");
}

TEST(TranscriptRecord, AbsentNullOrEmptyMeansNoTranscript) {
  EXPECT_TRUE(parse_talk(R"({"kind": "talk", "id": "t", "title": "T", "speakers": ["s"]})")
                  .transcript.empty());
  EXPECT_TRUE(parse_talk(talk_with_transcript("null")).transcript.empty());
  EXPECT_TRUE(parse_talk(talk_with_transcript("[]")).transcript.empty());
}

TEST(TranscriptRecord, UnknownCueFieldsAreWarnedAboutAndIgnored) {
  Result<ParsedRecord> parsed =
      parse_record(talk_with_transcript(R"([{"start": 1, "end": 2, "text": "a"}])"));
  ASSERT_OK(parsed);
  EXPECT_EQ(parsed->warnings, std::vector<std::string>{"transcript[0].end: unknown field ignored"});
}

TEST(TranscriptRecord, RoundTripsThroughJson) {
  const Talk talk = parse_talk(talk_with_transcript(
      R"([{"start": 1.25, "text": "Zoë says hi"}, {"start": 3, "text": "b"}])"));
  const Talk again = parse_talk(to_json(talk).dump());
  ASSERT_EQ(again.transcript.size(), 2u);
  EXPECT_EQ(again.transcript[0].start, 1.25);
  EXPECT_EQ(again.transcript[0].text, "Zoë says hi");
  EXPECT_EQ(again.transcript[1].start, 3.0);
  // No transcript: no key at all.
  Talk plain = talk;
  plain.transcript.clear();
  EXPECT_FALSE(to_json(plain).contains("transcript"));
}

struct BadCase {
  std::string cues;
  std::string field;
  std::string message;
};

TEST(TranscriptRecord, RejectsBadCuesNamingTheField) {
  const std::string long_text(5001, 'a');
  const std::vector<BadCase> cases = {
      {R"("text")", "transcript", "must be an array of {start, text} cues"},
      {R"({"start": 1})", "transcript", "must be an array of {start, text} cues"},
      {R"(["hello"])", "transcript[0]", "must be an object {start, text}"},
      {R"([{"text": "a"}])", "transcript[0].start", "is required"},
      {R"([{"start": "0:01", "text": "a"}])", "transcript[0].start", "must be a number of seconds"},
      {R"([{"start": -1, "text": "a"}])", "transcript[0].start", "must be at least 0"},
      {R"([{"start": 5, "text": "a"}, {"start": 6, "text": "b"}, {"start": 7, "text": "c"},
           {"start": 3, "text": "d"}])",
       "transcript[3].start", "must not be before the previous cue's start"},
      {R"([{"start": 1}, {"start": 2}])", "transcript[0].text", "is required"},
      {R"([{"start": 1, "text": 7}])", "transcript[0].text", "must be a string"},
      {R"([{"start": 1, "text": ""}])", "transcript[0].text", "must be 1..5000 characters (got 0)"},
      {R"([{"start": 1, "text": "ok"}, {"start": 2, "text": ")" + long_text + R"("}])",
       "transcript[1].text", "must be 1..5000 characters (got 5001)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.cues.substr(0, 120));
    Result<ParsedRecord> parsed = parse_record(talk_with_transcript(c.cues));
    ASSERT_FALSE(parsed.is_ok());
    EXPECT_EQ(parsed.status().field(), c.field);
    EXPECT_EQ(parsed.status().message(), c.message);
  }
}

TEST(TranscriptRecord, LimitsCueCountAndTotalSize) {
  std::string many = "[";
  for (int i = 0; i <= 20000; ++i) {
    if (i > 0) many += ",";
    many += R"({"start": 1, "text": "a"})";
  }
  many += "]";
  Result<ParsedRecord> parsed = parse_record(talk_with_transcript(many));
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().field(), "transcript");
  EXPECT_EQ(parsed.status().message(), "must have at most 20000 cues (got 20001)");

  // 401 cues of 5000 characters: 2,005,000 bytes of text.
  const std::string cue = R"({"start": 1, "text": ")" + std::string(5000, 'x') + R"("})";
  std::string big = "[";
  for (int i = 0; i < 401; ++i) big += (i > 0 ? "," : "") + cue;
  big += "]";
  parsed = parse_record(talk_with_transcript(big));
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().field(), "transcript");
  EXPECT_EQ(parsed.status().message(), "text must be at most 2000000 bytes in all");
  // 400 such cues are fine.
  big = "[";
  for (int i = 0; i < 400; ++i) big += (i > 0 ? "," : "") + cue;
  big += "]";
  EXPECT_OK(parse_record(talk_with_transcript(big)));
}

}  // namespace
}  // namespace podium
