// SPDX-License-Identifier: Apache-2.0
// Command-line options of podium-search.
#include <cstdlib>
#include <sstream>

#include <boost/program_options.hpp>

#include "podium/cli/search_cli.h"
#include "podium/search/search_types.h"

namespace podium::cli {
namespace {

namespace po = boost::program_options;

po::options_description visible_options() {
  po::options_description options("Options");
  options.add_options()                                                                 //
      ("db", po::value<std::string>(), "index directory or stub file (env PODIUM_DB)")  //
      ("k,k", po::value<int>(), "results to show, 1..100 (query mode; default 10)")     //
      ("json", "print the JSON the API returns (query mode)")                           //
      ("host", po::value<std::string>(), "address to listen on (serve; default 127.0.0.1)")(
          "port", po::value<int>(), "port to listen on (serve; default 8080)")         //
      ("threads", po::value<int>(), "worker threads (serve; default 8)")               //
      ("web-root", po::value<std::string>(), "directory of the web UI files (serve)")  //
      ("help,h", "show this help")                                                     //
      ("version", "show the version");
  return options;
}

}  // namespace

std::string search_cli_usage() {
  std::ostringstream out;
  out << "Usage: podium-search --db DIR [-k N] [--json] QUERY...\n"
      << "       podium-search serve --db DIR [--host 127.0.0.1] [--port 8080] [--threads N]\n"
      << "Searches a Podium index for speakers, or serves the HTTP API and web UI.\n\n"
      << visible_options();
  return out.str();
}

Result<SearchCliOptions> parse_search_cli(int argc, const char* const* argv) {
  po::options_description all = visible_options();
  all.add_options()("word", po::value<std::vector<std::string>>(), "query words");
  po::positional_options_description positional;
  positional.add("word", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Status::invalid(e.what());
  }
  SearchCliOptions options;
  options.help = vm.count("help") > 0;
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  std::vector<std::string> words;
  if (vm.count("word")) words = vm["word"].as<std::vector<std::string>>();
  if (!words.empty() && words.front() == "serve") {
    options.serve = true;
    words.erase(words.begin());
  }
  if (vm.count("db")) {
    options.db_path = vm["db"].as<std::string>();
  } else if (const char* env = std::getenv("PODIUM_DB"); env != nullptr) {
    options.db_path = env;
  }
  if (options.db_path.empty()) return Status::invalid("the option '--db' is required", "db");
  if (options.serve) {
    if (!words.empty()) return Status::invalid("serve takes no query words: '" + words[0] + "'");
    if (vm.count("k") || vm.count("json")) {
      return Status::invalid("-k and --json are for query mode, not serve");
    }
    if (vm.count("host")) options.server.host = vm["host"].as<std::string>();
    if (vm.count("port")) options.server.port = vm["port"].as<int>();
    if (vm.count("threads")) options.server.threads = vm["threads"].as<int>();
    if (vm.count("web-root")) options.server.web_root = vm["web-root"].as<std::string>();
    if (options.server.port < 0 || options.server.port > 65535) {
      return Status::invalid("must be 0..65535", "port");
    }
    if (options.server.threads < 1 || options.server.threads > 1024) {
      return Status::invalid("must be 1..1024", "threads");
    }
    return options;
  }
  if (vm.count("host") || vm.count("port") || vm.count("threads") || vm.count("web-root")) {
    return Status::invalid("--host, --port, --threads and --web-root are for serve");
  }
  if (vm.count("k")) options.k = vm["k"].as<int>();
  if (options.k < 1 || options.k > search::kMaxK) {
    return Status::invalid("must be 1.." + std::to_string(search::kMaxK), "k");
  }
  options.json = vm.count("json") > 0;
  for (const auto& word : words) {
    if (!options.query.empty()) options.query += ' ';
    options.query += word;
  }
  if (options.query.empty()) return Status::invalid("no QUERY given", "query");
  return options;
}

}  // namespace podium::cli
