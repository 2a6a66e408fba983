// SPDX-License-Identifier: Apache-2.0
// Consent is a security property: self-identification with consent "ranking" (or none given)
// may steer ranking and aggregate counts, but no byte of any response about one speaker may
// carry it. Speakers of every consent level carry canary values; every endpoint's raw bytes, the
// CLI's output and the index's terms are searched for the canaries.
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "canary_check.h"
#include "support/http_fixture.h"

namespace podium::test {
namespace {

// Values that must never appear: ranking-only and no-consent self-identification.
const std::vector<std::string> kSecretCanaries = {
    "CanaryRankingGenderBravo", "canaryrankinggroupbravo", "CanaryAbsentGenderCharlie",
    "canaryabsentgroupcharlie", "canaryrankinggroupdelta"};
// Values that may appear (consent "public"), as a positive control for the checks themselves.
const std::vector<std::string> kPublicCanaries = {"CanaryPublicGenderAlpha",
                                                  "canarypublicgroupalpha"};

void expect_no_secret(const std::string& what, const std::string& bytes) {
  expect_no_canary(what, bytes, kSecretCanaries);
}

class ConsentLeak : public HttpServerFixture {
 protected:
  std::vector<std::string> data_files() const override {
    return {testdata("privacy/consent_mix.jsonl")};
  }
};

TEST_F(ConsentLeak, NoEndpointShowsRankingOnlySelfIdentification) {
  const std::vector<std::string> paths = {
      "/v1/search?q=privacy",
      "/v1/search?q=privacy&explain=1&k=100",
      "/v1/search?q=privacy+engineering&lang=en",
      "/v1/search?q=",
      "/v1/search?seed=1",
      "/v1/search?q=privacy&community=canary-net",
      "/v1/search?q=privacy&country=FR",
      "/v1/search?q=name:robin",
      "/v1/speakers/pub-1",
      "/v1/speakers/rank-1",
      "/v1/speakers/none-1",
      "/v1/speakers/rank-2",
      "/v1/talks/tp-1",
      "/v1/talks/tp-2",
      "/v1/communities",
      "/v1/communities?q=canary",
      "/healthz",
      "/openapi.json",
      "/v1/speakers/rank-1?x=1",
      "/v1/search?q=privacy&k=0",
      "/",
      "/speakers/rank-1",
      "/speakers/none-1",
      "/speakers/rank-2",
      "/?q=privacy",
      "/communities",
  };
  for (const auto& path : paths) {
    const HttpReply reply = get(path);
    EXPECT_NE(reply.status, 0) << path;
    expect_no_secret("GET " + path, reply.body);
    for (const auto& [name, value] : reply.headers) expect_no_secret(path + " header", value);
  }
  const HttpReply posted = post("/v1/search", R"({"q": "privacy", "k": 50, "explain": true})");
  EXPECT_EQ(posted.status, 200);
  expect_no_secret("POST /v1/search", posted.body);
}

TEST_F(ConsentLeak, SearchingForASecretValueFindsNobody) {
  for (const auto& canary : kSecretCanaries) {
    const HttpReply reply = get("/v1/search?q=" + canary);
    ASSERT_EQ(reply.status, 200);
    const auto body = nlohmann::json::parse(reply.body);
    EXPECT_EQ(body["total"], 0) << canary;
    EXPECT_TRUE(body["results"].empty()) << canary;
    // Filters on it find nobody either.
    const auto filtered = nlohmann::json::parse(get("/v1/search?topic=" + canary).body);
    EXPECT_EQ(filtered["total"], 0) << canary;
  }
}

TEST_F(ConsentLeak, PublicSelfIdentificationIsShownWhereTheSpeakerAllowedIt) {
  // Positive control: the same checks find the public canaries, so they can fail.
  const HttpReply profile = get("/v1/speakers/pub-1");
  ASSERT_EQ(profile.status, 200);
  for (const auto& canary : kPublicCanaries) {
    EXPECT_NE(profile.body.find(canary), std::string::npos) << canary;
  }
  const auto body = nlohmann::json::parse(profile.body);
  EXPECT_EQ(body["self_id"]["consent"], "public");
  EXPECT_FALSE(nlohmann::json::parse(get("/v1/speakers/rank-1").body).contains("self_id"));
}

TEST_F(ConsentLeak, TheIndexHasNoTermOrDocumentDataWithSecretValues) {
  Xapian::Database db(db_dir());
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
    expect_no_secret("term", *term);
  }
  for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
    try {
      expect_no_secret("document data", db.get_document(id).get_data());
    } catch (const Xapian::DocNotFoundError&) {
    }
  }
}

TEST_F(ConsentLeak, CommandLineOutputHasNoSecretValues) {
  for (const bool json : {false, true}) {
    std::vector<std::string> argv = {bin_path("podium-search"), "--db", db_dir(), "-k", "50"};
    if (json) argv.push_back("--json");
    argv.push_back("privacy");
    const ProcessResult result = run_process(argv);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Robin Ranking"), std::string::npos) << result.out;
    expect_no_secret(json ? "podium-search --json" : "podium-search", result.out + result.err);
  }
}

}  // namespace
}  // namespace podium::test
