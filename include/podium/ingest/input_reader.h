// SPDX-License-Identifier: Apache-2.0
// Reading ingest input: expanding paths (files and directories) and reading JSON Lines from
// plain or gzip-compressed files, one bounded line at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "podium/core/record_parser.h"
#include "podium/core/status.h"

namespace podium::ingest {

// Expands each path: a file is taken as it is (whatever its name); a directory is walked
// recursively and every `.jsonl` / `.jsonl.gz` file in it is taken, in name order.
// Fails with kIoError naming the path when it does not exist or cannot be read.
Result<std::vector<std::string>> expand_input_paths(const std::vector<std::string>& paths);

// One line of input. `too_long` is set, and `text` left empty, for a line over `max_bytes`.
struct InputLine {
  std::string text;
  std::size_t number = 0;  // 1-based
  bool too_long = false;
  std::size_t length = 0;  // bytes in the line as read, even when too long
};

// Reads lines from a `.jsonl` or `.jsonl.gz` file (gzip is detected by content, not name).
// Not thread-safe; one reader per file.
class LineReader {
 public:
  static Result<std::unique_ptr<LineReader>> open(const std::string& path, std::size_t max_bytes);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Reads the next line into `line`. Returns false at end of file; a read error gives kIoError.
  Result<bool> next(InputLine& line);
  // Compressed bytes consumed so far, for progress reporting.
  std::uint64_t bytes_read() const;

 private:
  LineReader(void* handle, std::string path, std::size_t max_bytes);
  Status fill();

  void* handle_;  // gzFile; kept opaque so zlib stays out of this header
  std::string path_;
  std::size_t max_bytes_;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::size_t line_number_ = 0;
};

// Calls `visit` with each line of `path` that parse_record() accepts, in order. Lines it rejects
// and lines over `max_bytes` are skipped, as the indexer would reject them: for tools that read
// a corpus (evaluation sets, attribute tables), not for ingest, which reports every rejection.
// kIoError when the file cannot be read.
Status for_each_valid_record(
    const std::string& path, std::size_t max_bytes,
    const std::function<void(const InputLine& line, const ParsedRecord& parsed)>& visit);

}  // namespace podium::ingest
