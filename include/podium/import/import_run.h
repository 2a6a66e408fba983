// SPDX-License-Identifier: Apache-2.0
// `podium-index import` as a library: option parsing and the import run, so tests can drive both
// without a process. Imported records go through the same parse_record() validation and the same
// BatchWriter transaction as any JSON Lines batch, with the same exit codes and summary line.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "podium/core/status.h"
#include "podium/import/importers.h"

namespace podium::import {

struct ImportOptions {
  Format format = Format::kCsv;  // --from, required
  bool emit = false;             // --emit: write JSON Lines to stdout instead of indexing
  std::string db_dir;            // --db, required unless --emit
  bool strict = false;           // --strict: any rejected item, nothing is committed/emitted
  bool dry_run = false;          // --dry-run: validate against the index, write nothing
  bool progress = true;          // --no-progress turns the terminal progress bar off
  bool merge_by_name = false;    // --merge-by-name
  // --map column=field (CSV only), in the order given.
  std::vector<std::pair<std::string, std::string>> column_map;
  // --talk ID (vtt, srt only, required there): the indexed talk the transcript belongs to. These
  // formats read the talk from --db, so there --db is required with --emit too (read-only).
  std::string talk_id;
  std::vector<std::string> paths;
  bool help = false;
  bool version = false;
};

// Parses the arguments of `podium-index import` (argv[0] is "import"). kInvalidArgument names the
// problem; the caller prints it with import_usage() and exits with kExitUsage.
Result<ImportOptions> parse_import_options(int argc, const char* const* argv);
std::string import_usage();

// Runs one import. Rejected items and warnings go to `err` as "file[:line]: place: reason". With
// `emit`, the validated JSON Lines go to `out` and a count to `err`; otherwise the records are
// indexed as one batch and the ingest summary line goes to `out`. Returns the exit code
// (podium/ingest/ingest_run.h): 0 ok, 1 items rejected (or, for vtt/srt, no talk with that id in
// the index), 3 unreadable input or database error.
int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err);

// The whole `podium-index import` command: parse, --help/--version, run. Returns the exit code.
int import_command(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace podium::import
