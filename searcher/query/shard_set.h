// SPDX-License-Identifier: Apache-2.0
// Opening a sharded index: the shards a stub lists, local or remote, as one Xapian database.
// Podium reads the stub itself (rather than letting Xapian open it) so that remote shards get
// the configured timeouts, and so that with allow_partial the shards that answer can be
// searched without the ones that do not (docs/scaling.md).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "podium/core/status.h"

namespace podium::search {

// One line of a stub, in Xapian's stub syntax (docs/overview.rst, "Stub database files"):
// "auto PATH" (or "glass PATH", "chert PATH"), "remote HOST:PORT" (xapian-tcpsrv) or
// "remote :PROGRAM ARGS..." (xapian-progsrv, e.g. over ssh).
struct ShardSpec {
  enum class Kind { kLocal, kTcp, kProgram };
  Kind kind = Kind::kLocal;
  std::string path;     // kLocal: the database (relative paths resolved against the stub)
  std::string host;     // kTcp
  unsigned port = 0;    // kTcp
  std::string program;  // kProgram
  std::string args;     // kProgram
  std::string name;     // for messages: the path, "HOST:PORT" or the program line
};

struct RemoteTimeouts {
  int timeout_ms = 10000;          // each remote operation; Xapian raises NetworkTimeoutError
  int connect_timeout_ms = 10000;  // opening the connection
};

// The shards behind `path`: a directory with a XAPIANDB stub, a stub file, or one plain
// database (one local shard). kInvalidArgument names a stub line Podium cannot read.
Result<std::vector<ShardSpec>> read_shard_specs(const std::string& path);
// The stub's text (empty for a plain database): it changes when the shards change, e.g. when
// xapian-replicate switches a replica to a fresh full copy.
std::string stub_signature(const std::string& path);
bool has_remote_shard(const std::vector<ShardSpec>& specs);

// Opens every shard as one database. Throws Xapian::Error (NetworkError for a remote shard
// that does not answer within the timeouts, DatabaseOpeningError for a local one).
Xapian::Database open_shards(const std::vector<ShardSpec>& specs, const RemoteTimeouts& timeouts);

struct ReachableShards {
  Xapian::Database db;               // the shards that opened, in stub order
  std::vector<std::string> missing;  // names of those that did not
};
// Tries every shard at once (so a partial answer waits one timeout, not one per shard) and
// combines those that open.
ReachableShards open_reachable_shards(const std::vector<ShardSpec>& specs,
                                      const RemoteTimeouts& timeouts);

}  // namespace podium::search
