// SPDX-License-Identifier: Apache-2.0
// Tests of input reading: plain and gzip files, line ends, the per-line size limit, and the
// expansion of directories into input files.
#include "podium/ingest/input_reader.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <sys/resource.h>

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::ingest {
namespace {

using test::TempDir;

struct Line {
  std::string text;
  std::size_t number;
  bool too_long;
  std::size_t length;
  bool operator==(const Line&) const = default;
};

void PrintTo(const Line& line, std::ostream* out) {
  *out << "{#" << line.number << " \"" << line.text.substr(0, 40) << "\" too_long=" << line.too_long
       << " length=" << line.length << "}";
}

// Every line of `path`, read with a limit of `max_bytes`.
std::vector<Line> read_all(const std::string& path, std::size_t max_bytes) {
  std::vector<Line> out;
  Result<std::unique_ptr<LineReader>> reader = LineReader::open(path, max_bytes);
  EXPECT_OK(reader);
  if (!reader.is_ok()) return out;
  InputLine line;
  while (true) {
    Result<bool> more = (*reader)->next(line);
    EXPECT_OK(more);
    if (!more.is_ok() || !*more) break;
    out.push_back({line.text, line.number, line.too_long, line.length});
  }
  return out;
}

TEST(LineReader, ReadsPlainFile) {
  TempDir dir;
  const std::string path = dir.file("plain.jsonl");
  test::write_file(path, "{\"a\": 1}\n{\"b\": 2}\n\n{\"c\": 3}\n");
  EXPECT_EQ(read_all(path, 1024), (std::vector<Line>{{"{\"a\": 1}", 1, false, 8},
                                                     {"{\"b\": 2}", 2, false, 8},
                                                     {"", 3, false, 0},
                                                     {"{\"c\": 3}", 4, false, 8}}));
}

TEST(LineReader, ReadsGzipFileLikeThePlainOne) {
  TempDir dir;
  const std::string content = test::read_file(test::testdata("valid_small.jsonl"));
  const std::string gz = dir.file("valid_small.jsonl.gz");
  test::write_gzip_file(gz, content);
  const std::vector<Line> plain = read_all(test::testdata("valid_small.jsonl"), 1 << 20);
  ASSERT_EQ(plain.size(), 9u);
  EXPECT_EQ(read_all(gz, 1 << 20), plain);
}

TEST(LineReader, DetectsGzipByContentNotName) {
  TempDir dir;
  const std::string path = dir.file("looks-plain.jsonl");
  test::write_gzip_file(path, "one\ntwo\n");
  EXPECT_EQ(read_all(path, 1024), (std::vector<Line>{{"one", 1, false, 3}, {"two", 2, false, 3}}));
}

TEST(LineReader, StripsCarriageReturnOfCrlfLines) {
  const std::vector<Line> lines = read_all(test::testdata("bad/crlf_line_ends.jsonl"), 1024);
  ASSERT_EQ(lines.size(), 3u);
  for (const Line& line : lines) {
    EXPECT_FALSE(line.text.empty());
    EXPECT_NE(line.text.back(), '\r') << line.text;
    EXPECT_EQ(line.text.back(), '}') << line.text;
  }
  EXPECT_EQ(lines[2].number, 3u);
}

TEST(LineReader, ReadsLastLineWithoutNewline) {
  TempDir dir;
  const std::string path = dir.file("no-final-newline.jsonl");
  test::write_file(path, "first\nlast");
  EXPECT_EQ(read_all(path, 1024),
            (std::vector<Line>{{"first", 1, false, 5}, {"last", 2, false, 4}}));
  test::write_file(path, "first\r\nlast\r");
  EXPECT_EQ(read_all(path, 1024),
            (std::vector<Line>{{"first", 1, false, 6}, {"last", 2, false, 5}}));
}

TEST(LineReader, EmptyFileHasNoLines) {
  EXPECT_TRUE(read_all(test::testdata("bad/empty.jsonl"), 1024).empty());
  TempDir dir;
  const std::string gz = dir.file("empty.jsonl.gz");
  test::write_gzip_file(gz, "");
  EXPECT_TRUE(read_all(gz, 1024).empty());
}

TEST(LineReader, ReportsTooLongLineAndReadsTheNextOne) {
  TempDir dir;
  const std::string path = dir.file("long.jsonl");
  test::write_file(path, "short\n" + std::string(100, 'x') + "\n" + std::string(16, 'y') + "\n" +
                             std::string(17, 'z') + "\nafter\n");
  EXPECT_EQ(read_all(path, 16), (std::vector<Line>{{"short", 1, false, 5},
                                                   {"", 2, true, 100},
                                                   {std::string(16, 'y'), 3, false, 16},
                                                   {"", 4, true, 17},
                                                   {"after", 5, false, 5}}));
}

TEST(LineReader, TooLongLineSpanningManyReadsIsSkippedWhole) {
  // 3 MiB in one line: far more than one 256 KiB read of the reader, and the 1 MiB limit.
  TempDir dir;
  const std::string long_line(3 << 20, 'x');
  const std::string content = "{\"first\": 1}\n" + long_line + "\n{\"next\": 2}\n" + long_line;
  const std::vector<Line> expected = {{"{\"first\": 1}", 1, false, 12},
                                      {"", 2, true, long_line.size()},
                                      {"{\"next\": 2}", 3, false, 11},
                                      {"", 4, true, long_line.size()}};
  const std::string plain = dir.file("long.jsonl");
  test::write_file(plain, content);
  EXPECT_EQ(read_all(plain, 1 << 20), expected);
  const std::string gz = dir.file("long.jsonl.gz");
  test::write_gzip_file(gz, content);
  EXPECT_EQ(read_all(gz, 1 << 20), expected);
}

long max_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(LineReader, DoesNotHoldATooLongLineInMemory) {
  // A 64 MiB line read with a 1 MiB limit: the reader's peak memory stays near the limit.
  TempDir dir;
  const std::string path = dir.file("huge.jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 64; ++i) out << chunk;
    out << "\n{\"after\": true}\n";
  }
  const long before = max_rss_kib();
  const std::vector<Line> lines = read_all(path, 1 << 20);
  const long grown_kib = max_rss_kib() - before;
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].too_long);
  EXPECT_EQ(lines[0].length, std::size_t{64} << 20);
  EXPECT_EQ(lines[1].text, "{\"after\": true}");
  EXPECT_LT(grown_kib, 16 * 1024) << "peak memory grew by " << grown_kib << " KiB";
}

TEST(LineReader, OpenFailsForMissingFileAndDirectory) {
  TempDir dir;
  const std::string missing = dir.file("missing.jsonl");
  Result<std::unique_ptr<LineReader>> reader = LineReader::open(missing, 1024);
  ASSERT_FALSE(reader.is_ok());
  EXPECT_EQ(reader.status().code(), StatusCode::kIoError);
  EXPECT_EQ(reader.status().message(), missing + ": cannot open: No such file or directory");

  Result<std::unique_ptr<LineReader>> directory = LineReader::open(dir.path().string(), 1024);
  ASSERT_FALSE(directory.is_ok());
  EXPECT_EQ(directory.status().code(), StatusCode::kIoError);
  EXPECT_EQ(directory.status().message(), dir.path().string() + ": is a directory");
}

TEST(LineReader, TruncatedGzipIsAReadError) {
  TempDir dir;
  const std::string whole = dir.file("whole.jsonl.gz");
  std::string content;
  for (int i = 0; i < 2000; ++i) content += "{\"line\": " + std::to_string(i) + "}\n";
  test::write_gzip_file(whole, content);
  const std::string bytes = test::read_file(whole);
  const std::string cut = dir.file("cut.jsonl.gz");
  test::write_file(cut, bytes.substr(0, bytes.size() / 2));

  Result<std::unique_ptr<LineReader>> reader = LineReader::open(cut, 1024);
  ASSERT_OK(reader);
  InputLine line;
  Status error;
  for (int i = 0; i < 10000 && error.is_ok(); ++i) {
    Result<bool> more = (*reader)->next(line);
    if (!more.is_ok()) {
      error = more.status();
    } else if (!*more) {
      break;
    }
  }
  EXPECT_EQ(error.code(), StatusCode::kIoError);
  EXPECT_EQ(error.message(), cut + ": read error: compressed data ends early (truncated file)");
}

TEST(ExpandInputPaths, WalksDirectoriesInNameOrderTakingOnlyJsonlFiles) {
  const std::string root = test::testdata("dir_input");
  Result<std::vector<std::string>> files = expand_input_paths({root});
  ASSERT_OK(files);
  EXPECT_EQ(*files, (std::vector<std::string>{
                        root + "/01-communities.jsonl", root + "/02-people/later/talks.jsonl",
                        root + "/02-people/speakers.jsonl", root + "/03-updates.jsonl"}));
}

TEST(ExpandInputPaths, TakesGzipFilesAndSkipsOtherNames) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "b" / "deeper");
  std::filesystem::create_directories(dir.path() / "a.jsonl");  // a directory, not a file
  for (const char* name : {"c.jsonl.gz", "b/deeper/z.jsonl", "b/a.jsonl", "a.jsonl/in.jsonl",
                           "notes.txt", "data.json", "x.jsonl.bak", "y.gz", "jsonl"}) {
    test::write_file(dir.file(name), "{}\n");
  }
  Result<std::vector<std::string>> files = expand_input_paths({dir.path().string()});
  ASSERT_OK(files);
  const std::string root = dir.path().string();
  EXPECT_EQ(*files, (std::vector<std::string>{root + "/a.jsonl/in.jsonl", root + "/b/a.jsonl",
                                              root + "/b/deeper/z.jsonl", root + "/c.jsonl.gz"}));
}

TEST(ExpandInputPaths, KeepsFilesAsGivenWhateverTheirNameAndInArgumentOrder) {
  TempDir dir;
  test::write_file(dir.file("z.txt"), "{}\n");
  test::write_file(dir.file("a.jsonl"), "{}\n");
  Result<std::vector<std::string>> files =
      expand_input_paths({dir.file("z.txt"), dir.file("a.jsonl"), dir.file("z.txt")});
  ASSERT_OK(files);
  EXPECT_EQ(*files,
            (std::vector<std::string>{dir.file("z.txt"), dir.file("a.jsonl"), dir.file("z.txt")}));
}

TEST(ExpandInputPaths, MissingPathIsAnIoErrorNamingIt) {
  TempDir dir;
  const std::string missing = dir.file("nowhere.jsonl");
  Result<std::vector<std::string>> files =
      expand_input_paths({test::testdata("valid_small.jsonl"), missing});
  ASSERT_FALSE(files.is_ok());
  EXPECT_EQ(files.status().code(), StatusCode::kIoError);
  EXPECT_EQ(files.status().message(), missing + ": no such file or directory");
}

TEST(ExpandInputPaths, EmptyDirectoryGivesNoFiles) {
  TempDir dir;
  Result<std::vector<std::string>> files = expand_input_paths({dir.path().string()});
  ASSERT_OK(files);
  EXPECT_TRUE(files->empty());
}

TEST(ForEachValidRecord, VisitsTheRecordsTheIndexerWouldTakeWithTheirLineNumbers) {
  TempDir dir;
  const std::string path = dir.file("corpus.jsonl");
  test::write_file(path,
                   "{\"kind\": \"speaker\", \"id\": \"ada\", \"name\": \"Ada\"}\n"
                   "not json\n"
                   "{\"kind\": \"talk\", \"id\": \"t1\"}\n"  // no title or speakers
                   "{\"kind\": \"talk\", \"id\": \"t2\", \"title\": \"Parsing\", "
                   "\"speakers\": [\"ada\"]}\n" +
                       std::string(300, 'x') + "\n");
  std::vector<std::pair<std::size_t, std::string>> seen;  // (line, id)
  const Status status =
      for_each_valid_record(path, 256, [&](const InputLine& line, const ParsedRecord& parsed) {
        if (const auto* speaker = std::get_if<Speaker>(&parsed.record)) {
          seen.emplace_back(line.number, speaker->id);
        } else if (const auto* talk = std::get_if<Talk>(&parsed.record)) {
          seen.emplace_back(line.number, talk->id);
        }
      });
  ASSERT_OK(status);
  EXPECT_EQ(seen, (std::vector<std::pair<std::size_t, std::string>>{{1, "ada"}, {4, "t2"}}));
}

TEST(ForEachValidRecord, AnUnreadableFileIsAnIoError) {
  TempDir dir;
  int visits = 0;
  const Status status = for_each_valid_record(
      dir.file("missing.jsonl"), 256, [&](const InputLine&, const ParsedRecord&) { ++visits; });
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_EQ(visits, 0);
}

}  // namespace
}  // namespace podium::ingest
