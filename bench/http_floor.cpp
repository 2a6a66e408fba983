// SPDX-License-Identifier: Apache-2.0
// The HTTP floor: cpp-httplib with the same server settings as podium-search, answering every
// GET with a fixed 2 KB JSON body. Whatever podium-search costs above this is Podium's own.
#include <cstdlib>
#include <iostream>
#include <string>

#include <httplib.h>

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 8090;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 8;
  std::string body = R"({"query": "floor", "total": 1, "results": [)";
  while (body.size() < 2000) body += R"({"id": "speaker", "name": "A Speaker", "score": 1.0},)";
  body += R"({"id": "last"}]})";
  httplib::Server server;
  server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(threads));
  };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(1000);
  server.Get(R"(/.*)", [&body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json; charset=utf-8");
  });
  std::cout << "http floor on 127.0.0.1:" << port << std::endl;
  return server.listen("127.0.0.1", port) ? 0 : 1;
}
