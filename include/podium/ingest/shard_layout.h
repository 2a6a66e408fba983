// SPDX-License-Identifier: Apache-2.0
// How an index directory is split into shards. A sharded index DIR holds the databases
// DIR/shard-00, DIR/shard-01, ... and Xapian's stub file DIR/XAPIANDB listing them, so that
// opening DIR (with Xapian or podium-search) opens every shard as one database.
//
// Records are placed by speaker (see docs/scaling.md, "Partitioning"): a speaker profile goes
// to shard_of(speaker id), a talk to the shard of its first speaker, a community listing to
// shard_of("community:" + id). The number of shards is fixed when the directory is created.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "podium/core/status.h"

namespace podium::ingest {

inline constexpr int kMaxShards = 100;

struct ShardLayout {
  // 0: DIR is one plain database (or does not exist yet); N >= 1: DIR is a stub over N shards.
  int shards = 0;
  std::vector<std::string> shard_paths;  // absolute-or-as-given DIR/shard-NN, in stub order
};

// "shard-07" for 7.
std::string shard_dir_name(int shard);
// The shard (0 .. shards-1) a placement key belongs to: a stable hash (FNV-1a, 64 bit), so
// the same id lands in the same shard on every machine and every run.
int shard_of(std::string_view key, int shards);

// What DIR is now. kInvalidArgument when DIR/XAPIANDB exists but is not a Podium shard stub.
Result<ShardLayout> detect_shard_layout(const std::string& db_dir);

// The layout to write with. `requested`: 0 keeps what DIR has (a new DIR becomes one plain
// database); N >= 1 asks for N shards, which creates the shards and the stub when DIR is new or
// empty. Asking for a different number than an existing DIR has is kInvalidArgument, and says
// so: re-partitioning means indexing into a new directory.
Result<ShardLayout> prepare_shard_layout(const std::string& db_dir, int requested);

}  // namespace podium::ingest
