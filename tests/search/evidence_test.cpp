// SPDX-License-Identifier: Apache-2.0
// Evidence through Index::search: a speaker's best-matching talks, best first, and equal ones in
// id order whichever way they were found (the talk run's votes, or a query of its own).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "podium/search/index.h"

#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::test {
namespace {

std::string talk(const std::string& id, const std::string& speaker, const std::string& title,
                 const std::string& abstract) {
  return R"({"kind": "talk", "id": ")" + id + R"(", "title": ")" + title + R"(", "abstract": ")" +
         abstract + R"(", "speakers": [")" + speaker + R"("], "language": "en"})" + "\n";
}

class Evidence : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string corpus = R"({"kind": "speaker", "id": "pat", "name": "Pat Lee"})"
                         "\n"
                         R"({"kind": "speaker", "id": "sam", "name": "Sam Roe"})"
                         "\n";
    // Pat: one strong match, two equal ones (t-d indexed before t-b, so t-d has the smaller
    // document id), a weak one, and one that does not match.
    corpus += talk("t-e", "pat", "Kafka streams", "Kafka, kafka and more kafka.");
    corpus += talk("t-d", "pat", "Kafka basics", "An introduction to kafka.");
    corpus += talk("t-b", "pat", "Kafka basics", "An introduction to kafka.");
    corpus += talk("t-c", "pat", "Operations",
                   "Running brokers, storage, networking, monitoring, upgrades, quotas and one "
                   "mention of kafka among many other words about operating clusters.");
    corpus += talk("t-z", "pat", "Gardening", "Tomatoes and beans.");
    // Sam: two equal matches (s-y indexed first), fewer than the three evidence items a result
    // may have, so evidence finds them with a query of its own.
    corpus += talk("s-y", "sam", "Kafka in production", "Kafka kafka.");
    corpus += talk("s-x", "sam", "Kafka in production", "Kafka kafka.");
    corpus += talk("s-z", "sam", "Gardening", "Tomatoes and beans.");
    write_file(dir_.file("corpus.jsonl"), corpus);
    ingest_files(dir_.file("index"), {dir_.file("corpus.jsonl")});
    auto opened =
        search::Index::open(dir_.file("index"), {.reopen_interval_ms = 0, .synonyms_path = {}});
    ASSERT_OK(opened);
    index_ = std::move(opened).value();
  }

  std::vector<std::string> evidence_of(const std::string& speaker) {
    search::SearchRequest request;
    request.query = "kafka";
    auto response = index_->search(request);
    EXPECT_OK(response);
    std::vector<std::string> talks;
    if (!response.is_ok()) return talks;
    for (const auto& hit : response->results) {
      if (hit.speaker.id != speaker) continue;
      for (const auto& e : hit.evidence) talks.push_back(e.kind == "talk" ? e.talk_id : e.kind);
    }
    return talks;
  }

  TempDir dir_;
  std::unique_ptr<search::Index> index_;
};

TEST_F(Evidence, BestTalksFirstAndEqualOnesInIdOrder) {
  EXPECT_EQ(evidence_of("pat"), (std::vector<std::string>{"t-e", "t-b", "t-d"}));
}

TEST_F(Evidence, FewerMatchingTalksThanItemsAreAllShownEqualOnesInIdOrder) {
  EXPECT_EQ(evidence_of("sam"), (std::vector<std::string>{"s-x", "s-y"}));
}

}  // namespace
}  // namespace podium::test
