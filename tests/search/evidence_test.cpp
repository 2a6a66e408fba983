// SPDX-License-Identifier: Apache-2.0
// Evidence through Index::search: a speaker's best-matching talks, best first, and equal ones in
// id order whichever way they were found (the talk run's votes, or a query of its own).
#include <string>
#include <vector>

#include "search/search_fixture.h"

namespace podium::test {
namespace {

std::string talk(const std::string& id, const std::string& speaker, const std::string& title,
                 const std::string& abstract) {
  return R"({"kind": "talk", "id": ")" + id + R"(", "title": ")" + title + R"(", "abstract": ")" +
         abstract + R"(", "speakers": [")" + speaker + R"("], "language": "en"})" + "\n";
}

class Evidence : public SearchFixture {
 protected:
  std::vector<std::string> corpus_files() override {
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
    return written_corpus(corpus);
  }

  std::vector<std::string> evidence_of(const std::string& speaker) {
    std::vector<std::string> talks;
    for (const auto& hit : search("kafka").results) {
      if (hit.speaker.id != speaker) continue;
      for (const auto& e : hit.evidence) talks.push_back(e.kind == "talk" ? e.talk_id : e.kind);
    }
    return talks;
  }
};

TEST_F(Evidence, BestTalksFirstAndEqualOnesInIdOrder) {
  EXPECT_EQ(evidence_of("pat"), (std::vector<std::string>{"t-e", "t-b", "t-d"}));
}

TEST_F(Evidence, FewerMatchingTalksThanItemsAreAllShownEqualOnesInIdOrder) {
  EXPECT_EQ(evidence_of("sam"), (std::vector<std::string>{"s-x", "s-y"}));
}

}  // namespace
}  // namespace podium::test
