// SPDX-License-Identifier: Apache-2.0
// Test support for sharded indexes: a sharded and a single index of the same data, and
// xapian-tcpsrv processes serving the shards on free loopback ports. Header-only; the area
// links podium_ingest.
#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include "podium/ingest/ingest_run.h"
#include "podium/ingest/shard_layout.h"

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::test {

inline constexpr const char* kTcpServer = "/usr/bin/xapian-tcpsrv";

// Ingests `files` into `db_dir` split into `shards` shards (0: one database).
inline void ingest_sharded(const std::string& db_dir, const std::vector<std::string>& files,
                           int shards) {
  ingest::IndexOptions options;
  options.db_dir = db_dir;
  options.paths = files;
  options.progress = false;
  options.shards = shards;
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(ingest::run_ingest(options, out, err), ingest::kExitOk) << out.str() << err.str();
}

// A loopback port nothing listens on now (the kernel's pick for port 0).
inline int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

inline bool accepts_connections(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

// The processes whose parent is `parent` (xapian-tcpsrv forks one per connection).
inline std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> out;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
    std::istringstream rest(line.substr(line.rfind(')') + 1));
    std::string state;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent) out.push_back(static_cast<pid_t>(std::stoi(name)));
  }
  return out;
}

// xapian-tcpsrv serving one database on 127.0.0.1:port.
class TcpServer {
 public:
  TcpServer(std::string db, int port, std::string log_dir)
      : db_(std::move(db)), port_(port), log_dir_(std::move(log_dir)) {}
  ~TcpServer() { stop(); }

  int port() const { return port_; }
  std::string stub_line() const { return "remote 127.0.0.1:" + std::to_string(port_); }

  void start() {
    const std::string log = log_dir_ + "/tcpsrv-" + std::to_string(port_);
    process_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{kTcpServer, "--port", std::to_string(port_), "--interface",
                                 "127.0.0.1", "--quiet", db_},
        log + ".out", log + ".err");
    for (int i = 0; i < 1000 && !accepts_connections(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(accepts_connections(port_)) << "xapian-tcpsrv did not start on " << port_;
  }

  // Kills the server and the children serving open connections, like a machine going away.
  void stop() {
    if (!process_) return;
    signal_all(SIGKILL);
    process_.reset();
  }

  // Sends `signal` to the server and its connection children (SIGSTOP: a stuck shard).
  void signal_all(int signal) {
    if (!process_) return;
    for (pid_t child : children_of(process_->pid())) ::kill(child, signal);
    process_->kill(signal);
  }

 private:
  std::string db_;
  int port_;
  std::string log_dir_;
  std::unique_ptr<ChildProcess> process_;
};

// `servers` started over the shards of a sharded index, and a stub listing them.
class RemoteShards {
 public:
  RemoteShards(const std::string& sharded_dir, const std::string& work_dir) {
    auto layout = ingest::detect_shard_layout(sharded_dir);
    EXPECT_TRUE(layout.is_ok());
    std::string stub;
    for (const auto& path : layout->shard_paths) {
      servers_.push_back(std::make_unique<TcpServer>(path, free_loopback_port(), work_dir));
      servers_.back()->start();
      stub += servers_.back()->stub_line() + "\n";
    }
    stub_path_ = work_dir + "/remote.stub";
    write_file(stub_path_, stub);
  }
  const std::string& stub_path() const { return stub_path_; }
  TcpServer& server(std::size_t i) { return *servers_.at(i); }

 private:
  std::vector<std::unique_ptr<TcpServer>> servers_;
  std::string stub_path_;
};

}  // namespace podium::test
