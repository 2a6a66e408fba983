// SPDX-License-Identifier: Apache-2.0
// Command-line options of podium-index.
#include <sstream>

#include <boost/program_options.hpp>

#include "podium/core/command_line.h"
#include "podium/ingest/ingest_run.h"

namespace podium::ingest {
namespace {

namespace po = boost::program_options;

po::options_description visible_options() {
  po::options_description options("Options");
  options.add_options()                                                         //
      ("db", po::value<std::string>(), "index directory (created if missing)")  //
      ("shards", po::value<int>(),
       "split a new index into N shards by speaker (DIR/shard-NN and the stub DIR/XAPIANDB); "
       "an existing DIR keeps its number")                         //
      ("strict", "reject the whole batch if any line is invalid")  //
      ("dry-run", "validate and report only; write nothing")       //
      ("no-progress", "no progress bar, even on a terminal")       //
      ("help,h", "show this help")                                 //
      ("version", "show the version");
  return options;
}

}  // namespace

std::string index_usage() {
  std::ostringstream out;
  out << "Usage: podium-index --db DIR [--shards N] [--strict] [--dry-run] PATH...\n"
      << "Ingests JSON Lines (.jsonl, .jsonl.gz, or directories of them) into a Podium index.\n"
      << "Exit codes: 0 ok, 1 some lines rejected, 2 bad usage, 3 I/O or database error.\n\n"
      << visible_options();
  return out.str();
}

Result<IndexOptions> parse_index_options(int argc, const char* const* argv) {
  po::options_description all = visible_options();
  all.add_options()("path", po::value<std::vector<std::string>>(), "input");
  Result<po::variables_map> parsed = parse_command_line(argc, argv, all, "path");
  if (!parsed.is_ok()) return parsed.status();
  const po::variables_map& vm = *parsed;
  IndexOptions options;
  options.help = vm.count("help") > 0;
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  if (!vm.count("db") || vm["db"].as<std::string>().empty()) {
    return Status::invalid("the option '--db' is required", "db");
  }
  options.db_dir = vm["db"].as<std::string>();
  if (vm.count("shards")) {
    options.shards = vm["shards"].as<int>();
    if (options.shards < 1) return Status::invalid("must be at least 1", "shards");
  }
  options.strict = vm.count("strict") > 0;
  options.dry_run = vm.count("dry-run") > 0;
  options.progress = vm.count("no-progress") == 0;
  if (vm.count("path")) options.paths = vm["path"].as<std::vector<std::string>>();
  if (options.paths.empty()) return Status::invalid("no input PATH given", "path");
  return options;
}

}  // namespace podium::ingest
