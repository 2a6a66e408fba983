// SPDX-License-Identifier: Apache-2.0
// Consent under diversity re-ranking: ranking-only self-identification may steer the order of
// POST /v1/search with minimums on gender and groups, but the raw response bytes (results and
// the diversity summary) never carry a ranking-only value, the requested values, or which
// speaker was moved. Canaries as in consent_leak_test.cpp.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "canary_check.h"
#include "support/http_fixture.h"

namespace podium::test {
namespace {

const std::vector<std::string> kSecretCanaries = {
    "CanaryRankingGenderBravo", "canaryrankinggroupbravo", "CanaryAbsentGenderCharlie",
    "canaryabsentgroupcharlie", "canaryrankinggroupdelta", "CanaryDivGenderFoxtrot",
    "canarydivgroupecho"};

void expect_no_secret(const std::string& what, const std::string& bytes) {
  expect_no_canary(what, bytes, kSecretCanaries);
}

// Minimums on exactly the secret values, so the ranking-only data is in play.
std::string diverse_body(int k, int seed) {
  nlohmann::json body = {
      {"q", "privacy"},
      {"k", k},
      {"explain", true},
      {"diversity",
       {{"enabled", true},
        {"seed", seed},
        {"min_share",
         {{{"field", "gender"},
           {"values", {"CanaryRankingGenderBravo", "CanaryDivGenderFoxtrot", "women+"}},
           {"share", 0.5}},
          {{"field", "groups"},
           {"values", {"canaryrankinggroupbravo", "canarydivgroupecho", "canaryrankinggroupdelta"}},
           {"share", 0.4}}}},
        {"dimensions", {"region", "affiliation", "experience", "subtopic"}}}}};
  return body.dump();
}

class DiversityConsent : public HttpServerFixture {
 protected:
  std::vector<std::string> data_files() const override {
    return {testdata("privacy/consent_mix.jsonl"), testdata("privacy/diversity_mix.jsonl")};
  }
};

TEST_F(DiversityConsent, ResponsesWithMinimumsOnSecretValuesDoNotContainThem) {
  for (int k : {1, 3, 5, 20}) {
    for (int seed : {0, 7, 99}) {
      const HttpReply reply = post("/v1/search", diverse_body(k, seed));
      ASSERT_EQ(reply.status, 200) << reply.body;
      expect_no_secret("POST /v1/search k=" + std::to_string(k), reply.body);
      for (const auto& [name, value] : reply.headers) expect_no_secret("header", value);
      const auto body = nlohmann::json::parse(reply.body);
      ASSERT_TRUE(body.contains("diversity")) << reply.body;
    }
  }
  for (const char* path : {"/v1/search?q=privacy&diversity=on&k=20",
                           "/v1/search?q=privacy&diversity=on&k=2&explain=1"}) {
    const HttpReply reply = get(path);
    ASSERT_EQ(reply.status, 200) << path;
    expect_no_secret(std::string("GET ") + path, reply.body);
  }
}

TEST_F(DiversityConsent, TheMinimumsSteerTheOrder) {
  // Control: the secret values are really in play, so the leak checks above look at responses
  // the ranking-only data has shaped. The test knows who matches the gender minimum (rank-1
  // and div-4..div-8, all consent "ranking"); the response must not say so.
  const std::set<std::string> matching = {"rank-1", "div-4", "div-5", "div-6", "div-7", "div-8"};
  for (int seed : {1, 2, 3, 4, 5}) {
    auto request = nlohmann::json::parse(diverse_body(12, seed));
    request["diversity"]["dimensions"] = nlohmann::json::array();
    const auto body = nlohmann::json::parse(post("/v1/search", request.dump()).body);
    ASSERT_EQ(body["results"].size(), 12u);
    std::size_t have = 0;
    for (std::size_t k = 1; k <= 12; ++k) {
      have += matching.count(body["results"][k - 1]["id"].get<std::string>());
      EXPECT_GE(have, k / 2) << "seed " << seed << " prefix " << k;
    }
    ASSERT_EQ(body["diversity"]["min_share"].size(), 2u);
    EXPECT_EQ(body["diversity"]["min_share"][0]["status"], "met");
    EXPECT_EQ(body["diversity"]["min_share"][1]["status"], "met");
  }
}

TEST_F(DiversityConsent, TheSummaryHasAggregatesOnlyAndPublicValuesOnly) {
  const auto body = nlohmann::json::parse(post("/v1/search", diverse_body(20, 7)).body);
  const auto& summary = body["diversity"];
  const std::string bytes = summary.dump();
  // Never which speaker: no id or name of any result appears in the summary.
  for (const auto& hit : body["results"]) {
    EXPECT_EQ(bytes.find(hit["id"].get<std::string>()), std::string::npos) << bytes;
    EXPECT_EQ(bytes.find(hit["name"].get<std::string>()), std::string::npos) << bytes;
  }
  // Minimums say met or infeasible, and do not echo the requested values.
  for (const auto& m : summary["min_share"]) {
    EXPECT_FALSE(m.contains("values")) << m;
    EXPECT_TRUE(m["status"] == "met" || m["status"] == "infeasible") << m;
  }
  // Positive control: a public self-identification is counted (so the check can fail).
  EXPECT_EQ(summary["page"]["public_self_id"]["gender"]["canarypublicgenderalpha"], 1) << bytes;
  EXPECT_EQ(summary["page"]["public_self_id"]["groups"]["canarypublicgroupalpha"], 1) << bytes;
  EXPECT_EQ(summary["page"]["public_self_id"]["gender"].size(), 1u) << bytes;
}

TEST_F(DiversityConsent, BadDiversityParametersAreRejectedByName) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"q": "x", "diversity": 3})", "diversity"},
      {R"({"q": "x", "diversity": {"colour": 1}})", "diversity.colour"},
      {R"({"q": "x", "diversity": {"enabled": "yes"}})", "diversity.enabled"},
      {R"({"q": "x", "diversity": {"seed": -1}})", "diversity.seed"},
      {R"({"q": "x", "diversity": {"min_share": {}}})", "diversity.min_share"},
      {R"({"q": "x", "diversity": {"min_share": [{"field": "gender", "values": ["w"], "share": 1.5}]}})",
       "diversity.min_share[0].share"},
      {R"({"q": "x", "diversity": {"min_share": [{"field": "age", "values": ["w"], "share": 0.5}]}})",
       "diversity.min_share[0].field"},
      {R"({"q": "x", "diversity": {"min_share": [{"field": "gender", "values": [], "share": 0.5}]}})",
       "diversity.min_share[0].values"},
      {R"({"q": "x", "diversity": {"min_share": [{"field": "gender", "share": 0.5}]}})",
       "diversity.min_share[0].values"},
      {R"({"q": "x", "diversity": {"min_share": [{"field": "region", "values": ["mars"], "share": 0.5}]}})",
       "diversity.min_share[0].values[0]"},
      {R"({"q": "x", "diversity": {"dimensions": ["height"]}})", "diversity.dimensions[0]"},
      {R"({"q": "x", "diversity": {"lambda": 2}})", "diversity.lambda"},
  };
  for (const auto& [request, field] : cases) {
    const HttpReply reply = post("/v1/search", request);
    EXPECT_EQ(reply.status, 400) << request;
    EXPECT_NE(reply.body.find("\"" + field + "\""), std::string::npos) << request << reply.body;
  }
  EXPECT_EQ(get("/v1/search?q=x&diversity=maybe").status, 400);
  EXPECT_EQ(get("/v1/search?q=privacy&diversity=off").status, 200);
  EXPECT_FALSE(
      nlohmann::json::parse(get("/v1/search?q=privacy&diversity=off").body).contains("diversity"));
  EXPECT_TRUE(
      nlohmann::json::parse(get("/v1/search?q=privacy&diversity=on").body).contains("diversity"));
}

}  // namespace
}  // namespace podium::test
