// SPDX-License-Identifier: Apache-2.0
// pyvideo/data checkouts: events, videos, name-slug speaker ids, what is skipped, and malformed
// video files (fixtures in tests/testdata/import/pyvideo/).
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "import_test_util.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::import::test {
namespace {

std::vector<Record> emit_checkout(ImportRun* run_out = nullptr) {
  ImportRun run = run_import_args({"--from", "pyvideo", "--emit", fixture("pyvideo/checkout")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  if (run_out != nullptr) *run_out = run;
  return parse_emitted(run.out);
}

TEST(PyvideoImport, MapsVideosToTalks) {
  const std::vector<Record> records = emit_checkout();
  const Talk keynote = talk(records, "pyvideo:pycon-demo-2024:keynote-the-future-of-python");
  EXPECT_EQ(keynote.title, "Keynote: The future of Python");
  EXPECT_EQ(keynote.abstract, "Where Python is going next.\n\nA keynote.");
  EXPECT_EQ(keynote.event, "PyCon Demo 2024");  // category.json
  EXPECT_EQ(keynote.date, "2024-05-17");        // recorded
  EXPECT_EQ(keynote.language, "en");            // "eng"
  EXPECT_EQ(keynote.tags, (std::vector<std::string>{"keynote", "Python"}));
  EXPECT_EQ(keynote.video, "https://www.youtube.com/watch?v=keynote2024");
  EXPECT_EQ(keynote.slides, "https://speakerdeck.com/example/the-future");  // related_urls
  EXPECT_EQ(keynote.speakers, std::vector<std::string>{"lukasz-langa"});

  const Talk async = talk(records, "pyvideo:pycon-demo-2024:async-in-practice");
  EXPECT_EQ(async.abstract, "Async code that stays readable.");  // summary, description empty
  EXPECT_EQ(async.language, "es");
  EXPECT_EQ(async.slides, "https://slides.example.org/async.pdf");  // a bare related URL
  EXPECT_EQ(async.speakers, (std::vector<std::string>{"andrew-3d30471e", "lukasz-langa"}));

  const Talk orm = talk(records, "pyvideo:djangocon-demo-2023:orm-tips");
  EXPECT_EQ(orm.event, "DjangoCon Demo 2023");
  EXPECT_EQ(orm.video, "https://vimeo.com/12345");
}

TEST(PyvideoImport, SpeakersAreNameSlugsAndSpellingsMeet) {
  const std::vector<Record> records = emit_checkout();
  EXPECT_EQ(ids(records, RecordKind::kSpeaker),
            (std::vector<std::string>{"zoe-lindqvist", "andrew-3d30471e", "lukasz-langa"}));
  // "Lukasz Langa" and "Łukasz Langa" are one slug; the first spelling read wins a tie.
  EXPECT_EQ(speaker(records, "lukasz-langa").name, "Lukasz Langa");
  EXPECT_EQ(speaker(records, "andrew-3d30471e").name, "\u674e\u6cd3\u65fb Andrew");
}

TEST(PyvideoImport, VideosWithoutANamedSpeakerAreSkippedWithOneWarning) {
  ImportRun run;
  const std::vector<Record> records = emit_checkout(&run);
  EXPECT_EQ(ids(records, RecordKind::kTalk).size(), 3u);  // not the lightning talks
  ASSERT_EQ(run.err_lines.size(), 2u) << run.err;
  EXPECT_EQ(run.err_lines[0],
            fixture("pyvideo/checkout/pycon-demo-2024/videos/lightning-talks-friday.json") +
                ": warning: 1 video(s) without a named speaker were skipped, this one the first");
}

TEST(PyvideoImport, IgnoresHiddenFolders) {
  podium::test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "ev" / "videos");
  std::filesystem::create_directories(dir.path() / ".git" / "ev" / "videos");
  podium::test::write_file(dir.file("ev/category.json"), R"({"title": "Ev"})");
  podium::test::write_file(dir.file("ev/videos/a.json"), R"({"title": "A", "speakers": ["Ann"]})");
  podium::test::write_file(dir.file(".git/ev/videos/b.json"), "not json");
  ImportRun run = run_import_args({"--from", "pyvideo", "--emit", dir.path().string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(ids(parse_emitted(run.out), RecordKind::kTalk),
            std::vector<std::string>{"pyvideo:ev:a"});
}

TEST(PyvideoImport, MalformedVideoFilesNameTheFile) {
  const std::string root = fixture("pyvideo/bad-checkout");
  ImportRun run = run_import_args({"--from", "pyvideo", "--emit", root});
  EXPECT_EQ(run.exit_code, 1);
  const std::string event = root + "/broken-event/videos/";
  ASSERT_EQ(run.err_lines.size(), 7u) << run.err;
  run.err_lines.pop_back();
  EXPECT_EQ(
      run.err_lines,
      (std::vector<std::string>{
          event + "bad-speaker.json: speakers[0]: must be a name (a string)",
          event + "bad-speaker.json: warning: recorded: \"2023-02-30\" is not a date; left out",
          event + "list.json: not a pyvideo video file: not a JSON object",
          event + "no-title.json: not a pyvideo video file: no \"title\" string",
          event + "truncated.json: not a pyvideo video file: not valid JSON: parse error at "
                  "line 2, column 1: syntax error while parsing array - unexpected end of "
                  "input; expected ']'",
          root + "/no-category: warning: no category.json; the event is named after its "
                 "folder",
      }));
  const std::vector<Record> records = parse_emitted(run.out);
  EXPECT_EQ(talk(records, "pyvideo:broken-event:bad-speaker").speakers,
            std::vector<std::string>{"real-name"});
  EXPECT_EQ(talk(records, "pyvideo:no-category:orphan").event, "no-category");
}

TEST(PyvideoImport, AFolderWithoutVideosIsNotACheckout) {
  podium::test::TempDir dir;
  podium::test::write_file(dir.file("notes.json"), "{}");
  ImportRun run = run_import_args({"--from", "pyvideo", "--emit", dir.path().string()});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_FALSE(run.err_lines.empty());
  EXPECT_EQ(run.err_lines[0], dir.path().string() +
                                  ": not a pyvideo data checkout: no <event>/videos/*.json files "
                                  "in it");
}

}  // namespace
}  // namespace podium::import::test
