// SPDX-License-Identifier: Apache-2.0
// podium-index --shards: the directory layout, placement by speaker, re-ingest and deletes
// keeping it, and the errors for a number of shards that does not fit the directory.
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "podium/core/schema.h"

#include "shard_cluster.h"

namespace podium::test {
namespace {

using nlohmann::json;

// Which shards hold a document with `term`.
std::vector<int> shards_with(const std::string& db_dir, const std::string& term) {
  auto layout = ingest::detect_shard_layout(db_dir);
  EXPECT_TRUE(layout.is_ok());
  std::vector<int> out;
  for (int i = 0; i < layout->shards; ++i) {
    if (Xapian::Database(layout->shard_paths[static_cast<std::size_t>(i)]).term_exists(term)) {
      out.push_back(i);
    }
  }
  return out;
}

int run_index(const std::vector<std::string>& args, std::string* err_text = nullptr) {
  std::vector<const char*> argv = {"podium-index"};
  for (const auto& a : args) argv.push_back(a.c_str());
  auto options = ingest::parse_index_options(static_cast<int>(argv.size()), argv.data());
  if (!options.is_ok()) return ingest::kExitUsage;
  options->progress = false;
  std::ostringstream out, err;
  const int code = ingest::run_ingest(*options, out, err);
  if (err_text) *err_text = err.str();
  return code;
}

TEST(ShardOf, IsStableAndSpreadsIds) {
  EXPECT_EQ(ingest::shard_of("amara-okafor", 3), ingest::shard_of("amara-okafor", 3));
  EXPECT_EQ(ingest::shard_of("anyone", 1), 0);
  std::map<int, int> counts;
  for (int i = 0; i < 4000; ++i) ++counts[ingest::shard_of("speaker-" + std::to_string(i), 4)];
  ASSERT_EQ(counts.size(), 4u);
  for (const auto& [shard, count] : counts) EXPECT_GT(count, 800) << "shard " << shard;
}

TEST(ShardedIndex, WritesShardsAndAStubListingThem) {
  TempDir dir;
  ingest_sharded(dir.file("db"), {testdata("search/corpus.jsonl")}, 3);
  EXPECT_EQ(read_file(dir.file("db") + "/XAPIANDB"),
            "auto shard-00\nauto shard-01\nauto shard-02\n");
  for (const char* shard : {"shard-00", "shard-01", "shard-02"}) {
    EXPECT_TRUE(std::filesystem::exists(dir.file("db") + "/" + shard + "/iamglass")) << shard;
  }
  // Xapian's convention: opening DIR opens every shard.
  EXPECT_EQ(Xapian::Database(dir.file("db")).size(), 3u);
}

TEST(ShardedIndex, PlacesSpeakersByIdAndTalksWithTheirFirstSpeaker) {
  TempDir dir;
  ingest_sharded(dir.file("db"), {PODIUM_SOURCE_DIR "/data/sample"}, 3);
  std::size_t talks = 0;
  std::set<int> used;
  for (const char* file : {"speakers.jsonl", "talks.jsonl"}) {
    std::ifstream in(std::string(PODIUM_SOURCE_DIR "/data/sample/") + file);
    std::string line;
    while (std::getline(in, line)) {
      const json record = json::parse(line);
      const std::string id = record["id"];
      if (record["kind"] == "speaker") {
        const int shard = ingest::shard_of(id, 3);
        used.insert(shard);
        EXPECT_EQ(shards_with(dir.file("db"), schema::unique_term(RecordKind::kSpeaker, id)),
                  std::vector<int>{shard})
            << id;
      } else {
        ++talks;
        const int shard = ingest::shard_of(record["speakers"][0].get<std::string>(), 3);
        EXPECT_EQ(shards_with(dir.file("db"), schema::unique_term(RecordKind::kTalk, id)),
                  std::vector<int>{shard})
            << id;
      }
    }
  }
  EXPECT_GT(talks, 100u);
  EXPECT_EQ(used.size(), 3u);
}

TEST(ShardedIndex, ReingestAndDeletesKeepThePartition) {
  TempDir dir;
  const std::string db = dir.file("db");
  ingest_sharded(db, {testdata("search/corpus.jsonl")}, 3);
  // Without --shards an existing sharded directory keeps its shards.
  write_file(
      dir.file("update.jsonl"),
      R"({"kind": "talk", "id": "t-mlops-2021", "title": "MLOps for small teams", "speakers": ["zoe-martin", "amara-okafor"], "date": "2021-03-10"})"
      "\n"
      R"({"kind": "speaker", "id": "amara-okafor", "deleted": true})"
      "\n");
  std::string err;
  EXPECT_EQ(run_index({"--db", db, dir.file("update.jsonl")}, &err), ingest::kExitOk) << err;
  EXPECT_EQ(read_file(db + "/XAPIANDB"), "auto shard-00\nauto shard-01\nauto shard-02\n");
  // The talk's first speaker changed: it moved to that speaker's shard, and only there.
  EXPECT_EQ(shards_with(db, schema::unique_term(RecordKind::kTalk, "t-mlops-2021")),
            std::vector<int>{ingest::shard_of("zoe-martin", 3)});
  EXPECT_TRUE(shards_with(db, schema::unique_term(RecordKind::kSpeaker, "amara-okafor")).empty());
  EXPECT_EQ(shards_with(db, schema::unique_term(RecordKind::kSpeaker, "zoe-martin")),
            std::vector<int>{ingest::shard_of("zoe-martin", 3)});
}

TEST(ShardedIndex, ChangingTheNumberOfShardsIsAnErrorThatSaysSo) {
  TempDir dir;
  const std::string db = dir.file("db");
  ingest_sharded(db, {testdata("search/corpus.jsonl")}, 3);
  std::string err;
  EXPECT_EQ(run_index({"--db", db, "--shards", "4", testdata("search/corpus.jsonl")}, &err),
            ingest::kExitUsage);
  EXPECT_NE(err.find("has 3 shards, not 4"), std::string::npos) << err;
  EXPECT_NE(err.find("new directory"), std::string::npos) << err;
  // The same number is fine.
  EXPECT_EQ(run_index({"--db", db, "--shards", "3", testdata("search/corpus.jsonl")}, &err),
            ingest::kExitOk)
      << err;
}

TEST(ShardedIndex, ShardingAnUnshardedIndexIsAnError) {
  TempDir dir;
  const std::string db = dir.file("db");
  ingest_sharded(db, {testdata("search/corpus.jsonl")}, 0);
  std::string err;
  EXPECT_EQ(run_index({"--db", db, "--shards", "2", testdata("search/corpus.jsonl")}, &err),
            ingest::kExitUsage);
  EXPECT_NE(err.find("unsharded"), std::string::npos) << err;
  EXPECT_EQ(run_index({"--db", db, "--shards", "0", testdata("search/corpus.jsonl")}, &err),
            ingest::kExitUsage);
}

TEST(ShardedIndex, ShardsThatDisagreeAboutTheLastBatchAreReported) {
  TempDir dir;
  const std::string db = dir.file("db");
  ingest_sharded(db, {testdata("search/corpus.jsonl")}, 2);
  {
    // What a crash between the two shard commits leaves: shard-01 still at an older batch.
    Xapian::WritableDatabase shard(db + "/shard-01");
    shard.set_metadata(schema::kMetadataBatch, "an-older-batch");
    shard.commit();
  }
  std::string err;
  EXPECT_EQ(run_index({"--db", db, testdata("search/corpus.jsonl")}, &err), ingest::kExitOk);
  EXPECT_NE(err.find("re-run that batch"), std::string::npos) << err;
  // That run committed on every shard: they agree again.
  EXPECT_EQ(Xapian::Database(db + "/shard-00").get_metadata(schema::kMetadataBatch),
            Xapian::Database(db + "/shard-01").get_metadata(schema::kMetadataBatch));
}

}  // namespace
}  // namespace podium::test
