// SPDX-License-Identifier: Apache-2.0
// Stub parsing and shard opening with timeouts.
#include "shard_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <sstream>

namespace podium::search {
namespace {

namespace fs = std::filesystem;

// The stub file behind `path`, or "" when `path` is a plain database.
std::string stub_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    const fs::path stub = fs::path(path) / "XAPIANDB";
    return fs::exists(stub, ec) ? stub.string() : std::string();
  }
  return fs::is_regular_file(path, ec) ? path : std::string();
}

Result<ShardSpec> parse_stub_line(const std::string& line, const fs::path& base,
                                  const std::string& where) {
  std::istringstream words(line);
  std::string type;
  words >> type;
  std::string rest;
  std::getline(words >> std::ws, rest);
  ShardSpec spec;
  if (type == "auto" || type == "glass" || type == "chert") {
    if (rest.empty()) return Status::invalid(where + ": '" + type + "' needs a path", "db");
    spec.path = fs::path(rest).is_absolute() ? rest : (base / rest).string();
    spec.name = rest;
    return spec;
  }
  if (type == "remote") {
    spec.name = rest;
    if (!rest.empty() && rest[0] == ':') {
      spec.kind = ShardSpec::Kind::kProgram;
      const std::size_t space = rest.find(' ');
      spec.program = rest.substr(1, space == std::string::npos ? std::string::npos : space - 1);
      if (space != std::string::npos) spec.args = rest.substr(space + 1);
      return spec;
    }
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) {
      return Status::invalid(where + ": '" + line + "' is not 'remote HOST:PORT'", "db");
    }
    spec.kind = ShardSpec::Kind::kTcp;
    spec.host = rest.substr(0, colon);
    try {
      const unsigned long port = std::stoul(rest.substr(colon + 1));
      if (port == 0 || port > 65535) throw std::out_of_range("port");
      spec.port = static_cast<unsigned>(port);
    } catch (const std::exception&) {
      return Status::invalid(where + ": bad port in '" + line + "'", "db");
    }
    return spec;
  }
  return Status::invalid(
      where + ": unknown database type '" + type + "' (expected auto, glass, chert or remote)",
      "db");
}

Xapian::Database open_one(const ShardSpec& spec, const RemoteTimeouts& timeouts) {
  switch (spec.kind) {
    case ShardSpec::Kind::kTcp:
      return Xapian::Remote::open(spec.host, spec.port,
                                  static_cast<useconds_t>(timeouts.timeout_ms),
                                  static_cast<useconds_t>(timeouts.connect_timeout_ms));
    case ShardSpec::Kind::kProgram:
      return Xapian::Remote::open(spec.program, spec.args,
                                  static_cast<useconds_t>(timeouts.timeout_ms));
    case ShardSpec::Kind::kLocal:
      break;
  }
  return Xapian::Database(spec.path);
}

}  // namespace

Result<std::vector<ShardSpec>> read_shard_specs(const std::string& path) {
  const std::string stub = stub_file(path);
  if (stub.empty()) {
    ShardSpec plain;
    plain.path = path;
    plain.name = path;
    return std::vector<ShardSpec>{plain};
  }
  std::ifstream in(stub);
  if (!in) return Status(StatusCode::kUnavailable, stub + ": cannot read the stub");
  std::vector<ShardSpec> specs;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    line.erase(0, line.find_first_not_of(" \t"));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.pop_back();
    }
    if (line.empty() || line[0] == '#') continue;
    Result<ShardSpec> spec =
        parse_stub_line(line, fs::path(stub).parent_path(), stub + ":" + std::to_string(number));
    if (!spec.is_ok()) return spec.status();
    specs.push_back(std::move(spec).value());
  }
  if (specs.empty()) return Status(StatusCode::kUnavailable, stub + ": the stub lists no shard");
  return specs;
}

std::string stub_signature(const std::string& path) {
  const std::string stub = stub_file(path);
  if (stub.empty()) return {};
  std::ifstream in(stub);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool has_remote_shard(const std::vector<ShardSpec>& specs) {
  return std::any_of(specs.begin(), specs.end(),
                     [](const ShardSpec& s) { return s.kind != ShardSpec::Kind::kLocal; });
}

Xapian::Database open_shards(const std::vector<ShardSpec>& specs, const RemoteTimeouts& timeouts) {
  Xapian::Database db;
  for (const auto& spec : specs) db.add_database(open_one(spec, timeouts));
  return db;
}

ReachableShards open_reachable_shards(const std::vector<ShardSpec>& specs,
                                      const RemoteTimeouts& timeouts) {
  std::vector<std::future<std::optional<Xapian::Database>>> attempts;
  for (const auto& spec : specs) {
    attempts.push_back(
        std::async(std::launch::async, [&spec, &timeouts]() -> std::optional<Xapian::Database> {
          try {
            Xapian::Database db = open_one(spec, timeouts);
            (void)db.get_doccount();
            return db;
          } catch (const Xapian::Error&) {
            return std::nullopt;
          }
        }));
  }
  ReachableShards out;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    std::optional<Xapian::Database> shard = attempts[i].get();
    if (shard) {
      out.db.add_database(*shard);
    } else {
      out.missing.push_back(specs[i].name);
    }
  }
  return out;
}

}  // namespace podium::search
