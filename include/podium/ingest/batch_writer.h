// SPDX-License-Identifier: Apache-2.0
// Applies one batch of records to the index as a single Xapian transaction: after a crash the
// database holds the state before the batch or after it, never part of it. A sharded index
// commits shard by shard: a crash between two shard commits leaves some shards after the batch
// and the others before it; the next open reports that, and re-running the batch completes it
// (docs/scaling.md, "Writes across shards").
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "podium/core/record_parser.h"
#include "podium/core/records.h"
#include "podium/core/status.h"

namespace podium::ingest {

// Where a record came from, for messages.
struct SourceRef {
  std::string file;
  std::size_t line = 0;
};

// One message about the input: an error (the line was rejected) or a warning (it went in).
struct Diagnostic {
  SourceRef where;
  std::string field;
  std::string message;
  bool is_error = true;
  // "file:line: field: message", the form every tool prints.
  std::string to_string() const;
};

struct BatchOptions {
  bool strict = false;   // any rejected line: commit nothing
  bool dry_run = false;  // validate and report; never write
  // 0: write to what the directory is (a new one becomes one database); N: the directory is,
  // or becomes, N shards (podium/ingest/shard_layout.h). A mismatch is kInvalidArgument.
  int shards = 0;
};

struct BatchSummary {
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t unchanged = 0;
  std::size_t deleted = 0;
  std::size_t rejected = 0;
  std::size_t warnings = 0;
  bool committed = false;
};

class BatchWriterImpl;

// Usage: open(), then add() or reject() per input line, then finish(). Not thread-safe.
// Holds the database's write lock from open() until finish() or destruction; a batch that is
// never finished is discarded.
class BatchWriter {
 public:
  // Opens (creating if needed) the database in `db_dir`; with dry_run, opens it read-only if it
  // exists. kConflict when another writer holds the lock, kIoError for other failures.
  static Result<std::unique_ptr<BatchWriter>> open(const std::string& db_dir, BatchOptions options,
                                                   std::function<void(const Diagnostic&)> sink);
  ~BatchWriter();
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  // Applies a parsed record (inside the open transaction).
  Status add(const ParsedRecord& parsed, const SourceRef& where);
  // Counts a rejected line and reports it.
  void reject(const SourceRef& where, const Status& why);
  // Counts and reports a warning about the input that rejects nothing (e.g. an empty file).
  void warn(const SourceRef& where, const std::string& message);
  // Rebuilds affected speaker documents, reports talks whose speakers are not defined, and
  // commits (unless dry-run, or strict with a rejected line). The summary says whether it did.
  Result<BatchSummary> finish();

 private:
  explicit BatchWriter(std::unique_ptr<BatchWriterImpl> impl);
  std::unique_ptr<BatchWriterImpl> impl_;
};

}  // namespace podium::ingest
