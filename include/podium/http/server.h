// SPDX-License-Identifier: Apache-2.0
// The HTTP API server (cpp-httplib): the route table of docs/api.md over a search::Index.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "podium/core/status.h"
#include "podium/search/index.h"

namespace podium::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (tests)
  int threads = 8;                 // worker threads; also the connections served at once
  // Searches (search, lineup, similar speakers; API and pages) running at once, the rest
  // waiting in arrival order (search_gate.h); 0: no limit. Twice the cores: with only as many
  // as the cores, searches waiting on the disk left cores idle (5-8 % fewer requests/s on 2
  // cores with cores + 1; bench/README.md, "Search gate").
  int search_concurrency = 2 * static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  std::size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  int read_timeout_seconds = 5;          // slow clients cannot hold a worker longer
  std::string web_root;                  // static files of the web UI; empty: none
  // Per client address (token bucket): `rate_limit_per_second` requests a second on average,
  // bursts up to `rate_limit_burst`; beyond that 429 with Retry-After. 0 turns the limit off.
  double rate_limit_per_second = 50;
  double rate_limit_burst = 100;
  // Connections accepted but not finished (served or waiting for a worker); a request that
  // finds more than this gets 503. Keep it >= threads.
  int max_connections = 64;
  // Added to each worker thread's nice value (0..19, 0: unchanged). Admin writes run on a thread
  // that keeps the process's priority, so a batch progresses on a machine saturated with
  // searches (bench/soak.sh); searches yield to it, and retry when a commit discards the
  // revision they were reading (docs/api.md "Live data").
  int worker_nice = 10;
  // Admin API (docs/api.md "Admin"): writes go to `db_path`; the routes exist only when
  // `admin_token` is set, and every admin request must carry "Authorization: Bearer <token>".
  std::string db_path;
  std::string admin_token;
  // The ranking every search of the server uses (API and pages); the defaults are the tuned
  // ones. A large index can trade exact totals and facet counts (exact_count_limit) and a little
  // ranking depth (talk_depth) for latency: podium-search serve --exact-count-limit,
  // --talk-depth (docs/scaling.md, "Large indexes").
  search::RankingParams ranking;
  // One JSON line per request (no query text). Empty sink: stderr.
  bool access_log = true;
  std::function<void(std::string_view line)> access_log_sink;
};

class ServerImpl;

// Usage: construct, bind(), then run() on some thread; stop() from any thread ends run().
class ApiServer {
 public:
  // `index` must outlive the server.
  ApiServer(const search::Index& index, ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the listening socket; returns the port (the chosen one when options.port is 0).
  // kUnavailable when the address cannot be bound.
  Result<int> bind();
  // Serves until stop(). REQUIRES: bind() succeeded.
  void run();
  void stop();
  // Whether run() is accepting connections.
  bool is_running() const;

 private:
  std::unique_ptr<ServerImpl> impl_;
};

}  // namespace podium::http
