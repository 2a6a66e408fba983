// SPDX-License-Identifier: Apache-2.0
// Evidence of a talk that matched by its tags: the tags it matched are named (matched_tags, in
// the talk's spelling) and their words count as matched words, so a talk found by a tag alone
// does not show up with nothing marked.
#include <memory>
#include <string>
#include <vector>

#include "podium/search/response_json.h"

#include "search/search_fixture.h"

namespace podium::test {
namespace {

// Sakura's keyboard talk says "on-device" only in its tags; Nino's talk says it in the title.
constexpr const char* kCorpus = R"(
{"kind": "speaker", "id": "sakura", "name": "Sakura Takahashi"}
{"kind": "speaker", "id": "nino", "name": "Nino Beridze"}
{"kind": "talk", "id": "t-keyboard", "title": "Federated analytics for keyboard suggestions", "abstract": "Discovering new words and emoji trends without collecting what people type.", "speakers": ["sakura"], "tags": ["Federated Analytics", "On-Device"]}
{"kind": "talk", "id": "t-aggregation", "title": "Private aggregation on-device", "abstract": "Secure aggregation meets differential privacy.", "speakers": ["nino"], "tags": ["privacy"]}
)";

class TagEvidence : public SearchFixture {
 protected:
  std::vector<std::string> corpus_files() override { return written_corpus(kCorpus); }

  // The first evidence item of `speaker` in the results of `query`.
  search::Evidence evidence_of(const std::string& query, const std::string& speaker) {
    for (const auto& hit : search(query).results) {
      if (hit.speaker.id == speaker && !hit.evidence.empty()) return hit.evidence[0];
    }
    ADD_FAILURE() << speaker << " has no evidence for " << query;
    return {};
  }
};

TEST_F(TagEvidence, ATalkFoundByATagNamesTheTag) {
  const search::Evidence e = evidence_of("on-device", "sakura");
  EXPECT_EQ(e.talk_id, "t-keyboard");
  EXPECT_EQ(e.snippet.find("<mark>"), std::string::npos) << "nothing to mark in the abstract";
  EXPECT_EQ(e.matched_tags, std::vector<std::string>{"On-Device"});
  EXPECT_EQ(e.matched_words, std::vector<std::string>{"on-device"});
}

TEST_F(TagEvidence, TagSnippetsMarkOnlyTheMatchedWords) {
  const search::Evidence e = evidence_of("federated", "sakura");
  EXPECT_EQ(e.matched_tags, std::vector<std::string>{"Federated Analytics"});
  EXPECT_EQ(e.matched_tag_snippets, std::vector<std::string>{"<mark>Federated</mark> Analytics"});
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
  const nlohmann::json body = search::to_json(search("on-device"));
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
