// SPDX-License-Identifier: Apache-2.0
// --from vtt / --from srt: the cue parsers on fixtures in tests/testdata/import/{vtt,srt}/, and
// attaching a transcript to a talk in a real temporary index.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "podium/core/stored_records.h"
#include "podium/import/transcripts.h"

#include "import_test_util.h"
#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::import {
namespace {

using test::fixture;
using test::ImportRun;
using test::run_import_args;
using ::testing::HasSubstr;

CueParse parse_fixture(const std::string& relative, bool vtt) {
  const std::string text = podium::test::read_file(fixture(relative));
  return vtt ? parse_webvtt(text) : parse_srt(text);
}

TEST(TranscriptParse, WebVttCuesWithIdsNotesStylesAndTags) {
  const CueParse parsed = parse_fixture("vtt/talk.vtt", true);
  ASSERT_TRUE(parsed.ok()) << parsed.error_line << ": " << parsed.error;
  ASSERT_EQ(parsed.cues.size(), 4u);
  EXPECT_EQ(parsed.cues[0].start, 1.0);
  EXPECT_EQ(parsed.cues[0].text, "Welcome to this talk about analytical engines.");
  EXPECT_EQ(parsed.cues[1].start, 761.5);
  EXPECT_EQ(parsed.cues[1].text, "We compute Bernoulli numbers & loops.");
  EXPECT_EQ(parsed.cues[2].start, 770.0);  // a timing without hours
  EXPECT_EQ(parsed.cues[2].text, "Without hours.");
  EXPECT_EQ(parsed.cues[3].start, 3723.0);
  EXPECT_EQ(parsed.cues[3].text, "That's all, thanks.");
}

TEST(TranscriptParse, WebVttWithWindowsLineEnds) {
  const CueParse parsed = parse_fixture("vtt/crlf.vtt", true);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  ASSERT_EQ(parsed.cues.size(), 1u);
  EXPECT_EQ(parsed.cues[0].text, "Windows line ends.");
}

TEST(TranscriptParse, SrtNumberedCues) {
  const CueParse parsed = parse_fixture("srt/talk.srt", false);
  ASSERT_TRUE(parsed.ok()) << parsed.error_line << ": " << parsed.error;
  ASSERT_EQ(parsed.cues.size(), 3u);
  EXPECT_EQ(parsed.cues[0].text, "Welcome to this talk about analytical engines.");
  EXPECT_EQ(parsed.cues[1].start, 761.5);
  EXPECT_EQ(parsed.cues[1].text, "We compute Bernoulli numbers and loops.");
  EXPECT_EQ(parsed.cues[2].start, 3723.0);
}

struct MalformedCase {
  std::string fixture;
  bool vtt;
  std::size_t line;
  std::string error;
};

TEST(TranscriptParse, MalformedFilesNameTheLine) {
  const std::vector<MalformedCase> cases = {
      {"vtt/bad_timing.vtt", true, 7, R"(bad cue timing "00:12 --> x")"},
      {"vtt/out_of_order.vtt", true, 6,
       R"(cue starts before the cue above it "00:00:01.000 --> 00:00:04.000")"},
      {"vtt/not_vtt.vtt", true, 0, R"(not a WebVTT file: it does not start with "WEBVTT")"},
      {"srt/bad_timing.srt", false, 6, R"(bad cue timing "00:12:41 --> 00:12:45,000")"},
      {"srt/not_srt.srt", false, 0,
       R"(not an SRT file: it does not start with a numbered cue such as "1" and )"
       R"("00:00:01,000 --> 00:00:04,000")"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.fixture);
    const CueParse parsed = parse_fixture(c.fixture, c.vtt);
    EXPECT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error_line, c.line);
    EXPECT_EQ(parsed.error, c.error);
  }
  EXPECT_EQ(parse_webvtt("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nx\n").error,
            R"(cue ends before it starts "00:00:05.000 --> 00:00:01.000")");
  EXPECT_EQ(parse_webvtt("WEBVTT\n\nan id\nno timing here\n").error,
            R"(expected a cue timing such as "00:01.000 --> 00:04.000", got "no timing here")");
  EXPECT_EQ(parse_webvtt("").error, R"(not a WebVTT file: it does not start with "WEBVTT")");
  EXPECT_EQ(parse_srt("").error, "not an SRT file: it holds no cues");
}

class TranscriptImport : public ::testing::Test {
 protected:
  void SetUp() override { podium::test::ingest_files(db_, {fixture("vtt/talks.jsonl")}); }

  Talk stored_talk_1() {
    Result<Talk> talk = load_indexed_talk(db_, "talk-1");
    EXPECT_OK(talk);
    return talk.is_ok() ? std::move(talk).value() : Talk{};
  }

  podium::test::TempDir dir_;
  std::string db_ = dir_.file("index");
};

TEST_F(TranscriptImport, AttachesVttCuesToTheIndexedTalk) {
  ImportRun run = run_import_args(
      {"--from", "vtt", "--talk", "talk-1", "--db", db_, "--no-progress", fixture("vtt/talk.vtt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(test::counts(run.out),
            "added 0, replaced 1, unchanged 0, deleted 0, rejected 0, warnings 0");
  const Talk talk = stored_talk_1();
  // Everything else of the talk is kept.
  EXPECT_EQ(talk.title, "Notes on the Analytical Engine");
  EXPECT_EQ(talk.video, "https://www.youtube.com/watch?v=abc123");
  EXPECT_EQ(talk.speakers, std::vector<std::string>{"ada"});
  ASSERT_EQ(talk.transcript.size(), 4u);
  EXPECT_EQ(talk.transcript[1].start, 761.5);

  // The same file again changes nothing; an SRT file replaces the transcript whole.
  run = run_import_args(
      {"--from", "vtt", "--talk", "talk-1", "--db", db_, "--no-progress", fixture("vtt/talk.vtt")});
  EXPECT_EQ(test::counts(run.out),
            "added 0, replaced 0, unchanged 1, deleted 0, rejected 0, warnings 0");
  run = run_import_args(
      {"--from", "srt", "--talk", "talk-1", "--db", db_, "--no-progress", fixture("srt/talk.srt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(stored_talk_1().transcript.size(), 3u);
}

TEST_F(TranscriptImport, EmitPrintsTheUpdatedRecordAndWritesNothing) {
  ImportRun run = run_import_args(
      {"--from", "srt", "--talk", "talk-1", "--db", db_, "--emit", fixture("srt/talk.srt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Record> records = test::parse_emitted(run.out);
  const Talk talk = test::talk(records, "talk-1");
  EXPECT_EQ(talk.title, "Notes on the Analytical Engine");
  ASSERT_EQ(talk.transcript.size(), 3u);
  EXPECT_EQ(talk.transcript[2].text, "That's all, thanks.");
  EXPECT_TRUE(stored_talk_1().transcript.empty());
}

TEST_F(TranscriptImport, UnknownTalkIsAClearErrorWithExitOne) {
  ImportRun run = run_import_args(
      {"--from", "vtt", "--talk", "no-such-talk", "--db", db_, fixture("vtt/talk.vtt")});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("no talk with id \"no-such-talk\" in the index"));
  EXPECT_EQ(load_indexed_talk(db_, "no-such-talk").status().code(), StatusCode::kNotFound);
}

TEST_F(TranscriptImport, MalformedFileIsRejectedWithFileAndLine) {
  ImportRun run = run_import_args({"--from", "vtt", "--talk", "talk-1", "--db", db_,
                                   "--no-progress", fixture("vtt/bad_timing.vtt")});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.err, HasSubstr("bad_timing.vtt:7: bad cue timing \"00:12 --> x\""));
  run = run_import_args({"--from", "vtt", "--talk", "talk-1", "--db", db_, "--no-progress",
                         fixture("vtt/not_vtt.vtt")});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.err_lines.size(), 1u) << run.err;
  EXPECT_THAT(run.err_lines[0], HasSubstr("not_vtt.vtt: not a WebVTT file"));
  EXPECT_TRUE(stored_talk_1().transcript.empty());
}

TEST(TranscriptOptions, TalkAndDbAreRequiredAndOnlyForTranscripts) {
  EXPECT_EQ(run_import_args({"--from", "vtt", "--db", "x", "a.vtt"}).exit_code, 2);
  EXPECT_EQ(run_import_args({"--from", "srt", "--talk", "t", "--emit", "a.srt"}).exit_code, 2);
  EXPECT_EQ(run_import_args({"--from", "csv", "--talk", "t", "--emit", "a.csv"}).exit_code, 2);
}

}  // namespace
}  // namespace podium::import
