// SPDX-License-Identifier: Apache-2.0
// Evidence of a talk that matched by its tags: the tags it matched are named (matched_tags, in
// the talk's spelling) and their words count as matched words, so a talk found by a tag alone
// does not show up with nothing marked.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "podium/search/index.h"
#include "podium/search/response_json.h"

#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::test {
namespace {

// Sakura's keyboard talk says "on-device" only in its tags; Nino's talk says it in the title.
constexpr const char* kCorpus = R"(
{"kind": "speaker", "id": "sakura", "name": "Sakura Takahashi"}
{"kind": "speaker", "id": "nino", "name": "Nino Beridze"}
{"kind": "talk", "id": "t-keyboard", "title": "Federated analytics for keyboard suggestions", "abstract": "Discovering new words and emoji trends without collecting what people type.", "speakers": ["sakura"], "tags": ["Federated Analytics", "On-Device"]}
{"kind": "talk", "id": "t-aggregation", "title": "Private aggregation on-device", "abstract": "Secure aggregation meets differential privacy.", "speakers": ["nino"], "tags": ["privacy"]}
)";

class TagEvidence : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string corpus = dir_.file("corpus.jsonl");
    write_file(corpus, std::string(kCorpus).substr(1));
    ingest_files(dir_.file("index"), {corpus});
    auto opened =
        search::Index::open(dir_.file("index"), {.reopen_interval_ms = 0, .synonyms_path = {}});
    ASSERT_OK(opened);
    index_ = std::move(opened).value();
  }

  // The first evidence item of `speaker` in the results of `query`.
  search::Evidence evidence_of(const std::string& query, const std::string& speaker) {
    search::SearchRequest request;
    request.query = query;
    auto response = index_->search(request);
    EXPECT_OK(response);
    if (!response.is_ok()) return {};
    for (const auto& hit : response->results) {
      if (hit.speaker.id == speaker && !hit.evidence.empty()) return hit.evidence[0];
    }
    ADD_FAILURE() << speaker << " has no evidence for " << query;
    return {};
  }

  TempDir dir_;
  std::unique_ptr<search::Index> index_;
};

TEST_F(TagEvidence, ATalkFoundByATagNamesTheTag) {
  const search::Evidence e = evidence_of("on-device", "sakura");
  EXPECT_EQ(e.talk_id, "t-keyboard");
  EXPECT_EQ(e.snippet.find("<mark>"), std::string::npos) << "nothing to mark in the abstract";
  EXPECT_EQ(e.matched_tags, std::vector<std::string>{"On-Device"});
  EXPECT_EQ(e.matched_words, std::vector<std::string>{"on-device"});
}

TEST_F(TagEvidence, OnlyTheTagsThatMatchedAreNamed) {
  EXPECT_EQ(evidence_of("federated analytics", "sakura").matched_tags,
            std::vector<std::string>{"Federated Analytics"});
  EXPECT_TRUE(evidence_of("emoji", "sakura").matched_tags.empty());
}

TEST_F(TagEvidence, TitleWordsAndTagsBothCount) {
  const search::Evidence e = evidence_of("aggregation privacy", "nino");
  EXPECT_EQ(e.matched_tags, std::vector<std::string>{"privacy"});
  EXPECT_EQ(e.matched_words, (std::vector<std::string>{"aggregation", "privacy"}));
}

TEST_F(TagEvidence, TheJsonCarriesMatchedTags) {
  search::SearchRequest request;
  request.query = "on-device";
  auto response = index_->search(request);
  ASSERT_OK(response);
  const nlohmann::json body = search::to_json(*response);
  bool seen = false;
  for (const auto& hit : body["results"]) {
    for (const auto& e : hit["evidence"]) {
      ASSERT_TRUE(e.contains("matched_tags")) << e.dump();
      if (e["talk_id"] == "t-keyboard") {
        EXPECT_EQ(e["matched_tags"], nlohmann::json::array({"On-Device"}));
        seen = true;
      }
    }
  }
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace podium::test
