// SPDX-License-Identifier: Apache-2.0
// The engine floor's server (baseline (b) of bench/README.md): plain Xapian BM25 top-k over the
// speaker documents of podium-floor-index, behind cpp-httplib with podium-search's server
// settings (TCP_NODELAY, a fixed thread pool, keep-alive). GET /v1/search?q=...&k=10 answers
// {"query", "total", "results": [{"id", "name", "score"}]}.
//   podium-floor-server --db DIR [--port 18100] [--threads 16]
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "floor_search.h"

namespace {

std::string search(const std::string& db_path, const std::string& text, int k) {
  // Xapian objects must not be shared between threads; each pool thread keeps its own
  // searcher, opened on its first request.
  thread_local std::optional<podium::bench::FloorSearcher> searcher;
  if (!searcher) searcher.emplace(db_path);
  return searcher->search_json(text, k);
}

}  // namespace

int main(int argc, char** argv) try {
  std::string db_path;
  int port = 18100;
  int threads = 16;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--db") db_path = argv[i + 1];
    if (arg == "--port") port = std::atoi(argv[i + 1]);
    if (arg == "--threads") threads = std::atoi(argv[i + 1]);
  }
  if (db_path.empty()) {
    std::cerr << "usage: podium-floor-server --db DIR [--port P] [--threads N]\n";
    return 2;
  }
  Xapian::Database check(db_path);  // fail at start, not on the first request

  httplib::Server server;
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000);
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"status\": \"ok\"}", "application/json");
  });
  server.Get("/v1/search", [&db_path](const httplib::Request& req, httplib::Response& res) {
    const int k = req.has_param("k") ? std::atoi(req.get_param_value("k").c_str()) : 10;
    try {
      res.set_content(search(db_path, req.get_param_value("q"), k),
                      "application/json; charset=utf-8");
    } catch (const Xapian::Error& e) {
      // Logged, so a benchmark run whose wrk output counts non-2xx answers can tell why.
      std::cerr << "podium-floor-server: " << e.get_description() << std::endl;
      res.status = 400;
      res.set_content(nlohmann::json{{"error", e.get_description()}}.dump(), "application/json");
    } catch (const std::exception& e) {
      std::cerr << "podium-floor-server: " << e.what() << std::endl;
      res.status = 500;
    }
  });
  std::cout << "engine floor on 127.0.0.1:" << port << std::endl;
  return server.listen("127.0.0.1", port) ? 0 : 1;
} catch (const Xapian::Error& e) {
  std::cerr << "podium-floor-server: " << e.get_description() << "\n";
  return 3;
}
