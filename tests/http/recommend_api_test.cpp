// SPDX-License-Identifier: Apache-2.0
// GET /v1/speakers/{id}/similar and POST /v1/recommend through the real server on loopback.
#include <set>

#include <nlohmann/json.hpp>

#include "support/http_fixture.h"

namespace podium::test {
namespace {

using nlohmann::json;
using RecommendApi = HttpServerFixture;

constexpr const char* kEvent =
    "A meetup in Berlin on machine learning in production: MLOps, feature stores, Kubernetes, "
    "differential privacy and streaming data pipelines.";

TEST_F(RecommendApi, SimilarSpeakersHaveReasonsAndExcludeTheSpeaker) {
  const HttpReply reply = get("/v1/speakers/amara-okafor/similar?k=3");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = json_body(reply);
  EXPECT_EQ(body["id"], "amara-okafor");
  ASSERT_FALSE(body["results"].empty());
  EXPECT_LE(body["results"].size(), 3u);
  EXPECT_EQ(body["results"][0]["id"], "jonas-weber");
  for (const auto& hit : body["results"]) {
    EXPECT_NE(hit["id"], "amara-okafor");
    EXPECT_TRUE(hit["why"]["shared_terms"].is_array());
    EXPECT_TRUE(hit["why"]["shared_topics"].is_array());
  }
  EXPECT_NE(body["results"][0]["why"]["shared_topics"].dump().find("mlops"), std::string::npos);
  // The default k is 10.
  EXPECT_EQ(get("/v1/speakers/amara-okafor/similar").status, 200);
}

TEST_F(RecommendApi, SimilarRejectsBadKAndUnknownIds) {
  for (const char* k : {"0", "51", "-1", "ten", ""}) {
    expect_api_error(get(std::string("/v1/speakers/amara-okafor/similar?k=") + k), 400,
                     "invalid_argument", "k");
  }
  expect_api_error(get("/v1/speakers/amara-okafor/similar?k=2&k=3"), 400, "invalid_argument", "k");
  expect_api_error(get("/v1/speakers/amara-okafor/similar?n=2"), 400, "invalid_argument", "n");
  expect_api_error(get("/v1/speakers/nobody/similar"), 404, "not_found", nullptr);
  expect_api_error(get("/v1/speakers/bad%20id/similar"), 404, "not_found", nullptr);
}

TEST_F(RecommendApi, RecommendReturnsALineupWithReasonsAndCommunities) {
  const HttpReply reply =
      post("/v1/recommend", json{{"event", kEvent}, {"size", 3}, {"communities", 3}}.dump());
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = json_body(reply);
  ASSERT_EQ(body["lineup"].size(), 3u);
  std::set<std::string> covered;
  for (const auto& member : body["lineup"]) {
    EXPECT_FALSE(member["why"]["subtopics"].empty()) << member;
    EXPECT_FALSE(member["why"]["evidence"].empty()) << member;
    for (const auto& t : member["why"]["subtopics"]) covered.insert(t.get<std::string>());
  }
  EXPECT_GE(covered.size(), 3u);
  EXPECT_FALSE(body["subtopics"].empty());
  ASSERT_FALSE(body["communities"].empty());
  for (const auto& c : body["communities"]) {
    EXPECT_TRUE(c.contains("travel_grants")) << c;
    EXPECT_TRUE(c["why"].contains("topics")) << c;
  }
}

TEST_F(RecommendApi, RecommendWithDiversityAndFilters) {
  const json request = {{"event", kEvent},
                        {"size", 4},
                        {"filters", {{"remote", "true"}}},
                        {"diversity", {{"seed", 5}, {"dimensions", {"region"}}}}};
  const HttpReply reply = post("/v1/recommend", request.dump());
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = json_body(reply);
  ASSERT_TRUE(body.contains("diversity")) << reply.body;
  for (const auto& member : body["lineup"]) EXPECT_EQ(member["remote"], true) << member;
  EXPECT_FALSE(
      json_body(post("/v1/recommend", json{{"event", kEvent}}.dump())).contains("diversity"));
}

TEST_F(RecommendApi, EveryBadBodyIsA400NamingTheParameter) {
  const std::vector<std::pair<std::string, json>> cases = {
      {R"({})", "event"},
      {R"({"size": 3})", "event"},
      {R"({"event": ""})", "event"},
      {R"({"event": "   "})", "event"},
      {R"({"event": 42})", "event"},
      {R"({"event": "!!! ??? ..."})", "event"},
      {R"({"event": "mlops", "size": 0})", "size"},
      {R"({"event": "mlops", "size": 21})", "size"},
      {R"({"event": "mlops", "size": "3"})", "size"},
      {R"({"event": "mlops", "size": 2.5})", "size"},
      {R"({"event": "mlops", "communities": 11})", "communities"},
      {R"({"event": "mlops", "seed": -1})", "seed"},
      {R"({"event": "mlops", "coverage_lambda": 2})", "coverage_lambda"},
      {R"({"event": "mlops", "colour": "red"})", "colour"},
      {R"({"event": "mlops", "filters": {"shoe": "42"}})", "filters.shoe"},
      {R"({"event": "mlops", "filters": []})", "filters"},
      {R"({"event": "mlops", "diversity": {"lambda": 3}})", "diversity.lambda"},
      {R"({"event": "mlops", "diversity": {"min_share": [{"field": "age", "values": ["x"], "share": 0.5}]}})",
       "diversity.min_share[0].field"},
  };
  for (const auto& [body, param] : cases) {
    SCOPED_TRACE(body);
    expect_api_error(post("/v1/recommend", body), 400, "invalid_argument", param);
  }
  // Only call-for-papers wording: the message says those words are skipped.
  const HttpReply wordless = post("/v1/recommend", R"({"event": "Day 3 Welcome"})");
  expect_api_error(wordless, 400, "invalid_argument", "event");
  EXPECT_NE(json_body(wordless)["error"]["message"].get<std::string>().find("\"welcome\""),
            std::string::npos);
  expect_api_error(post("/v1/recommend", "{not json"), 400, "invalid_argument", nullptr);
  expect_api_error(post("/v1/recommend", "[1]"), 400, "invalid_argument", nullptr);
  expect_api_error(post("/v1/recommend?size=3", R"({"event": "mlops"})"), 400, "invalid_argument",
                   "size");
  expect_api_error(post("/v1/recommend", json{{"event", std::string(20001, 'a')}}.dump()), 400,
                   "invalid_argument", "event");
}

TEST_F(RecommendApi, OpenApiDescribesTheNewRoutes) {
  const json body = json_body(get("/openapi.json"));
  EXPECT_TRUE(body["paths"].contains("/v1/speakers/{id}/similar"));
  EXPECT_TRUE(body["paths"]["/v1/recommend"].contains("post"));
}

}  // namespace
}  // namespace podium::test
