// SPDX-License-Identifier: Apache-2.0
// Ingesting while the server answers: no request fails, and new data shows within a second.
#include <atomic>
#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/http_fixture.h"

namespace podium::test {
namespace {

using LiveUpdate = HttpServerFixture;

std::string speaker_batch(int batch, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    const std::string id = "live-" + std::to_string(batch) + "-" + std::to_string(i);
    out += R"({"kind": "speaker", "id": ")" + id + R"(", "name": "Live Speaker )" + id +
           R"(", "topics": ["streaming"]})" + "\n";
    out += R"({"kind": "talk", "id": "talk-)" + id + R"(", "title": "Streaming batch )" +
           std::to_string(batch) + R"(", "speakers": [")" + id + R"("]})" + "\n";
  }
  return out;
}

TEST_F(LiveUpdate, RequestsNeverFailWhileBatchesCommit) {
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::atomic<int> requests{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 3; ++c) {
    clients.emplace_back([&] {
      while (!done) {
        const HttpReply reply = get("/v1/search?q=streaming&k=20");
        ++requests;
        if (reply.status != 200) ++failures;
      }
    });
  }
  // At least 8 batches, and more until the clients have sent 30 requests. Each batch waits for
  // three requests to finish after the one before it, as a real ingest's cadence leaves room
  // for searches: commits back to back, faster than one search can run, would starve every
  // reader (Xapian keeps two revisions; a reader retries on a newer one), and a busy machine
  // makes searches slow (they run at a lower priority than the ingest; a sanitizer build is
  // slower still).
  for (int batch = 0; batch < 8 || (requests < 30 && batch < 60); ++batch) {
    const std::string file = dir_.file("batch" + std::to_string(batch) + ".jsonl");
    write_file(file, speaker_batch(batch, 10));
    const int before = requests.load();
    ingest_files(db_dir(), {file});
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (requests.load() < before + 3 && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  done = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(failures.load(), 0) << "of " << requests.load() << " requests";
  EXPECT_GE(requests.load(), 30);
}

TEST_F(LiveUpdate, NewDataIsVisibleWithinASecond) {
  const std::string file = dir_.file("new.jsonl");
  write_file(file, speaker_batch(99, 1));
  ingest_files(db_dir(), {file});
  const auto committed = std::chrono::steady_clock::now();
  int total = 0;
  while (std::chrono::steady_clock::now() - committed < std::chrono::seconds(1)) {
    const HttpReply reply = get("/v1/speakers/live-99-0");
    if (reply.status == 200) {
      total = 1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(total, 1) << "the new speaker did not appear within a second";
}

}  // namespace
}  // namespace podium::test
