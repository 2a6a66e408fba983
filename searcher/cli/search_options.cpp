// SPDX-License-Identifier: Apache-2.0
// Command-line options of podium-search.
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include <boost/program_options.hpp>

#include "podium/cli/search_cli.h"
#include "podium/core/command_line.h"
#include "podium/search/search_types.h"

namespace podium::cli {
namespace {

namespace po = boost::program_options;

po::options_description visible_options() {
  po::options_description options("Options");
  options.add_options()                                                                 //
      ("db", po::value<std::string>(), "index directory or stub file (env PODIUM_DB)")  //
      ("k,k", po::value<int>(), "results to show, 1..100 (query mode; default 10)")     //
      ("remote-timeout-ms", po::value<int>(),
       "give up on a remote shard after this long (default 5000)")  //
      ("spelling-db", po::value<std::string>(),
       "local copy of the index for spelling when shards are remote")  //
      ("json", "print the JSON the API returns (query mode)")          //
      ("host", po::value<std::string>(), "address to listen on (serve; default 127.0.0.1)")(
          "port", po::value<int>(), "port to listen on (serve; default 8080)")         //
      ("threads", po::value<int>(), "worker threads (serve; default 8)")               //
      ("web-root", po::value<std::string>(), "directory of the web UI files (serve)")  //
      ("max-body-bytes", po::value<std::size_t>(),
       "largest request body, bytes (serve; default 1048576)")                                    //
      ("read-timeout", po::value<int>(), "seconds a client may take to send (serve; default 5)")  //
      ("rate-limit", po::value<double>(),
       "requests per second per client address, 0 = off (serve; default 50)")           //
      ("rate-burst", po::value<double>(), "burst above the rate (serve; default 100)")  //
      ("max-connections", po::value<int>(),
       "open connections before 503 (serve; default 64)")  //
      ("search-concurrency", po::value<int>(),
       "searches running at once, the rest wait in order; 0 = no limit (serve; default: twice "
       "the cores)")  //
      ("worker-nice", po::value<int>(),
       "nice added to search workers so admin writes keep up, 0..19 (serve; default 10)")  //
      ("admin-token-file", po::value<std::string>(),
       "file holding the admin API token (serve; env PODIUM_ADMIN_TOKEN)")  //
      ("exact-count-limit", po::value<int>(),
       "matching speakers counted exactly for totals and facets, past it estimates; 0..100000000 "
       "(serve; default 10000)")  //
      ("talk-depth", po::value<int>(),
       "talks retrieved to vote for speakers, 10..100000 (serve; default 500)")  //
      ("no-access-log", "no JSON access log on stderr (serve)")                  //
      ("help,h", "show this help")                                               //
      ("version", "show the version");
  return options;
}

// The token in `path`, without surrounding whitespace (a trailing newline is usual).
Result<std::string> read_token_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::invalid("cannot read '" + path + "'", "admin-token-file");
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto first = token.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return Status::invalid("the file is empty", "admin-token-file");
  token = token.substr(first, token.find_last_not_of(" \t\r\n") - first + 1);
  return token;
}

// The serve-only options, after host/port/threads/web-root.
Status parse_limits(const po::variables_map& vm, http::ServerOptions& server) {
  if (vm.count("max-body-bytes")) server.max_body_bytes = vm["max-body-bytes"].as<std::size_t>();
  if (vm.count("read-timeout")) server.read_timeout_seconds = vm["read-timeout"].as<int>();
  if (vm.count("rate-limit")) server.rate_limit_per_second = vm["rate-limit"].as<double>();
  if (vm.count("rate-burst")) server.rate_limit_burst = vm["rate-burst"].as<double>();
  if (vm.count("max-connections")) server.max_connections = vm["max-connections"].as<int>();
  if (vm.count("worker-nice")) server.worker_nice = vm["worker-nice"].as<int>();
  if (vm.count("search-concurrency")) {
    server.search_concurrency = vm["search-concurrency"].as<int>();
  }
  server.access_log = vm.count("no-access-log") == 0;
  if (vm.count("admin-token-file")) {
    auto token = read_token_file(vm["admin-token-file"].as<std::string>());
    if (!token.is_ok()) return token.status();
    server.admin_token = *token;
  } else if (const char* env = std::getenv("PODIUM_ADMIN_TOKEN"); env != nullptr) {
    server.admin_token = env;
  }
  if (server.max_body_bytes < 1) return Status::invalid("must be at least 1", "max-body-bytes");
  if (server.read_timeout_seconds < 1 || server.read_timeout_seconds > 3600) {
    return Status::invalid("must be 1..3600", "read-timeout");
  }
  if (!(server.rate_limit_per_second >= 0)) return Status::invalid("must be >= 0", "rate-limit");
  if (!(server.rate_limit_burst >= 1)) return Status::invalid("must be >= 1", "rate-burst");
  if (server.worker_nice < 0 || server.worker_nice > 19) {
    return Status::invalid("must be 0..19", "worker-nice");
  }
  if (server.search_concurrency < 0 || server.search_concurrency > 1024) {
    return Status::invalid("must be 0..1024", "search-concurrency");
  }
  if (vm.count("exact-count-limit")) {
    server.ranking.exact_count_limit = vm["exact-count-limit"].as<int>();
    if (server.ranking.exact_count_limit < 0 || server.ranking.exact_count_limit > 100000000) {
      return Status::invalid("must be 0..100000000", "exact-count-limit");
    }
  }
  if (vm.count("talk-depth")) {
    server.ranking.talk_depth = vm["talk-depth"].as<int>();
    if (server.ranking.talk_depth < 10 || server.ranking.talk_depth > 100000) {
      return Status::invalid("must be 10..100000", "talk-depth");
    }
  }
  if (server.max_connections < server.threads) {
    return Status::invalid("must be at least --threads", "max-connections");
  }
  return Status::ok();
}

constexpr const char* kServeOnly[] = {"max-body-bytes",    "read-timeout",    "rate-limit",
                                      "rate-burst",        "max-connections", "search-concurrency",
                                      "admin-token-file",  "no-access-log",   "worker-nice",
                                      "exact-count-limit", "talk-depth"};

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
  Result<po::variables_map> parsed = parse_command_line(argc, argv, all, "word");
  if (!parsed.is_ok()) return parsed.status();
  const po::variables_map& vm = *parsed;
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
  if (vm.count("remote-timeout-ms")) {
    options.remote_timeout_ms = vm["remote-timeout-ms"].as<int>();
    if (options.remote_timeout_ms < 1 || options.remote_timeout_ms > 600000) {
      return Status::invalid("must be 1..600000", "remote-timeout-ms");
    }
  }
  if (vm.count("spelling-db")) options.spelling_db = vm["spelling-db"].as<std::string>();
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
    if (Status limits = parse_limits(vm, options.server); !limits.is_ok()) return limits;
    return options;
  }
  if (vm.count("host") || vm.count("port") || vm.count("threads") || vm.count("web-root")) {
    return Status::invalid("--host, --port, --threads and --web-root are for serve");
  }
  for (const char* name : kServeOnly) {
    if (vm.count(name)) return Status::invalid("only for serve", name);
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
