// SPDX-License-Identifier: Apache-2.0
// Shard directories, the stub file and the placement hash.
#include "podium/ingest/shard_layout.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace podium::ingest {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStubName = "XAPIANDB";

// Written to a temporary file and renamed, so a reader never sees half a stub.
Status write_stub(const std::string& db_dir, int shards) {
  const fs::path stub = fs::path(db_dir) / kStubName;
  const fs::path temporary = fs::path(db_dir) / ".XAPIANDB.tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    // Relative paths: Xapian resolves them against the stub's directory, so DIR can move.
    for (int i = 0; i < shards; ++i) out << "auto " << shard_dir_name(i) << "\n";
    if (!out.flush()) return Status::io_error(temporary.string() + ": cannot write the stub");
  }
  std::error_code ec;
  fs::rename(temporary, stub, ec);
  if (ec) return Status::io_error(stub.string() + ": " + ec.message());
  return Status::ok();
}

}  // namespace

std::string shard_dir_name(int shard) {
  char name[16];
  std::snprintf(name, sizeof name, "shard-%02d", shard);
  return name;
}

int shard_of(std::string_view key, int shards) {
  if (shards <= 1) return 0;
  std::uint64_t hash = 1469598103934665603ULL;
  for (char c : key) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<int>(hash % static_cast<std::uint64_t>(shards));
}

Result<ShardLayout> detect_shard_layout(const std::string& db_dir) {
  ShardLayout layout;
  const fs::path stub = fs::path(db_dir) / kStubName;
  std::error_code ec;
  if (!fs::exists(stub, ec)) return layout;
  std::ifstream in(stub);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::string expected = "auto " + shard_dir_name(layout.shards);
    if (line != expected) {
      return Status::invalid(stub.string() + ": line '" + line + "' is not '" + expected +
                                 "'; this stub was not written by podium-index --shards, so it "
                                 "cannot be written to (search it with podium-search instead)",
                             "db");
    }
    layout.shard_paths.push_back((fs::path(db_dir) / shard_dir_name(layout.shards)).string());
    ++layout.shards;
  }
  if (layout.shards == 0) return Status::invalid(stub.string() + ": lists no shard", "db");
  return layout;
}

Result<ShardLayout> prepare_shard_layout(const std::string& db_dir, int requested) {
  if (requested < 0 || requested > kMaxShards) {
    return Status::invalid("must be between 1 and " + std::to_string(kMaxShards), "shards");
  }
  Result<ShardLayout> existing = detect_shard_layout(db_dir);
  if (!existing.is_ok() || requested == 0) return existing;
  if (existing->shards > 0) {
    if (existing->shards == requested) return existing;
    return Status::invalid(db_dir + " has " + std::to_string(existing->shards) + " shards, not " +
                               std::to_string(requested) +
                               "; the number of shards is fixed when the index is created "
                               "(index into a new directory to re-partition)",
                           "shards");
  }
  std::error_code ec;
  if (fs::exists(db_dir, ec) && !fs::is_empty(db_dir, ec)) {
    return Status::invalid(db_dir + " holds an unsharded index (or other files); --shards " +
                               std::to_string(requested) +
                               " needs a new directory (the number of shards is fixed when the "
                               "index is created)",
                           "shards");
  }
  fs::create_directories(db_dir, ec);
  if (ec) return Status::io_error(db_dir + ": " + ec.message());
  ShardLayout layout;
  for (int i = 0; i < requested; ++i) {
    layout.shard_paths.push_back((fs::path(db_dir) / shard_dir_name(i)).string());
  }
  layout.shards = requested;
  // The stub is written before the shards exist; BatchWriter creates them before it reads.
  if (Status written = write_stub(db_dir, requested); !written.is_ok()) return written;
  return layout;
}

}  // namespace podium::ingest
