// SPDX-License-Identifier: Apache-2.0
// Consent in the recommendation endpoints: POST /v1/recommend (lineup, reasons, community
// suggestions and the diversity summary) and GET /v1/speakers/{id}/similar never carry a
// ranking-only or unconsented self-identification, even when minimums on those very values
// steer the lineup. Canaries as in consent_leak_test.cpp and diversity_consent_test.cpp.
#include <nlohmann/json.hpp>

#include "canary_check.h"
#include "support/http_fixture.h"

namespace podium::test {
namespace {

const std::vector<std::string> kSecretCanaries = {
    "CanaryRankingGenderBravo", "canaryrankinggroupbravo", "CanaryAbsentGenderCharlie",
    "canaryabsentgroupcharlie", "canaryrankinggroupdelta", "CanaryDivGenderFoxtrot",
    "canarydivgroupecho"};

void expect_no_secret(const std::string& what, const HttpReply& reply) {
  expect_no_canary(what, reply.body, kSecretCanaries);
  for (const auto& [name, value] : reply.headers) {
    expect_no_canary(what + " header", value, kSecretCanaries);
  }
}

class RecommendConsent : public HttpServerFixture {
 protected:
  std::vector<std::string> data_files() const override {
    return {testdata("privacy/consent_mix.jsonl"), testdata("privacy/diversity_mix.jsonl")};
  }
};

nlohmann::json lineup_body(int size, int seed) {
  return {{"event", "A workshop on privacy engineering: audits, law, design, ML, mobile, health."},
          {"size", size},
          {"seed", seed},
          {"diversity",
           {{"min_share",
             {{{"field", "gender"},
               {"values", {"CanaryRankingGenderBravo", "CanaryDivGenderFoxtrot"}},
               {"share", 0.5}},
              {{"field", "groups"},
               {"values", {"canaryrankinggroupbravo", "canarydivgroupecho"}},
               {"share", 0.4}}}}}}};
}

TEST_F(RecommendConsent, LineupsShapedBySecretValuesDoNotContainThem) {
  for (int size : {1, 3, 6, 12}) {
    for (int seed : {0, 4}) {
      const HttpReply reply = post("/v1/recommend", lineup_body(size, seed).dump());
      ASSERT_EQ(reply.status, 200) << reply.body;
      expect_no_secret("POST /v1/recommend size " + std::to_string(size), reply);
      const auto body = nlohmann::json::parse(reply.body);
      ASSERT_TRUE(body.contains("diversity"));
      for (const auto& m : body["diversity"]["min_share"]) {
        EXPECT_FALSE(m.contains("values")) << m;
      }
    }
  }
  // Without diversity, and with the default dimensions only.
  for (const char* body : {R"({"event": "privacy", "size": 10})",
                           R"({"event": "privacy", "size": 10, "diversity": true})"}) {
    const HttpReply reply = post("/v1/recommend", body);
    ASSERT_EQ(reply.status, 200) << reply.body;
    expect_no_secret(std::string("POST /v1/recommend ") + body, reply);
  }
}

TEST_F(RecommendConsent, TheMinimumsReallySteerTheLineup) {
  // Control, so the leak check above looks at lineups the ranking-only data shaped: speakers
  // matching the gender minimum (all consent "ranking") fill at least half of every prefix.
  const std::set<std::string> matching = {"rank-1", "div-4", "div-5", "div-6", "div-7", "div-8"};
  auto request = lineup_body(8, 2);
  const auto body = nlohmann::json::parse(post("/v1/recommend", request.dump()).body);
  ASSERT_EQ(body["lineup"].size(), 8u) << body;
  std::size_t have = 0;
  for (std::size_t k = 1; k <= 8; ++k) {
    have += matching.count(body["lineup"][k - 1]["id"].get<std::string>());
    EXPECT_GE(have, k / 2) << "prefix " << k;
  }
  // "met" is judged over the re-ranker's whole relevance band, which here holds more speakers
  // than six matching ones can fill at share 0.5; the lineup itself is what must comply.
  const std::string status = body["diversity"]["min_share"][0]["status"];
  EXPECT_TRUE(status == "met" || status == "infeasible") << status;
}

TEST_F(RecommendConsent, SimilarSpeakersOfEverySpeakerShowNoSecret) {
  for (const char* id : {"pub-1", "rank-1", "none-1", "rank-2", "div-1", "div-4", "div-8"}) {
    const std::string path = std::string("/v1/speakers/") + id + "/similar?k=50";
    const HttpReply reply = get(path);
    ASSERT_EQ(reply.status, 200) << path << reply.body;
    expect_no_secret("GET " + path, reply);
  }
  // The web profile shows similar speakers too.
  for (const char* id : {"rank-1", "div-4"}) {
    const std::string path = std::string("/speakers/") + id;
    const HttpReply reply = get(path);
    ASSERT_EQ(reply.status, 200) << path;
    expect_no_secret("GET " + path, reply);
  }
}

TEST_F(RecommendConsent, TheWebRecommendPageShowsNoSecret) {
  const HttpReply reply = get("/recommend?text=privacy+engineering+audits&size=12");
  ASSERT_EQ(reply.status, 200) << reply.body;
  expect_no_secret("GET /recommend", reply);
}

}  // namespace
}  // namespace podium::test
