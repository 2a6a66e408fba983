// SPDX-License-Identifier: Apache-2.0
// The same query gives the same speakers in the same order, the same total, facets and
// spelling suggestion from a 3-shard index (local stub, and remote shards behind xapian-tcpsrv)
// as from one database: over queries drawn from every talk and speaker of the test corpus and
// of data/sample, with diversity on and off.
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "podium/search/index.h"

#include "shard_cluster.h"

namespace podium::test {
namespace {

using nlohmann::json;

// Queries a user could type about this data: each talk's tags and first title words, each
// speaker's topics, plus operators, filters, phrases, a misspelling and a browse.
std::vector<std::string> queries_for(const std::vector<std::string>& files) {
  std::set<std::string> queries = {"",
                                   "machine learning",
                                   "\"machine learning\"",
                                   "privacy OR streaming",
                                   "data NOT privacy",
                                   "title:kubernetes",
                                   "topic:mlops",
                                   "python lang:de",
                                   "kubernetis",
                                   "privcy on-device",
                                   "mlops"};
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      const json record = json::parse(line, nullptr, false);
      if (!record.is_object()) continue;
      for (const char* key : {"tags", "topics"}) {
        if (record.contains(key) && record[key].is_array() && !record[key].empty()) {
          queries.insert(record[key][0].get<std::string>());
        }
      }
      if (record.value("kind", "") == "talk" && record.contains("title")) {
        std::istringstream words(record["title"].get<std::string>());
        std::string first, second;
        words >> first >> second;
        queries.insert(first + " " + second);
      }
    }
  }
  return {queries.begin(), queries.end()};
}

struct Outcome {
  std::vector<std::string> ids;
  std::size_t total = 0;
  std::string facets;
  std::string did_you_mean;
};

Outcome run(const search::Index& index, const std::string& query, bool diversity) {
  search::SearchRequest request;
  request.query = query;
  request.k = 30;
  request.seed = 7;
  if (diversity) {
    request.diversity.emplace();
    request.diversity->seed = 11;
  }
  auto response = index.search(request);
  EXPECT_OK(response) << query;
  Outcome out;
  if (!response.is_ok()) return out;
  for (const auto& hit : response->results) out.ids.push_back(hit.speaker.id);
  out.total = response->total;
  for (const auto& [field, counts] : response->facets) {
    for (const auto& c : counts)
      out.facets += field + "=" + c.value + ":" + std::to_string(c.count) + " ";
  }
  out.did_you_mean = response->did_you_mean;
  return out;
}

void expect_parity(const search::Index& single, const search::Index& sharded,
                   const std::vector<std::string>& queries, const std::string& label) {
  std::size_t with_results = 0;
  std::size_t with_facets = 0;
  std::size_t with_suggestion = 0;
  for (const auto& query : queries) {
    for (bool diversity : {false, true}) {
      const Outcome want = run(single, query, diversity);
      const Outcome got = run(sharded, query, diversity);
      const std::string where =
          label + " q='" + query + "' diversity=" + (diversity ? "on" : "off");
      EXPECT_EQ(got.ids, want.ids) << where;
      EXPECT_EQ(got.total, want.total) << where;
      EXPECT_EQ(got.facets, want.facets) << where;
      EXPECT_EQ(got.did_you_mean, want.did_you_mean) << where;
      if (!want.ids.empty()) ++with_results;
      if (!want.facets.empty()) ++with_facets;
      if (!want.did_you_mean.empty()) ++with_suggestion;
    }
  }
  // The comparison means something only if most queries find someone.
  EXPECT_GT(with_results, queries.size());
  EXPECT_GT(with_facets, queries.size());
  EXPECT_GT(with_suggestion, 0u);
}

std::unique_ptr<search::Index> open_index(const std::string& path,
                                          const std::string& spelling_db = {}) {
  search::ShardOptions shards;
  shards.remote_timeout_ms = 10000;
  shards.spelling_db_path = spelling_db;
  auto index = search::Index::open(path, {.reopen_interval_ms = 0, .synonyms_path = {}}, shards);
  EXPECT_OK(index);
  return index.is_ok() ? std::move(index).value() : nullptr;
}

class ShardParity : public ::testing::TestWithParam<std::vector<std::string>> {
 protected:
  void SetUp() override {
    ingest_sharded(dir_.file("single"), GetParam(), 0);
    ingest_sharded(dir_.file("sharded"), GetParam(), 3);
  }
  TempDir dir_;
};

TEST_P(ShardParity, LocalStubMatchesOneDatabase) {
  auto single = open_index(dir_.file("single"));
  auto sharded = open_index(dir_.file("sharded"));
  ASSERT_TRUE(single && sharded);
  expect_parity(*single, *sharded, queries_for(GetParam()), "local");
}

TEST_P(ShardParity, RemoteShardsMatchOneDatabase) {
  RemoteShards remote(dir_.file("sharded"), dir_.path().string());
  // Spelling data stays local in Xapian 1.4: queries are parsed against the local shards.
  auto single = open_index(dir_.file("single"));
  auto sharded = open_index(remote.stub_path(), dir_.file("sharded"));
  ASSERT_TRUE(single && sharded);
  expect_parity(*single, *sharded, queries_for(GetParam()), "remote");
}

TEST_P(ShardParity, EveryDocumentIsInExactlyOneShard) {
  auto single = open_index(dir_.file("single"));
  auto sharded = open_index(dir_.file("sharded"));
  ASSERT_TRUE(single && sharded);
  auto a = single->stats();
  auto b = sharded->stats();
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(b->speakers, a->speakers);
  EXPECT_EQ(b->talks, a->talks);
  EXPECT_EQ(b->communities, a->communities);
}

INSTANTIATE_TEST_SUITE_P(
    Corpora, ShardParity,
    ::testing::Values(std::vector<std::string>{testdata("search/corpus.jsonl")},
                      std::vector<std::string>{PODIUM_SOURCE_DIR "/data/sample"}),
    [](const auto& param) { return param.index == 0 ? "TestCorpus" : "Sample"; });

}  // namespace
}  // namespace podium::test
