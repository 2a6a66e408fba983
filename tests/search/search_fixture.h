// SPDX-License-Identifier: Apache-2.0
// An index of tests/testdata/search/corpus.jsonl (or of a fixture's own corpus_files()), opened
// through search::Index.
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "podium/search/index.h"

#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::test {

class SearchFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    ingest_files(db_dir(), corpus_files());
    auto opened = search::Index::open(db_dir(), {.reopen_interval_ms = 0, .synonyms_path = {}});
    ASSERT_OK(opened);
    index_ = std::move(opened).value();
  }

  // Called by SetUp(); dir_ is there to write a generated corpus into.
  virtual std::vector<std::string> corpus_files() { return {testdata("search/corpus.jsonl")}; }

  std::string db_dir() const { return dir_.file("index"); }

  // For corpus_files(): a fixture's own JSON Lines, written into dir_ (a leading line break, as
  // a raw string literal starts with, is dropped).
  std::vector<std::string> written_corpus(const std::string& jsonl) {
    const std::string path = dir_.file("corpus.jsonl");
    write_file(path, !jsonl.empty() && jsonl[0] == '\n' ? jsonl.substr(1) : jsonl);
    return {path};
  }

  search::SearchResponse search(const std::string& query, search::Filters filters = {},
                                int k = 10) {
    search::SearchRequest request;
    request.query = query;
    request.filters = std::move(filters);
    request.k = k;
    return search(request);
  }

  search::SearchResponse search(const search::SearchRequest& request) {
    auto response = index_->search(request);
    EXPECT_OK(response);
    return response.is_ok() ? std::move(response).value() : search::SearchResponse{};
  }

  static std::vector<std::string> ids(const search::SearchResponse& response) {
    std::vector<std::string> out;
    for (const auto& hit : response.results) out.push_back(hit.speaker.id);
    return out;
  }

  static std::size_t facet_count(const search::SearchResponse& response, const std::string& field,
                                 const std::string& value) {
    auto it = response.facets.find(field);
    if (it == response.facets.end()) return 0;
    for (const auto& c : it->second) {
      if (c.value == value) return c.count;
    }
    return 0;
  }

  TempDir dir_;
  std::unique_ptr<search::Index> index_;
};

}  // namespace podium::test
