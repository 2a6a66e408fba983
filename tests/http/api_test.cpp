// SPDX-License-Identifier: Apache-2.0
// The HTTP API end to end: the real server on loopback over a real index.
#include <nlohmann/json.hpp>

#include "support/http_fixture.h"

namespace podium::test {
namespace {

using nlohmann::json;
using Api = HttpServerFixture;

std::vector<std::string> result_ids(const json& body) {
  std::vector<std::string> out;
  for (const auto& r : body["results"]) out.push_back(r["id"]);
  return out;
}

TEST_F(Api, SearchReturnsRankedResultsWithEvidenceAndFacets) {
  const HttpReply reply = get("/v1/search?q=feature+store&k=5");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(httplib::detail::get_header_value(reply.headers, "Access-Control-Allow-Origin", 0, ""),
            std::string("*"));
  const json body = json_body(reply);
  EXPECT_EQ(body["query"], "feature store");
  EXPECT_EQ(body["total"], 1);
  EXPECT_EQ(body["counts_exact"], true);  // a small index counts every match
  const json& first = body["results"][0];
  EXPECT_EQ(first["id"], "amara-okafor");
  EXPECT_EQ(first["name"], "Amara Okafor");
  EXPECT_EQ(first["pronouns"], "she/her");
  EXPECT_EQ(first["location"]["country"], "NG");
  EXPECT_EQ(first["talk_count"], 3);
  EXPECT_EQ(first["links"]["website"], "https://example.org/amara");
  for (const char* key : {"headline", "languages", "formats", "score", "evidence"}) {
    EXPECT_TRUE(first.contains(key)) << key;
  }
  EXPECT_EQ(first["evidence"][0]["talk_id"], "t-feature-store-2023");
  EXPECT_NE(first["evidence"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos);
  for (const char* field : {"lang", "country", "format", "community", "topic", "remote"}) {
    EXPECT_TRUE(body["facets"].contains(field)) << field;
  }
}

TEST_F(Api, RepeatedFiltersAreOrAndDifferentFiltersAreAnd) {
  json body = json_body(get("/v1/search?q=kubernetes&country=DE&country=SG"));
  EXPECT_EQ(body["total"], 2);
  body = json_body(get("/v1/search?q=kubernetes&country=DE&country=SG&remote=true"));
  EXPECT_EQ(result_ids(body), std::vector<std::string>{"li-wei"});
  body = json_body(get("/v1/search?q=&lang=es"));
  EXPECT_EQ(result_ids(body), std::vector<std::string>{"sofia-reyes"});
  body = json_body(get("/v1/search?q=mlops&community=berlin-mlops&format=keynote"));
  EXPECT_EQ(result_ids(body), std::vector<std::string>{"jonas-weber"});
  body = json_body(get("/v1/search?topic=streaming"));
  EXPECT_EQ(result_ids(body), std::vector<std::string>{"li-wei"});
  body = json_body(get("/v1/search?city=Lyon"));
  EXPECT_EQ(result_ids(body), std::vector<std::string>{"zoe-martin"});
}

TEST_F(Api, PostTakesTheSameAsAJsonBody) {
  const HttpReply reply = post(
      "/v1/search",
      R"({"q": "kubernetes", "k": 5, "offset": 0, "filters": {"country": ["DE", "SG"], "remote": true}})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(result_ids(json_body(reply)), std::vector<std::string>{"li-wei"});
  const json get_body = json_body(get("/v1/search?q=kubernetes&k=5"));
  const json post_body = json_body(post("/v1/search", R"({"q": "kubernetes", "k": 5})"));
  EXPECT_EQ(result_ids(get_body), result_ids(post_body));
}

TEST_F(Api, EmptyQueryBrowsesInASeededOrder) {
  const json a = json_body(get("/v1/search?seed=3"));
  const json b = json_body(get("/v1/search?seed=3"));
  EXPECT_EQ(a["total"], 6);
  EXPECT_EQ(result_ids(a), result_ids(b));
  bool differs = false;
  for (int seed = 4; seed < 12 && !differs; ++seed) {
    differs =
        result_ids(json_body(get("/v1/search?seed=" + std::to_string(seed)))) != result_ids(a);
  }
  EXPECT_TRUE(differs);
}

TEST_F(Api, EveryBadParameterIsA400NamingIt) {
  struct Case {
    std::string query;
    std::string param;
  };
  const std::vector<Case> cases = {
      {"k=0", "k"},
      {"k=101", "k"},
      {"k=ten", "k"},
      {"k=5abc", "k"},
      {"offset=-1", "offset"},
      {"offset=10001", "offset"},
      {"remote=maybe", "remote"},
      {"colour=red", "colour"},
      {"q=a&q=b", "q"},
      {"seed=x", "seed"},
      {"explain=perhaps", "explain"},
      {"lang=", "lang"},
      {"k=99999999999999999999", "k"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    expect_api_error(get("/v1/search?" + c.query), 400, "invalid_argument", c.param);
  }
}

TEST_F(Api, QueryTheParserCannotTakeIsA400NotA500) {
  for (const std::string q : {"AND", "OR+OR", "NOT", "(((", "title:(", "\"unclosed"}) {
    SCOPED_TRACE(q);
    const HttpReply reply = get("/v1/search?q=" + httplib::detail::encode_query_param(q));
    EXPECT_TRUE(reply.status == 200 || reply.status == 400) << reply.status << reply.body;
    if (reply.status == 400) expect_api_error(reply, 400, "invalid_argument", "q");
  }
  expect_api_error(get("/v1/search?q=AND"), 400, "invalid_argument", "q");
}

TEST_F(Api, BadBodiesAre400s) {
  expect_api_error(post("/v1/search", "{not json"), 400, "invalid_argument", nullptr);
  expect_api_error(post("/v1/search", "[1, 2]"), 400, "invalid_argument", nullptr);
  expect_api_error(post("/v1/search", R"({"q": "x", "filters": {"colour": "red"}})"), 400,
                   "invalid_argument", "filters.colour");
  expect_api_error(post("/v1/search", R"({"q": "x", "k": "many"})"), 400, "invalid_argument", "k");
  expect_api_error(post("/v1/search", R"({"q": ["x"]})"), 400, "invalid_argument", "q");
  expect_api_error(post("/v1/search", std::string(100, '[') + std::string(100, ']')), 400,
                   "invalid_argument", nullptr);
  expect_api_error(post("/v1/search", "{\"q\": \"\xff\xfe\"}"), 400, "invalid_argument", nullptr);
  expect_api_error(post("/v1/search?k=3", R"({"q": "x"})"), 400, "invalid_argument", "k");
}

TEST_F(Api, OversizedRequestsAreRejectedWithJson) {
  const HttpReply big = post("/v1/search", "{\"q\": \"" + std::string(2 << 20, 'a') + "\"}");
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(json_body(big)["error"]["code"], "too_large");
  const HttpReply long_uri = get("/v1/search?q=" + std::string(9000, 'a'));
  EXPECT_EQ(long_uri.status, 414);
  EXPECT_EQ(json_body(long_uri)["error"]["code"], "too_large");
  expect_api_error(get("/v1/search?q=" + std::string(3000, 'a')), 400, "invalid_argument", "q");
}

TEST_F(Api, SpeakerProfileAndTalk) {
  HttpReply reply = get("/v1/speakers/amara-okafor");
  ASSERT_EQ(reply.status, 200) << reply.body;
  json body = json_body(reply);
  EXPECT_EQ(body["bio"].get<std::string>().substr(0, 5), "Amara");
  ASSERT_EQ(body["talks"].size(), 3u);
  EXPECT_EQ(body["talks"][0]["id"], "t-model-registry-2024");
  EXPECT_EQ(body["communities"][0]["name"], "Women in Data Streams");
  reply = get("/v1/talks/t-gpu-2024");
  ASSERT_EQ(reply.status, 200) << reply.body;
  body = json_body(reply);
  EXPECT_EQ(body["speakers"][1]["name"], "Li Wei");
  EXPECT_EQ(body["title"], "Sharing GPUs on Kubernetes");
}

TEST_F(Api, UnknownIdsAndPathsAre404sWithJson) {
  expect_api_error(get("/v1/speakers/nobody"), 404, "not_found", nullptr);
  expect_api_error(get("/v1/talks/nothing"), 404, "not_found", nullptr);
  expect_api_error(get("/v1/speakers/bad%20id"), 404, "not_found", nullptr);
  expect_api_error(get("/v1/nope"), 404, "not_found", nullptr);
  expect_api_error(get("/v1/speakers/amara-okafor?x=1"), 400, "invalid_argument", "x");
}

TEST_F(Api, CommunitiesWithFilters) {
  json body = json_body(get("/v1/communities"));
  EXPECT_EQ(body["total"], 3);
  body = json_body(get("/v1/communities?travel_grants=true&region=global"));
  EXPECT_EQ(body["total"], 2);
  body = json_body(get("/v1/communities?q=meetup&type=meetup"));
  ASSERT_EQ(body["total"], 1);
  EXPECT_EQ(body["results"][0]["id"], "berlin-mlops");
  expect_api_error(get("/v1/communities?travel_grants=sometimes"), 400, "invalid_argument",
                   "travel_grants");
  expect_api_error(get("/v1/communities?size=3"), 400, "invalid_argument", "size");
}

TEST_F(Api, HealthzReportsCountsAndLastCommit) {
  const HttpReply reply = get("/healthz");
  ASSERT_EQ(reply.status, 200);
  const json body = json_body(reply);
  EXPECT_EQ(body["documents"]["speakers"], 6);
  EXPECT_EQ(body["documents"]["talks"], 11);
  EXPECT_EQ(body["documents"]["communities"], 3);
  EXPECT_TRUE(body["last_commit"].is_string());
}

TEST_F(Api, OpenApiDocumentDescribesEveryRoute) {
  const HttpReply reply = get("/openapi.json");
  ASSERT_EQ(reply.status, 200);
  const json body = json_body(reply);
  EXPECT_EQ(body["openapi"].get<std::string>().substr(0, 2), "3.");
  for (const char* path :
       {"/v1/search", "/v1/speakers/{id}", "/v1/talks/{id}", "/v1/communities", "/healthz",
        "/openapi.json", "/metrics", "/v1/admin/ingest", "/v1/admin/{kind}/{id}"}) {
    EXPECT_TRUE(body["paths"].contains(path)) << path;
  }
  EXPECT_TRUE(body["paths"]["/v1/search"].contains("post"));
}

TEST_F(Api, ExplainAddsScoreBreakdown) {
  const json body = json_body(get("/v1/search?q=feature+store&explain=1"));
  const json& explain = body["results"][0]["explain"];
  EXPECT_TRUE(explain.contains("profile_score"));
  EXPECT_EQ(explain["talks"][0]["talk_id"], "t-feature-store-2023");
  EXPECT_FALSE(json_body(get("/v1/search?q=feature+store"))["results"][0].contains("explain"));
}

}  // namespace
}  // namespace podium::test
