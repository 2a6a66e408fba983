// SPDX-License-Identifier: Apache-2.0
// The podium-search program as a library: `podium-search [query options] QUERY...` prints
// ranked speakers; `podium-search serve ...` runs the HTTP API.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "podium/core/status.h"
#include "podium/http/server.h"

namespace podium::cli {

struct SearchCliOptions {
  bool serve = false;
  std::string db_path;  // --db (a directory or a stub file)
  // --remote-timeout-ms, --spelling-db (sharded indexes with remote shards; both modes).
  int remote_timeout_ms = 5000;
  std::string spelling_db;
  // Query mode.
  int k = 10;
  bool json = false;
  std::string query;  // the QUERY words joined by spaces
  // Serve mode.
  http::ServerOptions server;
  bool help = false;
  bool version = false;
};

// Parses arguments (argv[0] is the program name); kInvalidArgument names the problem.
Result<SearchCliOptions> parse_search_cli(int argc, const char* const* argv);
std::string search_cli_usage();

// Query mode: prints rank, name, headline and top evidence per speaker (or the API's JSON).
// Returns the exit code: 0 ok, 1 bad query, 3 index cannot be opened.
int run_query(const SearchCliOptions& options, std::ostream& out, std::ostream& err);
// Serve mode: serves until SIGINT or SIGTERM. Returns the exit code.
int run_serve(const SearchCliOptions& options, std::ostream& out, std::ostream& err);

}  // namespace podium::cli
