// SPDX-License-Identifier: Apache-2.0
// `podium-index import` end to end: options, indexing into a real on-disk Xapian database in a
// temporary directory (re-import changes nothing), --emit, --strict, --dry-run, --merge-by-name,
// exit codes, and the real program's dispatch of `import`.
#include "podium/import/import_run.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include "podium/core/schema.h"

#include "import_test_util.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::import::test {
namespace {

using podium::test::TempDir;

struct UsageCase {
  std::vector<std::string> args;
  std::string message;
};

TEST(ImportOptions, BadUsageExitsWithTwoAndSaysWhy) {
  const UsageCase cases[] = {
      {{"x.csv"},
       "the option '--from' is required (frab, pretalx, sessionize, pyvideo, csv, vtt, srt)"},
      {{"--from", "xml", "--emit", "x"},
       "--from: unknown format 'xml' (frab, pretalx, sessionize, pyvideo, csv, vtt, srt)"},
      {{"--from", "csv", "x.csv"}, "the option '--db' is required (or --emit)"},
      {{"--from", "csv", "--emit", "--db", "d", "x.csv"},
       "--emit writes to stdout; it takes no '--db'"},
      {{"--from", "csv", "--emit", "--dry-run", "x.csv"},
       "--emit writes no index, so --dry-run has nothing to hold back"},
      {{"--from", "frab", "--emit", "--map", "a=name", "x"}, "--map applies to --from csv only"},
      {{"--from", "csv", "--emit", "--map", "nonsense", "x"},
       "--map 'nonsense': expected COLUMN=FIELD"},
      {{"--from", "csv", "--emit", "--map", "Size=shoe", "x"},
       "--map 'Size=shoe': unknown field 'shoe' (fields: id, name, pronouns, headline, bio, "
       "topics, languages, city, country, affiliation, formats, remote, website, github, "
       "linkedin, mastodon, twitter, bluesky, travel, communities, updated, email)"},
      {{"--from", "csv", "--emit"}, "no input PATH given"},
      {{"--from", "csv", "--emit", "--bogus", "x"}, "unrecognised option '--bogus'"},
  };
  for (const auto& c : cases) {
    ImportRun run = run_import_args(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.message;
    ASSERT_FALSE(run.err_lines.empty());
    EXPECT_EQ(run.err_lines[0], "podium-index import: " + c.message);
    EXPECT_NE(run.err.find("Usage: podium-index import"), std::string::npos);
  }
}

TEST(ImportOptions, ParsesEveryOption) {
  const char* argv[] = {"import",   "--from",          "csv",           "--db",           "idx",
                        "--strict", "--dry-run",       "--map",         "Full name=name", "--map",
                        "Notes=",   "--merge-by-name", "--no-progress", "a.csv",          "b"};
  Result<ImportOptions> options = parse_import_options(static_cast<int>(std::size(argv)), argv);
  ASSERT_OK(options);
  EXPECT_EQ(options->format, Format::kCsv);
  EXPECT_EQ(options->db_dir, "idx");
  EXPECT_FALSE(options->emit);
  EXPECT_TRUE(options->strict);
  EXPECT_TRUE(options->dry_run);
  EXPECT_TRUE(options->merge_by_name);
  EXPECT_FALSE(options->progress);
  EXPECT_EQ(options->column_map, (std::vector<std::pair<std::string, std::string>>{
                                     {"Full name", "name"}, {"Notes", ""}}));
  EXPECT_EQ(options->paths, (std::vector<std::string>{"a.csv", "b"}));
}

TEST(ImportOptions, HelpGoesToStdout) {
  ImportRun run = run_import_args({"--help"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("--merge-by-name"), std::string::npos);
}

struct FormatCase {
  const char* format;
  std::vector<std::string> files;  // under tests/testdata/import/
  std::size_t records;
  std::size_t warnings;  // on the first run (undefined speakers are warned again each run)
};

const std::vector<FormatCase>& format_cases() {
  static const std::vector<FormatCase> cases = {
      {"frab", {"frab/schedule.json", "frab/pretalx-schedule.json"}, 8, 2},
      {"frab", {"frab/schedule.xml"}, 6, 2},
      {"pretalx",
       {"pretalx/speakers-page1.json", "pretalx/speakers-page2.json", "pretalx/talks.json"},
       5,
       2},
      {"sessionize", {"sessionize/all-data.json"}, 4, 0},
      {"pyvideo", {"pyvideo/checkout"}, 6, 1},
      {"csv", {"csv/speakers.csv"}, 3, 0},
  };
  return cases;
}

std::vector<std::string> import_args(const FormatCase& c, const std::string& db) {
  std::vector<std::string> args = {"--from", c.format, "--db", db};
  for (const auto& file : c.files) args.push_back(fixture(file));
  return args;
}

TEST(ImportRun, ReimportChangesNothing) {
  for (const auto& c : format_cases()) {
    TempDir dir;
    const std::string db = dir.file("index");
    ImportRun first = run_import_args(import_args(c, db));
    EXPECT_EQ(first.exit_code, 0) << c.format << "\n" << first.err;
    EXPECT_EQ(counts(first.out), "added " + std::to_string(c.records) +
                                     ", replaced 0, unchanged 0, deleted 0, rejected 0, warnings " +
                                     std::to_string(c.warnings))
        << c.format;
    ImportRun second = run_import_args(import_args(c, db));
    EXPECT_EQ(second.exit_code, 0) << c.format << "\n" << second.err;
    EXPECT_EQ(counts(second.out), "added 0, replaced 0, unchanged " + std::to_string(c.records) +
                                      ", deleted 0, rejected 0, warnings " +
                                      std::to_string(c.warnings))
        << c.format;
  }
}

TEST(ImportRun, RecordsLandInTheIndexUnderTheirIds) {
  TempDir dir;
  const std::string db = dir.file("index");
  ImportRun run = run_import_args({"--from", "frab", "--db", db, fixture("frab/schedule.json")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Xapian::Database index(db);
  EXPECT_EQ(index.get_doccount(), 6u);
  EXPECT_TRUE(index.term_exists(schema::unique_term(RecordKind::kTalk, "frab:democonf26:101")));
  EXPECT_TRUE(index.term_exists(schema::unique_term(RecordKind::kSpeaker, "frab:democonf26:7")));
}

TEST(ImportRun, EmitAndIndexAgreeOnWhatIsRejected) {
  TempDir dir;
  ImportRun emitted = run_import_args({"--from", "csv", "--emit", fixture("csv/bad_rows.csv")});
  ImportRun indexed =
      run_import_args({"--from", "csv", "--db", dir.file("index"), fixture("csv/bad_rows.csv")});
  EXPECT_EQ(emitted.exit_code, 1);
  EXPECT_EQ(indexed.exit_code, 1);
  EXPECT_EQ(counts(indexed.out),
            "added 1, replaced 0, unchanged 0, deleted 0, rejected 5, warnings 1");
  // The same messages, in the same order, whichever way the records go.
  emitted.err_lines.pop_back();
  EXPECT_EQ(emitted.err_lines, indexed.err_lines);
}

TEST(ImportRun, StrictCommitsNothingWhenAnItemIsRejected) {
  TempDir dir;
  const std::string db = dir.file("index");
  ImportRun run = run_import_args({"--from", "csv", "--db", db, "--strict",
                                   fixture("csv/speakers.csv"), fixture("csv/bad_rows.csv")});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("(--strict: nothing committed because items were rejected)"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 0u);

  ImportRun emitted = run_import_args({"--from", "csv", "--emit", "--strict",
                                       fixture("csv/speakers.csv"), fixture("csv/bad_rows.csv")});
  EXPECT_EQ(emitted.exit_code, 1);
  EXPECT_EQ(emitted.out, "");
  EXPECT_EQ(emitted.err_lines.back(), "emitted nothing (--strict: 5 items rejected)");
}

TEST(ImportRun, DryRunWritesNothing) {
  TempDir dir;
  const std::string db = dir.file("index");
  ASSERT_EQ(run_import_args({"--from", "csv", "--db", db, fixture("csv/speakers.csv")}).exit_code,
            0);
  const Xapian::rev revision = Xapian::Database(db).get_revision();
  ImportRun run =
      run_import_args({"--from", "frab", "--db", db, "--dry-run", fixture("frab/schedule.json")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  // The summary says what the import would do.
  EXPECT_EQ(counts(run.out), "added 6, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 2");
  EXPECT_NE(run.out.find("(dry run: nothing written)"), std::string::npos);
  Xapian::Database index(db);
  EXPECT_EQ(index.get_revision(), revision);
  EXPECT_EQ(index.get_doccount(), 3u);
}

TEST(ImportRun, MissingInputExitsWithThree) {
  TempDir dir;
  const std::string missing = dir.file("nope.json");
  ImportRun run = run_import_args({"--from", "frab", "--db", dir.file("index"), missing});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err_lines, std::vector<std::string>{"podium-index import: " + missing +
                                                    ": no such file or directory"});
  EXPECT_FALSE(std::filesystem::exists(dir.file("index")));
}

TEST(ImportRun, UnreadableInputExitsWithThreeAndCommitsNothing) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files without read permission";
  TempDir dir;
  const std::string locked = dir.file("locked.csv");
  podium::test::write_file(locked, "id,name\na,Ann Example\n");
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  const std::string db = dir.file("index");
  ImportRun run =
      run_import_args({"--from", "csv", "--db", db, fixture("csv/speakers.csv"), locked});
  EXPECT_EQ(run.exit_code, 3);
  ASSERT_EQ(run.err_lines.size(), 1u) << run.err;
  EXPECT_NE(run.err_lines[0].find("; nothing was committed"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(ImportRun, AnInputThatCannotBeReadStopsTheRun) {
  // /dev/null is no regular file: reading it as a whole fails, for root too (unlike chmod).
  TempDir dir;
  const std::string db = dir.file("index");
  ImportRun run =
      run_import_args({"--from", "csv", "--db", db, fixture("csv/speakers.csv"), "/dev/null"});
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err_lines,
            std::vector<std::string>{"podium-index import: /dev/null: cannot read: Operation not "
                                     "supported; nothing was committed"});
  EXPECT_EQ(run.out, "");
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(ImportRun, DirectoryWithoutFilesOfTheFormatIsRejected) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "empty");
  ImportRun run = run_import_args({"--from", "csv", "--emit", dir.file("empty")});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_FALSE(run.err_lines.empty());
  EXPECT_EQ(run.err_lines[0],
            dir.file("empty") + ": a directory with no files of this format in it");
}

TEST(ImportRun, DirectoriesAreWalkedForTheFormatsFiles) {
  ImportRun run = run_import_args({"--from", "sessionize", "--emit", fixture("sessionize")});
  // all-data.json, bad.json and not_sessionize.json, in name order.
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(counts(run.err_lines.back()), "emitted 3 speakers, 3 talks, rejected 6, warnings 3");
}

TEST(ImportRun, SameNameInTwoSourcesStaysApartWithoutMergeByName) {
  ImportRun frab = run_import_args({"--from", "frab", "--emit", fixture("frab/schedule.json")});
  ImportRun csv = run_import_args({"--from", "csv", "--emit", fixture("csv/speakers.csv")});
  // Zoë Lindqvist is in both; only ids could say it is one person, and they differ.
  EXPECT_EQ(speaker(parse_emitted(frab.out), "frab:democonf26:7").name, "Zoë Lindqvist");
  EXPECT_EQ(speaker(parse_emitted(csv.out), "zoe-lindqvist").name, "Zoë Lindqvist");
}

TEST(ImportRun, MergeByNameKeysSpeakersByTheirNameSlug) {
  ImportRun run = run_import_args(
      {"--from", "frab", "--emit", "--merge-by-name", fixture("frab/schedule.json")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Record> records = parse_emitted(run.out);
  EXPECT_EQ(ids(records, RecordKind::kSpeaker),
            (std::vector<std::string>{"zoe-lindqvist", "amara-okonkwo", "nguyen-thi-mai"}));
  EXPECT_EQ(talk(records, "frab:democonf26:102").speakers,
            (std::vector<std::string>{"zoe-lindqvist", "amara-okonkwo"}));
  EXPECT_EQ(speaker(records, "zoe-lindqvist").bio, "Security researcher and fuzzing enthusiast.");
}

TEST(ImportRun, MergeByNameJoinsRecordsThatMeet) {
  // Two persons with different frab ids but one name: with --merge-by-name they are one speaker.
  TempDir dir;
  podium::test::write_file(dir.file("s.json"), R"({"schedule": {"conference": {
    "acronym": "x", "title": "X", "days": [{"date": "2026-01-01", "rooms": {"R": [
      {"id": 1, "title": "One", "type": "talk", "persons": [{"id": 1, "public_name": "Ann Example"}]},
      {"id": 2, "title": "Two", "type": "workshop",
       "persons": [{"id": 2, "public_name": "ann  example", "biography": "Bio."}]}]}}]}}})");
  ImportRun apart = run_import_args({"--from", "frab", "--emit", dir.file("s.json")});
  EXPECT_EQ(ids(parse_emitted(apart.out), RecordKind::kSpeaker),
            (std::vector<std::string>{"frab:x:1", "frab:x:2"}));
  ImportRun merged =
      run_import_args({"--from", "frab", "--emit", "--merge-by-name", dir.file("s.json")});
  const std::vector<Record> records = parse_emitted(merged.out);
  EXPECT_EQ(ids(records, RecordKind::kSpeaker), std::vector<std::string>{"ann-example"});
  const Speaker ann = speaker(records, "ann-example");
  EXPECT_EQ(ann.name, "Ann Example");
  EXPECT_EQ(ann.bio, "Bio.");
  EXPECT_EQ(ann.formats, (std::vector<std::string>{"talk", "workshop"}));
}

TEST(ImportRun, NoProgressBarWhenStderrIsNotATerminal) {
  ImportRun run = run_import_args({"--from", "pyvideo", "--emit", fixture("pyvideo/checkout")});
  EXPECT_EQ(run.err.find('\r'), std::string::npos);
}

TEST(ImportCli, PodiumIndexDispatchesImport) {
  const std::string program = podium::test::bin_path("podium-index");
  podium::test::ProcessResult run = podium::test::run_process(
      {program, "import", "--from", "csv", "--emit", fixture("csv/speakers.csv")});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(podium::test::split_lines(run.out).size(), 3u);
  EXPECT_EQ(parse_emitted(run.out).size(), 3u);

  run = podium::test::run_process({program, "import"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("podium-index import: the option '--from' is required", 0), 0u)
      << run.err;
}

}  // namespace
}  // namespace podium::import::test
