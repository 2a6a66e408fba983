// SPDX-License-Identifier: Apache-2.0
// The HTTP API server (cpp-httplib): the route table of docs/api.md over a search::Index.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "podium/core/status.h"
#include "podium/search/index.h"

namespace podium::http {

struct ServerOptions {
  std::string host = "127.0.0.1";        // loopback unless told otherwise
  int port = 8080;                       // 0: any free port (tests)
  int threads = 8;                       // worker threads; also the connections served at once
  std::size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  int read_timeout_seconds = 5;          // slow clients cannot hold a worker longer
  std::string web_root;                  // static files of the web UI; empty: none
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
