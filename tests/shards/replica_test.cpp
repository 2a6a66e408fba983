// SPDX-License-Identifier: Apache-2.0
// A read replica kept by xapian-replicate from xapian-replicate-server: the first sync is a
// full copy, later ones apply changesets (the writer keeps them: XAPIAN_MAX_CHANGESETS), a
// searcher on the replica sees the writer's ingest after the next sync, and after a forced
// full copy (the replica switches to a new directory) the searcher reopens cleanly.
#include <cstdlib>

#include "podium/search/index.h"

#include "shard_cluster.h"

namespace podium::test {
namespace {

constexpr const char* kReplicateServer = "/usr/bin/xapian-replicate-server";
constexpr const char* kReplicate = "/usr/bin/xapian-replicate";

class Replica : public ::testing::Test {
 protected:
  void SetUp() override {
    // The writer keeps changesets only when this is set when it commits (Xapian's
    // replication.rst); the in-process ingest below reads it from this process.
    setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
    std::filesystem::create_directories(dir_.file("masters"));
    ingest_sharded(master(), {testdata("search/corpus.jsonl")}, 0);
    port_ = free_loopback_port();
    server_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{kReplicateServer, "--interface", "127.0.0.1", "--port",
                                 std::to_string(port_), dir_.file("masters")},
        dir_.file("replicate-server.out"), dir_.file("replicate-server.err"));
    for (int i = 0; i < 1000 && !accepts_connections(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(accepts_connections(port_));
  }
  void TearDown() override { unsetenv("XAPIAN_MAX_CHANGESETS"); }

  std::string master() const { return dir_.file("masters") + "/podium"; }
  std::string replica() const { return dir_.file("replica"); }

  // One sync; -r 0: do not wait for readers before applying further changesets.
  ProcessResult sync(bool full_copy = false) {
    std::vector<std::string> argv = {kReplicate, "-h",     "127.0.0.1", "-p", std::to_string(port_),
                                     "-m",       "podium", "-o",        "-v", "-r",
                                     "0"};
    if (full_copy) argv.push_back("-f");
    argv.push_back(replica());
    ProcessResult result = run_process(argv, std::chrono::seconds(60));
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    return result;
  }

  static bool finds(const search::Index& index, const std::string& query, const std::string& id) {
    search::SearchRequest request;
    request.query = query;
    auto response = index.search(request);
    EXPECT_OK(response);
    if (!response.is_ok()) return false;
    for (const auto& hit : response->results) {
      if (hit.speaker.id == id) return true;
    }
    return false;
  }

  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<ChildProcess> server_;
};

TEST_F(Replica, FollowsTheWriterIncrementallyAndSurvivesAFullCopy) {
  EXPECT_NE(sync().out.find("1 copies, 0 changesets"), std::string::npos);  // the first: a copy
  auto opened = search::Index::open(replica(), {.reopen_interval_ms = 0, .synonyms_path = {}});
  ASSERT_OK(opened);
  const search::Index& index = **opened;
  EXPECT_TRUE(finds(index, "mlops", "amara-okafor"));
  EXPECT_FALSE(finds(index, "quantum annealing", "qa-newcomer"));

  write_file(
      dir_.file("update.jsonl"),
      R"({"kind": "speaker", "id": "qa-newcomer", "name": "Quinn Annealer", "bio": "Quantum annealing for scheduling."})"
      "\n");
  ingest_sharded(master(), {dir_.file("update.jsonl")}, 0);
  const ProcessResult incremental = sync();
  // Applied as a changeset, not a second full copy.
  EXPECT_NE(incremental.out.find("0 copies, 1 changesets"), std::string::npos) << incremental.out;
  EXPECT_TRUE(finds(index, "quantum annealing", "qa-newcomer"));

  write_file(
      dir_.file("update2.jsonl"),
      R"({"kind": "speaker", "id": "zz-second", "name": "Zed Second", "bio": "Zymurgy and brewing science."})"
      "\n");
  ingest_sharded(master(), {dir_.file("update2.jsonl")}, 0);
  // A full copy: the replica moves to a fresh directory and its stub changes.
  EXPECT_NE(sync(/*full_copy=*/true).out.find("1 copies"), std::string::npos);
  EXPECT_TRUE(finds(index, "zymurgy", "zz-second"));
  EXPECT_TRUE(finds(index, "quantum annealing", "qa-newcomer"));
}

}  // namespace
}  // namespace podium::test
