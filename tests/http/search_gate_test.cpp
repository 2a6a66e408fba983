// SPDX-License-Identifier: Apache-2.0
// SearchGate: no more than the limit inside at once, and waiting searches go in in the order
// they arrived.
#include "search_gate.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace podium::http {
namespace {

// Spins (with short sleeps) until `done()`; false after ten seconds.
template <typename Predicate>
bool eventually(Predicate done) {
  for (int i = 0; i < 10000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(SearchGate, WaitingSearchesGoInInArrivalOrder) {
  SearchGate gate(1);
  std::optional<SearchGate::Pass> held(std::in_place, gate);
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> searches;
  for (int i = 0; i < 5; ++i) {
    // Each starts only once the one before is waiting, so arrival order is 0, 1, 2, ...
    searches.emplace_back([&, i] {
      const SearchGate::Pass pass(gate);
      std::lock_guard lock(mu);
      order.push_back(i);
    });
    ASSERT_TRUE(eventually([&] { return gate.waiting() == i + 1; }));
  }
  held.reset();
  for (auto& t : searches) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(gate.waiting(), 0);
}

TEST(SearchGate, NoMoreThanTheLimitRunAtOnce) {
  SearchGate gate(3);
  std::atomic<int> inside = 0, most = 0;
  std::vector<std::thread> searches;
  for (int i = 0; i < 12; ++i) {
    searches.emplace_back([&] {
      const SearchGate::Pass pass(gate);
      const int now = ++inside;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      --inside;
    });
  }
  for (auto& t : searches) t.join();
  EXPECT_EQ(most.load(), 3);  // 12 threads sleeping inside: without the gate it would be more
}

TEST(SearchGate, ZeroMeansNoLimit) {
  SearchGate gate(0);
  const SearchGate::Pass a(gate), b(gate), c(gate);  // would wait forever with a limit of 1 or 2
  EXPECT_EQ(gate.waiting(), 0);
}

}  // namespace
}  // namespace podium::http
