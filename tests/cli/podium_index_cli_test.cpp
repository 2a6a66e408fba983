// SPDX-License-Identifier: Apache-2.0
// Runs the real, built podium-index on temporary directories and checks exit codes, the
// "file:line: field: reason" lines on stderr, the summary line on stdout and the resulting
// index; then hostile inputs, and SIGKILL in the middle of a large batch.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include "podium/core/schema.h"

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium {
namespace {

namespace fs = std::filesystem;
using test::ProcessResult;
using test::TempDir;

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitIoError = 3;

// Runs podium-index with `args`.
ProcessResult podium_index(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {test::bin_path("podium-index")};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult result = test::run_process(argv);
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(result.signal, 0);
  return result;
}

// The summary line without its timing, e.g. "added 9, replaced 0, unchanged 0, deleted 0,
// rejected 0, warnings 0"; a note after the time, like " (dry run: nothing written)", is kept.
// (Parsed by hand: std::regex trips a false -Wmaybe-uninitialized in g++ 12 with sanitizers.)
std::string summary(const std::string& out) {
  const std::string unparsable = "no summary line in: " + out;
  if (out.rfind("added ", 0) != 0 || out.find('\n') != out.size() - 1) return unparsable;
  auto skip_digits = [&out](std::size_t& pos) {
    const std::size_t start = pos;
    while (pos < out.size() && out[pos] >= '0' && out[pos] <= '9') ++pos;
    return pos - start;
  };
  std::size_t pos = out.find("warnings ");
  if (pos == std::string::npos) return unparsable;
  pos += 9;
  if (skip_digits(pos) == 0) return unparsable;
  const std::size_t counts_end = pos;
  // ", <seconds>.<two digits> s"
  if (out.compare(pos, 2, ", ") != 0) return unparsable;
  pos += 2;
  if (skip_digits(pos) == 0 || out[pos] != '.') return unparsable;
  ++pos;
  if (skip_digits(pos) != 2 || out.compare(pos, 2, " s") != 0) return unparsable;
  pos += 2;
  return out.substr(0, counts_end) + out.substr(pos, out.size() - 1 - pos);
}

Xapian::doccount doc_count(const std::string& db_dir) {
  return Xapian::Database(db_dir).get_doccount();
}

std::string stored_data(const std::string& db_dir, RecordKind kind, const std::string& id) {
  Xapian::Database db(db_dir);
  const std::string term = schema::unique_term(kind, id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return "(missing)";
  return db.get_document(*it).get_data();
}

// Every document's data and values by unique-id term.
std::map<std::string, std::string> snapshot(const std::string& db_dir) {
  Xapian::Database db(db_dir);
  std::map<std::string, std::string> out;
  for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
    Xapian::Document doc = db.get_document(*db.postlist_begin(*it));
    std::string state = doc.get_data();
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      state += "\nslot " + std::to_string(v.get_valueno()) + ": " + *v;
    }
    out[*it] = state;
  }
  return out;
}

const char kValidSummary[] = "added 9, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 0";

// ---- Usage -----------------------------------------------------------------------------------

TEST(PodiumIndexCli, MissingDbIsAUsageError) {
  const ProcessResult result = podium_index({test::testdata("valid_small.jsonl")});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("podium-index: the option '--db' is required\n\nUsage: podium-index "
                             "--db DIR [--shards N] [--strict] [--dry-run] PATH...\n",
                             0),
            0u)
      << result.err;
}

TEST(PodiumIndexCli, UsageErrorsExitWithTwo) {
  TempDir dir;
  const std::string db = dir.file("db");
  struct Case {
    std::vector<std::string> args;
    std::string first_line;
  };
  const Case cases[] = {
      {{}, "podium-index: the option '--db' is required"},
      {{"--db", db}, "podium-index: no input PATH given"},
      {{"--db", db, "--frobnicate", test::testdata("valid_small.jsonl")},
       "podium-index: unrecognised option '--frobnicate'"},
      {{"--db"}, "podium-index: the required argument for option '--db' is missing"},
      {{"--db", "", test::testdata("valid_small.jsonl")},
       "podium-index: the option '--db' is required"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::PrintToString(c.args));
    const ProcessResult result = podium_index(c.args);
    EXPECT_EQ(result.exit_code, kExitUsage);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err.substr(0, result.err.find('\n')), c.first_line);
    EXPECT_NE(result.err.find("\nUsage: podium-index --db DIR"), std::string::npos) << result.err;
  }
  EXPECT_FALSE(fs::exists(db));
}

TEST(PodiumIndexCli, HelpAndVersion) {
  const ProcessResult help = podium_index({"--help"});
  EXPECT_EQ(help.exit_code, kExitOk);
  EXPECT_EQ(help.out.rfind("Usage: podium-index --db DIR", 0), 0u) << help.out;
  EXPECT_EQ(help.err, "");
  const ProcessResult version = podium_index({"--version"});
  EXPECT_EQ(version.exit_code, kExitOk);
  EXPECT_EQ(version.out, "podium-index " PODIUM_VERSION "\n");
}

// ---- Good input ------------------------------------------------------------------------------

TEST(PodiumIndexCli, IngestsAValidFile) {
  TempDir dir;
  const std::string db = dir.file("db");
  const ProcessResult result = podium_index({"--db", db, test::testdata("valid_small.jsonl")});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(summary(result.out), kValidSummary);
  EXPECT_EQ(doc_count(db), 9u);
}

TEST(PodiumIndexCli, ReingestingTheSameFileChangesNothing) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string input = test::testdata("valid_small.jsonl");
  ASSERT_EQ(podium_index({"--db", db, input}).exit_code, kExitOk);
  const auto before = snapshot(db);

  const ProcessResult again = podium_index({"--db", db, input});
  EXPECT_EQ(again.exit_code, kExitOk);
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(summary(again.out),
            "added 0, replaced 0, unchanged 9, deleted 0, rejected 0, warnings 0");
  EXPECT_EQ(doc_count(db), 9u);
  EXPECT_EQ(snapshot(db), before);
}

TEST(PodiumIndexCli, ReadsGzipInputLikePlain) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string gz = dir.file("valid_small.jsonl.gz");
  test::write_gzip_file(gz, test::read_file(test::testdata("valid_small.jsonl")));
  const ProcessResult result = podium_index({"--db", db, gz});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(summary(result.out), kValidSummary);
  EXPECT_EQ(doc_count(db), 9u);

  const ProcessResult plain = podium_index({"--db", db, test::testdata("valid_small.jsonl")});
  EXPECT_EQ(summary(plain.out),
            "added 0, replaced 0, unchanged 9, deleted 0, rejected 0, warnings 0");
}

TEST(PodiumIndexCli, ReadsDirectoriesInNameOrder) {
  TempDir dir;
  const std::string db = dir.file("db");
  const ProcessResult result = podium_index({"--db", db, test::testdata("dir_input")});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_EQ(result.err, "");
  // 03-updates.jsonl comes after 02-people/speakers.jsonl, so its version of the speaker wins;
  // README.txt and 04-skipped.json are not read.
  EXPECT_EQ(summary(result.out),
            "added 3, replaced 1, unchanged 0, deleted 0, rejected 0, warnings 0");
  EXPECT_EQ(doc_count(db), 3u);
  EXPECT_EQ(stored_data(db, RecordKind::kSpeaker, "dir-speaker"),
            R"({"communities":["dir-community"],"id":"dir-speaker","kind":"speaker",)"
            R"("name":"Second Version"})");
  EXPECT_EQ(stored_data(db, RecordKind::kCommunity, "skipped"), "(missing)");
}

TEST(PodiumIndexCli, AcceptsCrlfLineEnds) {
  TempDir dir;
  const std::string db = dir.file("db");
  const ProcessResult result =
      podium_index({"--db", db, test::testdata("bad/crlf_line_ends.jsonl")});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(summary(result.out),
            "added 3, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 0");
  EXPECT_EQ(doc_count(db), 3u);
  EXPECT_EQ(stored_data(db, RecordKind::kCommunity, "crlf-community"),
            R"({"id":"crlf-community","kind":"community","name":"CRLF Community"})");
}

TEST(PodiumIndexCli, EmptyFileIsAWarning) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string empty = test::testdata("bad/empty.jsonl");
  const ProcessResult result = podium_index({"--db", db, empty});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_EQ(result.err, empty + ": warning: file is empty\n");
  EXPECT_EQ(summary(result.out),
            "added 0, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 1");
  EXPECT_EQ(doc_count(db), 0u);
}

// ---- Bad input -------------------------------------------------------------------------------

struct BadFileCase {
  std::string file;     // under tests/testdata/bad/; line 1 is valid, line 2 is not
  std::string problem;  // what stderr says after "file:2: "
};

TEST(PodiumIndexCli, RejectsEachKindOfBadLineNamingFileLineAndField) {
  const BadFileCase cases[] = {
      {"invalid_json.jsonl",
       "invalid JSON: parse error at line 1, column 45: syntax error while parsing value - "
       "unexpected '}'; expected '[', '{', or a literal"},
      {"missing_required.jsonl", "title: is required"},
      {"wrong_type.jsonl", "remote: must be true or false"},
      {"bad_id.jsonl", "id: must match [A-Za-z0-9._:-]{1,128}"},
      {"bad_date.jsonl", "date: must be a date YYYY-MM-DD"},
      {"bad_country.jsonl",
       R"(location.country: must be an ISO 3166-1 alpha-2 code in upper case, e.g. "DE")"},
      {"bad_language.jsonl", R"(languages[1]: must be a BCP-47 code, e.g. "en")"},
      {"bad_url.jsonl", "url: must be an http(s) URL"},
      {"bad_enum.jsonl",
       "formats[1]: must be one of keynote, talk, workshop, panel, podcast, interview, "
       "mentoring"},
      {"too_long_name.jsonl", "name: must be 1..200 characters (got 201)"},
      {"nul_escape.jsonl", "name: must not contain a NUL character"},
      {"invalid_utf8.jsonl", "line is not valid UTF-8"},
      {"deep_nesting.jsonl", "JSON is nested deeper than 32 levels"},
  };
  for (const BadFileCase& c : cases) {
    SCOPED_TRACE(c.file);
    TempDir dir;
    const std::string db = dir.file("db");
    const std::string input = test::testdata("bad/" + c.file);
    const ProcessResult result = podium_index({"--db", db, input});
    EXPECT_EQ(result.exit_code, kExitRejected);
    EXPECT_EQ(result.err, input + ":2: " + c.problem + "\n");
    EXPECT_EQ(summary(result.out),
              "added 1, replaced 0, unchanged 0, deleted 0, rejected 1, warnings 0");
    // The valid first line went in.
    EXPECT_EQ(doc_count(db), 1u);
    EXPECT_EQ(stored_data(db, RecordKind::kCommunity, "ok-community"),
              R"({"id":"ok-community","kind":"community","name":"OK Community"})");
  }
}

TEST(PodiumIndexCli, ReportsRejectsOfSeveralFilesInOneRun) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string bad_id = test::testdata("bad/bad_id.jsonl");
  const std::string bad_url = test::testdata("bad/bad_url.jsonl");
  const std::string empty = test::testdata("bad/empty.jsonl");
  const ProcessResult result =
      podium_index({"--db", db, test::testdata("valid_small.jsonl"), bad_id, empty, bad_url});
  EXPECT_EQ(result.exit_code, kExitRejected);
  EXPECT_EQ(result.err, bad_id + ":2: id: must match [A-Za-z0-9._:-]{1,128}\n" + empty +
                            ": warning: file is empty\n" + bad_url +
                            ":2: url: must be an http(s) URL\n");
  // ok-community comes twice: the second time it is unchanged.
  EXPECT_EQ(summary(result.out),
            "added 10, replaced 0, unchanged 1, deleted 0, rejected 2, warnings 1");
  EXPECT_EQ(doc_count(db), 10u);
}

TEST(PodiumIndexCli, StrictRejectsTheWholeBatch) {
  TempDir dir;
  const std::string db = dir.file("db");
  ASSERT_EQ(podium_index({"--db", db, test::testdata("bad/crlf_line_ends.jsonl")}).exit_code,
            kExitOk);
  const auto before = snapshot(db);

  const std::string bad_id = test::testdata("bad/bad_id.jsonl");
  const ProcessResult result =
      podium_index({"--db", db, "--strict", test::testdata("valid_small.jsonl"), bad_id});
  EXPECT_EQ(result.exit_code, kExitRejected);
  EXPECT_EQ(result.err, bad_id + ":2: id: must match [A-Za-z0-9._:-]{1,128}\n");
  EXPECT_EQ(summary(result.out),
            "added 10, replaced 0, unchanged 0, deleted 0, rejected 1, warnings 0 (--strict: "
            "nothing committed because lines were rejected)");
  EXPECT_EQ(snapshot(db), before);

  const ProcessResult clean =
      podium_index({"--db", db, "--strict", test::testdata("valid_small.jsonl")});
  EXPECT_EQ(clean.exit_code, kExitOk);
  EXPECT_EQ(summary(clean.out), kValidSummary);
  EXPECT_EQ(doc_count(db), 12u);
}

TEST(PodiumIndexCli, DryRunWritesNothing) {
  TempDir dir;
  const std::string db = dir.file("db");
  const ProcessResult result =
      podium_index({"--db", db, "--dry-run", test::testdata("valid_small.jsonl")});
  EXPECT_EQ(result.exit_code, kExitOk);
  EXPECT_EQ(result.err, "");
  EXPECT_EQ(summary(result.out), std::string(kValidSummary) + " (dry run: nothing written)");
  EXPECT_FALSE(fs::exists(db));

  // Against an existing index: reports what would change, changes nothing.
  ASSERT_EQ(podium_index({"--db", db, test::testdata("bad/crlf_line_ends.jsonl")}).exit_code,
            kExitOk);
  const auto before = snapshot(db);
  const std::string bad_id = test::testdata("bad/bad_id.jsonl");
  const ProcessResult existing =
      podium_index({"--db", db, "--dry-run", test::testdata("valid_small.jsonl"), bad_id});
  EXPECT_EQ(existing.exit_code, kExitRejected);
  EXPECT_EQ(existing.err, bad_id + ":2: id: must match [A-Za-z0-9._:-]{1,128}\n");
  EXPECT_EQ(summary(existing.out),
            "added 10, replaced 0, unchanged 0, deleted 0, rejected 1, warnings 0 (dry run: "
            "nothing written)");
  EXPECT_EQ(snapshot(db), before);
}

// ---- Hostile input ---------------------------------------------------------------------------

TEST(PodiumIndexCli, RejectsA50MegabyteLineAndReadsTheNextLine) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string input = dir.file("huge_line.jsonl");
  constexpr std::size_t kLineBytes = 50u << 20;
  const std::string kNextLine = R"({"kind": "community", "id": "after", "name": "After"})";
  {
    std::ofstream out(input, std::ios::binary);
    const std::string head = R"({"kind": "speaker", "id": "huge", "name": ")";
    const std::string tail = R"("})";
    out << head;
    const std::string chunk(1 << 20, 'n');
    std::size_t left = kLineBytes - head.size() - tail.size();
    while (left > 0) {
      const std::size_t n = std::min(left, chunk.size());
      out.write(chunk.data(), static_cast<std::streamsize>(n));
      left -= n;
    }
    out << tail << "\n" << kNextLine << "\n";
  }
  ASSERT_EQ(fs::file_size(input), kLineBytes + 1 + kNextLine.size() + 1);
  const ProcessResult result = podium_index({"--db", db, input});
  EXPECT_EQ(result.exit_code, kExitRejected);
  EXPECT_EQ(result.err, input + ":1: line is longer than the 4 MiB limit (52428800 bytes)\n");
  EXPECT_EQ(summary(result.out),
            "added 1, replaced 0, unchanged 0, deleted 0, rejected 1, warnings 0");
  EXPECT_EQ(doc_count(db), 1u);
  EXPECT_EQ(stored_data(db, RecordKind::kCommunity, "after"),
            R"({"id":"after","kind":"community","name":"After"})");
}

TEST(PodiumIndexCli, RejectsRawNulBytes) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string input = dir.file("nul.jsonl");
  using namespace std::string_literals;
  test::write_file(input,
                   "{\"kind\": \"community\", \"id\": \"c1\", \"name\": \"One\"}\n"
                   "{\"kind\": \"speaker\", \"id\": \"n\", \"name\": \"A\0B\"}\n"
                   "\0\0\0\n"
                   "{\"kind\": \"community\", \"id\": \"c2\", \"name\": \"Two\"}\n"s);
  const ProcessResult result = podium_index({"--db", db, input});
  EXPECT_EQ(result.exit_code, kExitRejected);
  EXPECT_EQ(result.err,
            input + ":2: line contains a NUL byte\n" + input + ":3: line contains a NUL byte\n");
  EXPECT_EQ(summary(result.out),
            "added 2, replaced 0, unchanged 0, deleted 0, rejected 2, warnings 0");
  EXPECT_EQ(doc_count(db), 2u);
}

TEST(PodiumIndexCli, BinaryGarbageIsRejectedLineByLine) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string input = dir.file("garbage.jsonl");
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 131 + 7) % 256);
  test::write_file(input, garbage);
  const ProcessResult result = podium_index({"--db", db, input});
  EXPECT_EQ(result.exit_code, kExitRejected);
  for (const std::string& line : test::split_lines(result.err)) {
    EXPECT_EQ(line.rfind(input + ":", 0), 0u) << line;
  }
  EXPECT_EQ(doc_count(db), 0u);
}

TEST(PodiumIndexCli, MissingInputIsAnIoErrorAndWritesNothing) {
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string missing = dir.file("missing.jsonl");
  const ProcessResult result =
      podium_index({"--db", db, test::testdata("valid_small.jsonl"), missing});
  EXPECT_EQ(result.exit_code, kExitIoError);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "podium-index: " + missing + ": no such file or directory\n");
  EXPECT_FALSE(fs::exists(db));
}

TEST(PodiumIndexCli, TruncatedGzipIsAnIoErrorAndCommitsNothing) {
  TempDir dir;
  const std::string db = dir.file("db");
  std::string content;
  for (int i = 0; i < 3000; ++i) {
    content +=
        R"({"kind": "community", "id": "c)" + std::to_string(i) + R"(", "name": "C"})" + "\n";
  }
  const std::string whole = dir.file("whole.jsonl.gz");
  test::write_gzip_file(whole, content);
  const std::string bytes = test::read_file(whole);
  const std::string cut = dir.file("cut.jsonl.gz");
  test::write_file(cut, bytes.substr(0, bytes.size() / 2));

  const ProcessResult result = podium_index({"--db", db, cut});
  EXPECT_EQ(result.exit_code, kExitIoError);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "podium-index: " + cut +
                            ": read error: compressed data ends early (truncated file); nothing "
                            "was committed\n");
  EXPECT_EQ(doc_count(db), 0u);
}

TEST(PodiumIndexCli, UnwritableDatabaseLocationIsAnIoError) {
  TempDir dir;
  const std::string regular_file = dir.file("not-a-directory");
  test::write_file(regular_file, "x");
  const std::string db = regular_file + "/db";
  const ProcessResult result = podium_index({"--db", db, test::testdata("valid_small.jsonl")});
  EXPECT_EQ(result.exit_code, kExitIoError);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("podium-index: " + db + ": cannot open the index for writing: ", 0),
            0u)
      << result.err;
}

TEST(PodiumIndexCli, UnreadableDirectoryIsAnIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  TempDir dir;
  const std::string db = dir.file("db");
  const std::string locked = dir.file("locked");
  fs::create_directories(locked + "/inner");
  test::write_file(locked + "/inner/a.jsonl", R"({"kind": "community", "id": "c", "name": "C"})");
  fs::permissions(locked + "/inner", fs::perms::none);
  const ProcessResult result = podium_index({"--db", db, locked});
  fs::permissions(locked + "/inner", fs::perms::owner_all);
  EXPECT_EQ(result.exit_code, kExitIoError);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("podium-index: " + locked + ": cannot read directory: ", 0), 0u)
      << result.err;
  EXPECT_FALSE(fs::exists(db));
}

// ---- Atomicity under SIGKILL -----------------------------------------------------------------

constexpr int kGeneratedSpeakers = 5000;
constexpr int kGeneratedTalks = 30000;

// A large batch: new speakers and talks, plus a new version of one speaker of valid_small.jsonl.
void write_large_batch(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < kGeneratedSpeakers; ++i) {
    out << R"({"kind": "speaker", "id": "gen-s)" << i << R"(", "name": "Generated Speaker )" << i
        << R"(", "topics": ["topic)" << i % 50 << R"("], "languages": ["en"]})"
        << "\n";
  }
  for (int i = 0; i < kGeneratedTalks; ++i) {
    out << R"({"kind": "talk", "id": "gen-t)" << i << R"(", "title": "Generated talk )" << i
        << R"( on pipelines and models", "abstract": "Words about streaming, monitoring and )"
        << R"(feature stores, number )" << i << R"(.", "speakers": ["gen-s)"
        << i % kGeneratedSpeakers << R"("], "date": "2024-01-01", "tags": ["tag)" << i % 97
        << R"("]})"
        << "\n";
  }
  out << R"({"kind": "speaker", "id": "ada-okafor", "name": "Ada Okafor, new version"})"
      << "\n";
}

TEST(PodiumIndexCli, KillAtAnyMomentLeavesTheOldOrTheNewState) {
  TempDir dir;
  const std::string large = dir.file("large.jsonl");
  write_large_batch(large);
  const Xapian::doccount old_count = 9;
  const Xapian::doccount new_count = 9 + kGeneratedSpeakers + kGeneratedTalks;
  const std::string new_ada =
      R"({"id":"ada-okafor","kind":"speaker","name":"Ada Okafor, new version"})";

  std::string last_db;
  for (const int delay_ms : {50, 200, 500, 1000}) {
    SCOPED_TRACE("killed after " + std::to_string(delay_ms) + " ms");
    const std::string db = dir.file("db-" + std::to_string(delay_ms));
    ASSERT_EQ(podium_index({"--db", db, test::testdata("valid_small.jsonl")}).exit_code, kExitOk);
    const auto before = snapshot(db);
    ASSERT_EQ(before.size(), old_count);

    test::ChildProcess child({test::bin_path("podium-index"), "--db", db, "--no-progress", large},
                             dir.file("out.txt"), dir.file("err.txt"));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    child.kill(SIGKILL);
    const int status = child.wait();
    // Normally killed mid-batch; if the machine was fast enough to finish, it must have
    // finished cleanly.
    if (!WIFSIGNALED(status)) {
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == kExitOk);
    }

    const Xapian::doccount count = doc_count(db);
    EXPECT_TRUE(count == old_count || count == new_count) << "doc count " << count;
    // Which state this run saw, for the XML report (either is right).
    ::testing::Test::RecordProperty("state_after_" + std::to_string(delay_ms) + "ms",
                                    count == old_count ? "old" : "new");
    if (count == old_count) {
      EXPECT_EQ(snapshot(db), before);
    } else {
      EXPECT_EQ(stored_data(db, RecordKind::kSpeaker, "ada-okafor"), new_ada);
      EXPECT_EQ(stored_data(db, RecordKind::kSpeaker, "gen-s4999"),
                R"({"id":"gen-s4999","kind":"speaker","languages":["en"],)"
                R"("name":"Generated Speaker 4999","topics":["topic49"]})");
    }
    // The earlier data is there either way.
    const auto after = snapshot(db);
    for (const char* term : {"Qcommunity:pipeline-people", "Qtalk:t3-joint", "Qspeaker:chen:wei"}) {
      ASSERT_TRUE(after.contains(term)) << term;
      EXPECT_EQ(after.at(term), before.at(term)) << term;
    }
    // And the next writer can open the index: no lock or damage is left behind.
    const ProcessResult next = podium_index({"--db", db, test::testdata("dir_input")});
    EXPECT_EQ(next.exit_code, kExitOk) << next.err;
    EXPECT_EQ(doc_count(db), count + 3);
    last_db = db;
  }

  // The complete new state is reachable: the batch run to its end gives exactly new_count.
  const ProcessResult full = podium_index({"--db", last_db, "--no-progress", large});
  EXPECT_EQ(full.exit_code, kExitOk) << full.err;
  EXPECT_EQ(doc_count(last_db), new_count + 3);
  EXPECT_EQ(stored_data(last_db, RecordKind::kSpeaker, "ada-okafor"), new_ada);
}

}  // namespace
}  // namespace podium
