// SPDX-License-Identifier: Apache-2.0
// Sessionize "All Data": sessions, speakers, categories as tags / formats / language, custom
// question answers, and malformed exports (fixtures in tests/testdata/import/sessionize/).
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "import_test_util.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::import::test {
namespace {

constexpr const char* kInes = "sessionize:6d2b1f0e-1c9a-4c55-8f6e-0a1b2c3d4e5f";
constexpr const char* kTomasz = "sessionize:a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";

std::vector<Record> emit_all_data() {
  ImportRun run =
      run_import_args({"--from", "sessionize", "--emit", fixture("sessionize/all-data.json")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err_lines.size(), 1u) << run.err;  // only the count: nothing to warn about
  return parse_emitted(run.out);
}

TEST(SessionizeImport, MapsSessions) {
  const std::vector<Record> records = emit_all_data();
  // The service session (lunch) is not a talk.
  EXPECT_EQ(ids(records, RecordKind::kTalk),
            (std::vector<std::string>{"sessionize:412345", "sessionize:412347"}));
  const Talk operators = talk(records, "sessionize:412345");
  EXPECT_EQ(operators.title, "Kubernetes operators from scratch");
  EXPECT_EQ(operators.abstract, "We write an operator in Go, step by step.");
  EXPECT_EQ(operators.speakers, std::vector<std::string>{kInes});
  EXPECT_EQ(operators.date, "2025-10-15");
  EXPECT_EQ(operators.video, "https://www.youtube.com/watch?v=abc123");
  EXPECT_EQ(operators.slides, "https://slides.example.org/operators");  // "Link to slides"
  // "Session format: Workshop" is a format, not a tag; "Level" and "Track" stay tags.
  EXPECT_EQ(operators.tags, (std::vector<std::string>{"Advanced", "Cloud Native"}));

  const Talk observability = talk(records, "sessionize:412347");
  EXPECT_EQ(observability.speakers, (std::vector<std::string>{kInes, kTomasz}));
  EXPECT_EQ(observability.language, "de");  // the "Language" category: "German"
  // "Session" names no format, so it stays a tag.
  EXPECT_EQ(observability.tags, (std::vector<std::string>{"Session", "Introductory and overview"}));
}

TEST(SessionizeImport, MapsSpeakers) {
  const std::vector<Record> records = emit_all_data();
  const Speaker ines = speaker(records, kInes);
  EXPECT_EQ(ines.name, "Ines García");
  EXPECT_EQ(ines.bio, "Platform engineer who likes operators.");
  EXPECT_EQ(ines.headline, "Platform engineer at Example GmbH");   // tagLine
  EXPECT_EQ(ines.pronouns, "she/her");                             // question "Your pronouns"
  EXPECT_EQ(ines.affiliation, "Example GmbH");                     // question "Company"
  EXPECT_EQ(ines.topics, std::vector<std::string>{"Kubernetes"});  // speaker category
  EXPECT_EQ(ines.formats, std::vector<std::string>{"workshop"});   // from her workshop session
  EXPECT_EQ(ines.links, (std::vector<std::pair<std::string, std::string>>{
                            {"my-podcast", "https://podcast.example.org"},
                            {"twitter", "https://twitter.com/ines_example"},
                            {"website", "https://example.com"}}));
  // firstName + lastName when fullName is empty.
  EXPECT_EQ(speaker(records, kTomasz).name, "Tomasz Przykład");
}

TEST(SessionizeImport, NeverImportsSelfIdentification) {
  ImportRun run =
      run_import_args({"--from", "sessionize", "--emit", fixture("sessionize/all-data.json")});
  // The fixture answers a "Gender" question; only the speaker may give self_id, with consent.
  EXPECT_EQ(run.out.find("self_id"), std::string::npos);
  EXPECT_EQ(run.out.find("woman"), std::string::npos);
  EXPECT_FALSE(speaker(parse_emitted(run.out), kInes).self_id.has_value());
}

TEST(SessionizeImport, AFolderIsReadWithoutItsHiddenFiles) {
  podium::test::TempDir dir;
  std::filesystem::create_directories(dir.path() / ".cache");
  podium::test::write_file(dir.file("all-data.json"),
                           podium::test::read_file(fixture("sessionize/all-data.json")));
  podium::test::write_file(dir.file(".cache/old.json"), "not json");  // an editor's or a tool's
  podium::test::write_file(dir.file("._all-data.json"), "\x00\x05");  // macOS resource fork
  ImportRun run = run_import_args({"--from", "sessionize", "--emit", dir.path().string()});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_FALSE(parse_emitted(run.out).empty());
}

TEST(SessionizeImport, TextThatIsNotJsonIsRejectedWithTheParsersPlace) {
  expect_truncated_json_rejected("sessionize", "not a Sessionize \"All Data\" export");
}

TEST(SessionizeImport, MalformedExportsNameFileAndPlace) {
  const std::string not_export = fixture("sessionize/not_sessionize.json");
  ImportRun run = run_import_args({"--from", "sessionize", "--emit", not_export});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_FALSE(run.err_lines.empty());
  EXPECT_EQ(run.err_lines[0], not_export +
                                  ": not a Sessionize \"All Data\" export: no \"sessions\" and "
                                  "\"speakers\" arrays");

  const std::string bad = fixture("sessionize/bad.json");
  run = run_import_args({"--from", "sessionize", "--emit", bad});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.err_lines.size(), 9u) << run.err;
  run.err_lines.pop_back();
  EXPECT_EQ(run.err_lines,
            (std::vector<std::string>{
                bad + ": warning: speakers[0].links[0]: url: \"not a url\" is not an http(s) URL; "
                      "left out",
                bad + ": speakers[1]: speaker has no \"id\"",
                bad + ": speakers[2]: speaker has no \"fullName\", \"firstName\" or \"lastName\"",
                bad + ": sessions[0].title: must be a string",
                bad + ": warning: sessions[1].categoryItems[0]: no category item with id 123456 "
                      "in \"categories\"; ignored",
                bad + ": sessions[2]: session has no \"id\"",
                bad + ": warning: sessions[3]: session has no speakers; skipped",
                bad + ": sessions[4]: a session must be an object",
            }));
}

}  // namespace
}  // namespace podium::import::test
