// SPDX-License-Identifier: Apache-2.0
// How many searches run at once, first come first served. The server keeps a worker thread per
// open connection (cpp-httplib holds the thread through keep-alive), so with 16 clients 16
// searches would share the cores and each would take 16 times as long: a slow query then
// finishes last by far. Letting only about as many searches run as there are cores, in arrival
// order, keeps the throughput and cuts the tail (bench/README.md, "Search gate"). Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace podium::http {

class SearchGate {
 public:
  // `limit`: searches at once; 0 lets every search through at once (no gate).
  explicit SearchGate(int limit);
  SearchGate(const SearchGate&) = delete;
  SearchGate& operator=(const SearchGate&) = delete;

  // Held while a search runs; entering waits for its turn.
  class Pass {
   public:
    explicit Pass(SearchGate& gate);
    ~Pass();
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    SearchGate& gate_;
  };

  int limit() const { return limit_; }
  // Searches waiting for their turn (for tests and metrics).
  int waiting() const;

 private:
  void enter();
  void leave();

  const int limit_;
  mutable std::mutex mu_;
  std::condition_variable turn_;
  std::uint64_t next_ticket_ = 0;  // the ticket the next arrival takes
  std::uint64_t now_serving_ = 0;  // the oldest ticket not yet let in
  int running_ = 0;
};

}  // namespace podium::http
