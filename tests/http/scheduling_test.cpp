// SPDX-License-Identifier: Apache-2.0
// How the server shares its workers and the CPU between searches and admin writes
// (bench/soak.sh): writes run on their own thread, search workers lower their priority, and
// while every worker is taken, keep-alive connections are closed after each response so a
// waiting connection (an admin ingest, a new client) is served.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "support/http_fixture.h"
#include "write_thread.h"

namespace podium::test {
namespace {

std::string thread_name() {
  char name[32] = {};
  pthread_getname_np(pthread_self(), name, sizeof name);
  return name;
}

// Thread name -> nice values of this process's threads, from /proc/self/task/*/stat.
std::multimap<std::string, int> thread_nice_values() {
  std::multimap<std::string, int> out;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string name;
    std::getline(comm, name);
    std::ifstream stat_file(task.path() / "stat");
    std::string stat;
    std::getline(stat_file, stat);
    // Field 19 is nice; count fields after the command, which ends at the last ')'.
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 19 && fields >> field; ++i) {
    }
    out.emplace(name, std::stoi(field));
  }
  return out;
}

TEST(WriteThread, RunsWorkInOrderOnItsOwnThreadAndPassesExceptionsBack) {
  http::WriteThread writes;
  std::vector<std::string> seen;
  for (int i = 0; i < 3; ++i) {
    writes.run([&seen, i] { seen.push_back(thread_name() + ":" + std::to_string(i)); });
  }
  EXPECT_EQ(seen,
            (std::vector<std::string>{"podium-writer:0", "podium-writer:1", "podium-writer:2"}));
  EXPECT_THROW(writes.run([] { throw std::runtime_error("batch failed"); }), std::runtime_error);
  // Still serving after a failed task.
  bool ran = false;
  writes.run([&ran] { ran = true; });
  EXPECT_TRUE(ran);
}

class WorkerPriority : public HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.worker_nice = 7;
    options.db_path = db_dir();
    options.admin_token = "scheduling-test-token";
    return options;
  }
};

TEST_F(WorkerPriority, SearchWorkersAreNicerThanTheWriteThread) {
  const int base = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
  ASSERT_EQ(get("/v1/search?q=privacy").status, 200);
  std::size_t workers_lowered = 0;
  std::size_t writers = 0;
  for (const auto& [name, nice] : thread_nice_values()) {
    if (name == "podium-writer") {
      ++writers;
      EXPECT_EQ(nice, base);
    } else if (nice == std::min(19, base + 7)) {
      ++workers_lowered;
    }
  }
  EXPECT_EQ(writers, 1u);
  EXPECT_GE(workers_lowered, 1u);  // at least the worker that served the search
}

class FullPool : public HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.threads = 2;
    options.max_connections = 8;
    // All clients share one address: a rate limit would answer 429 with Connection: close and
    // free the workers for the wrong reason.
    options.rate_limit_per_second = 0;
    return options;
  }
};

TEST_F(FullPool, AWaitingConnectionIsServedWhileOthersKeepTheirsAlive) {
  // Two keep-alive clients hold both workers, sending request after request until the third
  // client below has its answer (or 20 s have passed). Not a fixed count of requests: how fast
  // they are served must not decide whether they are still going when the third one asks.
  using Clock = std::chrono::steady_clock;
  const auto give_up = Clock::now() + std::chrono::seconds(20);
  std::atomic<bool> third_answered{false};
  std::atomic<int> busy_clients{0};
  std::atomic<int> close_headers{0};
  auto keep_busy = [&] {
    httplib::Client c("127.0.0.1", port_);
    c.set_keep_alive(true);
    bool counted = false;
    while (!third_answered && Clock::now() < give_up) {
      auto r = c.Get("/v1/search?q=privacy&k=1");
      ASSERT_TRUE(r);
      ASSERT_EQ(r->status, 200);
      if (!counted) {
        ++busy_clients;
        counted = true;
      }
      if (r->get_header_value("Connection") == "close") ++close_headers;
      // A pause holds the worker all the same (it waits for the next request on the
      // connection), and keeps the 1,000 requests after which the server closes a keep-alive
      // connection anyway at least 5 s away.
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  };
  std::thread a(keep_busy);
  std::thread b(keep_busy);
  while (busy_clients < 2 && Clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  // A third connection: before the fix it waited until one of the two above stopped.
  httplib::Client third("127.0.0.1", port_);
  third.set_read_timeout(30, 0);
  const auto asked = Clock::now();
  auto r = third.Get("/v1/search?q=streaming&k=1");
  const auto waited = Clock::now() - asked;
  third_answered = true;
  a.join();
  b.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_GT(close_headers.load(), 0);
  // Served while the two kept going, long before either connection reached its 1,000th
  // request (5 s) or the clients gave up (20 s).
  EXPECT_LT(waited, std::chrono::seconds(2));
}

}  // namespace
}  // namespace podium::test
