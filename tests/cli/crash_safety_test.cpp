// SPDX-License-Identifier: Apache-2.0
// Crash safety of the real programs: the server SIGKILLed in the middle of an admin ingest, and
// storage that runs out (a file-size limit, which root cannot ignore the way it ignores file
// permissions) under podium-index and under a serving podium-search. Afterwards the index opens
// with the state before or after the batch, and a server keeps answering from the old state.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <xapian.h>

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium {
namespace {

namespace fs = std::filesystem;
using test::ChildProcess;
using test::TempDir;

constexpr char kToken[] = "crash-test-token";
constexpr int kBatchSpeakers = 2000;
constexpr int kBatchTalks = 12000;

// A batch far larger than the small index: new speakers and talks with long abstracts.
std::string large_batch() {
  std::string out;
  const std::string filler(400, 'x');
  for (int i = 0; i < kBatchSpeakers; ++i) {
    out += R"({"kind": "speaker", "id": "bulk-s)" + std::to_string(i) +
           R"(", "name": "Bulk Speaker )" + std::to_string(i) + "\"}\n";
  }
  for (int i = 0; i < kBatchTalks; ++i) {
    out += R"({"kind": "talk", "id": "bulk-t)" + std::to_string(i) + R"(", "title": "Bulk talk )" +
           std::to_string(i) + R"( about streaming pipelines", "abstract": "Monitoring number )" +
           std::to_string(i) + " word" + std::to_string(i * 7) + " " + filler +
           R"(", "speakers": ["bulk-s)" + std::to_string(i % kBatchSpeakers) + "\"]}\n";
  }
  return out;
}

// Every document's data by unique-id term: the whole visible state of the index.
std::map<std::string, std::string> snapshot(const std::string& db_dir) {
  Xapian::Database db(db_dir);
  std::map<std::string, std::string> out;
  for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
    out[*it] = db.get_document(*db.postlist_begin(*it)).get_data();
  }
  return out;
}

Xapian::doccount doc_count(const std::string& db_dir) {
  return Xapian::Database(db_dir).get_doccount();
}

void ingest_small(const std::string& db) {
  const auto result = test::run_process(
      {test::bin_path("podium-index"), "--db", db, test::testdata("valid_small.jsonl")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

// The largest file of the index in KiB, rounded up: a limit just above it lets the programs
// open and read the index but not grow it.
std::uintmax_t largest_file_kib(const std::string& db_dir) {
  std::uintmax_t largest = 0;
  for (const auto& entry : fs::directory_iterator(db_dir)) {
    if (entry.is_regular_file()) largest = std::max(largest, entry.file_size());
  }
  return largest / 1024 + 1;
}

// argv run under `ulimit -f kib` (bash counts -f in KiB); the limit is inherited through exec.
std::vector<std::string> with_file_size_limit(std::uintmax_t kib, std::vector<std::string> argv) {
  std::vector<std::string> wrapped = {
      "/bin/bash", "-c", "ulimit -f " + std::to_string(kib) + " && exec \"$0\" \"$@\""};
  wrapped.insert(wrapped.end(), argv.begin(), argv.end());
  return wrapped;
}

// podium-search serve on a free loopback port, with the admin API on.
class ServerProcess {
 public:
  ServerProcess(const TempDir& dir, const std::string& db, std::uintmax_t file_size_limit_kib = 0)
      : out_path_(dir.file("server.out")) {
    const std::string token_file = dir.file("token");
    test::write_file(token_file, kToken);
    fs::remove(out_path_);
    std::vector<std::string> argv = {test::bin_path("podium-search"),
                                     "serve",
                                     "--db",
                                     db,
                                     "--port",
                                     "0",
                                     "--admin-token-file",
                                     token_file,
                                     "--no-access-log",
                                     "--rate-limit",
                                     "0",
                                     "--max-body-bytes",
                                     std::to_string(64 << 20)};
    if (file_size_limit_kib > 0) argv = with_file_size_limit(file_size_limit_kib, argv);
    child_ = std::make_unique<ChildProcess>(argv, out_path_, dir.file("server.err"));
  }

  // The port from the "serving ... on http://127.0.0.1:PORT/" line; 0 when it never came.
  int wait_for_port() {
    const std::string marker = "on http://127.0.0.1:";
    for (int i = 0; i < 1000; ++i) {
      std::ifstream in(out_path_);
      const std::string text((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
      if (const auto at = text.find(marker); at != std::string::npos) {
        return std::stoi(text.substr(at + marker.size()));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return 0;
  }

  ChildProcess& child() { return *child_; }

 private:
  std::string out_path_;
  std::unique_ptr<ChildProcess> child_;
};

httplib::Result post_ingest(int port, const std::string& body) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(std::chrono::minutes(5));
  client.set_write_timeout(std::chrono::minutes(1));
  return client.Post("/v1/admin/ingest", {{"Authorization", std::string("Bearer ") + kToken}}, body,
                     "application/x-ndjson");
}

// The ids of the speakers a search for `q` returns.
std::vector<std::string> search_ids(int port, const std::string& q) {
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/v1/search?k=20&q=" + q);
  if (!res || res->status != 200) return {"(no 200 answer)"};
  const nlohmann::json body = nlohmann::json::parse(res->body);  // outlives the loop below
  std::vector<std::string> ids;
  for (const auto& hit : body.at("results")) {
    ids.push_back(hit.at("id").get<std::string>());
  }
  return ids;
}

TEST(CrashSafety, ServerKilledDuringAdminIngestLeavesTheOldOrTheNewState) {
  TempDir dir;
  const std::string batch = large_batch();
  const Xapian::doccount old_count = 9;
  const Xapian::doccount new_count = old_count + kBatchSpeakers + kBatchTalks;

  for (const int delay_ms : {100, 400, 1000, 2500}) {
    SCOPED_TRACE("server killed " + std::to_string(delay_ms) + " ms into the ingest");
    const std::string db = dir.file("db-" + std::to_string(delay_ms));
    ingest_small(db);
    const auto before = snapshot(db);
    ASSERT_EQ(before.size(), old_count);

    {
      ServerProcess server(dir, db);
      const int port = server.wait_for_port();
      ASSERT_GT(port, 0) << test::read_file(dir.file("server.err"));
      std::thread client([port, &batch] { (void)post_ingest(port, batch); });
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      server.child().kill(SIGKILL);
      server.child().wait();
      client.join();
    }

    const Xapian::doccount count = doc_count(db);
    ASSERT_TRUE(count == old_count || count == new_count) << "doc count " << count;
    ::testing::Test::RecordProperty("state_after_" + std::to_string(delay_ms) + "ms",
                                    count == old_count ? "old" : "new");
    const auto after = snapshot(db);
    if (count == old_count) {
      EXPECT_EQ(after, before);
    }
    // What was committed before the batch is there either way.
    for (const auto& [term, data] : before) {
      ASSERT_TRUE(after.contains(term)) << term;
      EXPECT_EQ(after.at(term), data) << term;
    }

    // A new server opens the index, answers, and can write again: no lock is left behind.
    ServerProcess restarted(dir, db);
    const int port = restarted.wait_for_port();
    ASSERT_GT(port, 0) << test::read_file(dir.file("server.err"));
    const std::vector<std::string> ids = search_ids(port, "privacy");
    EXPECT_FALSE(ids.empty());
    EXPECT_NE(ids, std::vector<std::string>{"(no 200 answer)"});
    auto again = post_ingest(port, R"({"kind": "community", "id": "after-crash", "name": "After"})"
                                   "\n");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200) << again->body;
    EXPECT_EQ(doc_count(db), count + 1);
  }
}

TEST(CrashSafety, PodiumIndexOutOfSpaceFailsTheBatchAndKeepsTheIndex) {
  TempDir dir;
  const std::string db = dir.file("db");
  ingest_small(db);
  const auto before = snapshot(db);
  const std::string batch_file = dir.file("batch.jsonl");
  test::write_file(batch_file, large_batch());

  const auto result = test::run_process(with_file_size_limit(
      largest_file_kib(db),
      {test::bin_path("podium-index"), "--db", db, "--no-progress", batch_file}));
  EXPECT_EQ(result.signal, 0) << "podium-index was killed instead of reporting the error";
  EXPECT_EQ(result.exit_code, 3) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.rfind("podium-index: database error: ", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("File too large"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("nothing was committed"), std::string::npos) << result.err;
  EXPECT_EQ(snapshot(db), before);

  // With room again the same index takes the next batch.
  const auto next =
      test::run_process({test::bin_path("podium-index"), "--db", db, test::testdata("dir_input")});
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(doc_count(db), before.size() + 3);
}

TEST(CrashSafety, ServerOutOfSpaceAnswers503AndKeepsServingTheOldIndex) {
  TempDir dir;
  const std::string db = dir.file("db");
  ingest_small(db);
  const auto before = snapshot(db);

  ServerProcess server(dir, db, largest_file_kib(db));
  const int port = server.wait_for_port();
  ASSERT_GT(port, 0) << test::read_file(dir.file("server.err"));
  const std::vector<std::string> old_ids = search_ids(port, "privacy");
  ASSERT_FALSE(old_ids.empty());

  auto res = post_ingest(port, large_batch());
  ASSERT_TRUE(res) << "no answer: the server died";
  EXPECT_EQ(res->status, 503) << res->body;
  const auto error = nlohmann::json::parse(res->body).at("error");
  const std::string message = error.at("message").get<std::string>();
  EXPECT_EQ(message.rfind("the index could not be written (database error: ", 0), 0u) << message;
  EXPECT_NE(message.find("File too large"), std::string::npos) << message;
  EXPECT_NE(message.find("nothing was committed"), std::string::npos) << message;

  // Still serving, from the state before the batch.
  EXPECT_EQ(search_ids(port, "privacy"), old_ids);
  EXPECT_EQ(snapshot(db), before);
  server.child().kill(SIGTERM);
  const int status = server.child().wait();
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "wait status " << status;
}

}  // namespace
}  // namespace podium
