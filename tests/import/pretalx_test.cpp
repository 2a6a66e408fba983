// SPDX-License-Identifier: Apache-2.0
// pretalx API pages: speakers and talks pages in one import, bare speaker codes, proposals that
// were never given, and malformed pages (fixtures in tests/testdata/import/pretalx/).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "import_test_util.h"
#include "support/test_util.h"

namespace podium::import::test {
namespace {

std::vector<Record> emit_all_pages(ImportRun* run_out = nullptr) {
  ImportRun run =
      run_import_args({"--from", "pretalx", "--emit", fixture("pretalx/speakers-page1.json"),
                       fixture("pretalx/speakers-page2.json"), fixture("pretalx/talks.json")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  if (run_out != nullptr) *run_out = run;
  return parse_emitted(run.out);
}

TEST(PretalxImport, MapsTalks) {
  const std::vector<Record> records = emit_all_pages();
  const Talk typing = talk(records, "pretalx:T7QXKM");
  EXPECT_EQ(typing.title, "Typing in practice");
  EXPECT_EQ(typing.abstract,
            "Gradual typing in a large codebase.\n\nWe added type hints to 200k lines of code.");
  EXPECT_EQ(typing.speakers, std::vector<std::string>{"pretalx:SPK7AB"});
  EXPECT_EQ(typing.date, "2025-06-01");  // slot.start
  EXPECT_EQ(typing.language, "en");      // content_locale
  // track (a translations object), submission type, tags; "python" repeats "Python".
  EXPECT_EQ(typing.tags, (std::vector<std::string>{"Python", "Talk", "typing"}));

  const Talk workshop = talk(records, "pretalx:W3RTZP");
  EXPECT_EQ(workshop.speakers, (std::vector<std::string>{"pretalx:SPK9CD", "pretalx:SPK4EF"}));
  EXPECT_EQ(workshop.date, "2025-06-01");  // from "slots" (newer API)
  EXPECT_EQ(workshop.language, "de");
  // An expanded tag object gives its name; a bare tag id cannot be resolved and is left out.
  EXPECT_EQ(workshop.tags, (std::vector<std::string>{"Workshop (90 minutes)", "data"}));
}

TEST(PretalxImport, SpeakersFromBothKindsOfPageAreOneRecord) {
  const std::vector<Record> records = emit_all_pages();
  EXPECT_EQ(ids(records, RecordKind::kSpeaker),
            (std::vector<std::string>{"pretalx:SPK7AB", "pretalx:SPK9CD", "pretalx:SPK4EF"}));
  const Speaker ada = speaker(records, "pretalx:SPK7AB");
  EXPECT_EQ(ada.name, "Ada Example");
  EXPECT_EQ(ada.bio, "Writes Python at work and types everything.");
  EXPECT_EQ(ada.formats, std::vector<std::string>{"talk"});
  // Named only by code on the talk; the format still reaches the speaker record.
  EXPECT_EQ(speaker(records, "pretalx:SPK9CD").formats, std::vector<std::string>{"workshop"});
  EXPECT_EQ(speaker(records, "pretalx:SPK4EF").formats, std::vector<std::string>{"workshop"});
}

TEST(PretalxImport, SkipsProposalsThatWereNotGiven) {
  ImportRun run;
  const std::vector<Record> records = emit_all_pages(&run);
  EXPECT_EQ(ids(records, RecordKind::kTalk),
            (std::vector<std::string>{"pretalx:T7QXKM", "pretalx:W3RTZP"}));
  const std::string file = fixture("pretalx/talks.json");
  ASSERT_EQ(run.err_lines.size(), 3u) << run.err;
  EXPECT_EQ(run.err_lines[0], file + ": warning: results[3]: talk has no speakers; skipped");
  EXPECT_EQ(run.err_lines[1],
            file +
                ": warning: results: skipped 1 submission(s) not accepted or confirmed: "
                "rejected");
}

TEST(PretalxImport, TalksPageAloneLeavesCodeOnlySpeakersOut) {
  ImportRun run = run_import_args({"--from", "pretalx", "--emit", fixture("pretalx/talks.json")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Record> records = parse_emitted(run.out);
  // SPK7AB comes with a name on the talk; the other two are only codes.
  EXPECT_EQ(ids(records, RecordKind::kSpeaker), std::vector<std::string>{"pretalx:SPK7AB"});
  EXPECT_EQ(talk(records, "pretalx:W3RTZP").speakers,
            (std::vector<std::string>{"pretalx:SPK9CD", "pretalx:SPK4EF"}));
}

TEST(PretalxImport, TextThatIsNotJsonIsRejectedWithTheParsersPlace) {
  expect_truncated_json_rejected("pretalx", "not a pretalx API page");
}

TEST(PretalxImport, MalformedPagesNameFileAndPlace) {
  const std::string not_page = fixture("pretalx/not_pretalx.json");
  ImportRun run = run_import_args({"--from", "pretalx", "--emit", not_page});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_FALSE(run.err_lines.empty());
  EXPECT_EQ(run.err_lines[0], not_page + ": not a pretalx API page: no \"results\" array");

  const std::string bad = fixture("pretalx/bad_results.json");
  run = run_import_args({"--from", "pretalx", "--emit", bad});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.err_lines.size(), 9u) << run.err;
  run.err_lines.pop_back();
  EXPECT_EQ(run.err_lines,
            (std::vector<std::string>{
                bad + ": results[0]: a result must be an object",
                bad + ": results[1]: neither a talk (no \"title\") nor a speaker (no \"name\")",
                bad + ": results[2]: talk has no \"code\"",
                bad + ": results[3].speakers[0]: must be a speaker object with a \"code\", or a "
                      "code",
                bad + ": warning: results[3]: talk has no speakers; skipped",
                bad + ": results[4]: speaker has no \"code\"",
                bad + ": warning: results[5]: slot.start: \"soon\" is not a date; left out",
                bad + ": warning: results[5]: content_locale: \"elvish\" is not a language code "
                      "or name; left out",
            }));
  EXPECT_EQ(ids(parse_emitted(run.out), RecordKind::kTalk),
            std::vector<std::string>{"pretalx:LOCALE"});
}

}  // namespace
}  // namespace podium::import::test
