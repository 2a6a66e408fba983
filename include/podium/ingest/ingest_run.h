// SPDX-License-Identifier: Apache-2.0
// The podium-index program as a library: option parsing and the ingest run, so that tests can
// drive both without a process.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "podium/core/status.h"
#include "podium/ingest/batch_writer.h"

namespace podium::ingest {

// Exit codes of podium-index (and of every Podium command).
inline constexpr int kExitOk = 0;
inline constexpr int kExitRejected = 1;  // some input lines were rejected
inline constexpr int kExitUsage = 2;     // bad command line
inline constexpr int kExitIoError = 3;   // I/O or database error

struct IndexOptions {
  std::string db_dir;              // --db, required
  int shards = 0;                  // --shards N (0: as the directory is)
  bool strict = false;             // --strict
  bool dry_run = false;            // --dry-run
  bool progress = true;            // --no-progress turns the terminal progress bar off
  std::vector<std::string> paths;  // .jsonl, .jsonl.gz files or directories
  bool help = false;
  bool version = false;
};

// Parses `podium-index` arguments (argv[0] is the program name). kInvalidArgument names the
// problem; the caller prints it with usage() and exits with kExitUsage.
Result<IndexOptions> parse_index_options(int argc, const char* const* argv);
std::string index_usage();

// Ingests `options.paths` into `options.db_dir` as one batch. Rejected lines and warnings go to
// `err` as "file:line: field: reason"; the summary line goes to `out`. Returns the exit code.
int run_ingest(const IndexOptions& options, std::ostream& out, std::ostream& err);

}  // namespace podium::ingest
