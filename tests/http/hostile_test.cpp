// SPDX-License-Identifier: Apache-2.0
// Hostile requests: each gets the right 4xx (or 200 when harmless), never a 5xx, a crash or a
// hang, and the server still answers afterwards.
#include <nlohmann/json.hpp>

#include "support/http_fixture.h"

namespace podium::test {
namespace {

using nlohmann::json;

class Hostile : public HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.access_log = false;
    options.rate_limit_per_second = 0;  // these tests send many requests on purpose
    options.web_root = std::string(PODIUM_SOURCE_DIR) + "/searcher/web";
    return options;
  }

  void TearDown() override {
    EXPECT_EQ(get("/healthz").status, 200) << "the server stopped answering";
    HttpServerFixture::TearDown();
  }
};

// The status is one of `allowed`, and a JSON body when the route is an API route.
void expect_status(const HttpReply& reply, std::initializer_list<int> allowed,
                   const std::string& what) {
  EXPECT_NE(reply.status, 0) << what << ": no answer";
  EXPECT_TRUE(std::find(allowed.begin(), allowed.end(), reply.status) != allowed.end())
      << what << ": " << reply.status << " " << reply.body.substr(0, 300);
}

TEST_F(Hostile, InvalidUtf8AndNulBytesInTheQuery) {
  for (const std::string q :
       {"%C3%28", "%FF%FE%FD", "caf%E9", "%ED%A0%80", "a%00b", "%00", "%C0%AF", "%F4%90%80%80"}) {
    const HttpReply reply = get("/v1/search?q=" + q);
    expect_status(reply, {200, 400}, q);
    EXPECT_FALSE(json::parse(reply.body, nullptr, false).is_discarded()) << q;
  }
  expect_status(get("/v1/search?country=D%00E"), {200, 400}, "NUL in a filter");
  expect_status(get("/v1/speakers/amara%00okafor"), {404}, "NUL in an id");
  expect_status(get("/?q=%FF%00"), {200, 400}, "web search page");
}

TEST_F(Hostile, HugeNumbersAreRejected) {
  for (const std::string params :
       {"k=99999999999999999999999", "k=-1", "k=1e9", "k=0x10", "offset=184467440737095516160",
        "offset=-5", "offset=10001", "seed=99999999999999999999999999", "k=2147483648"}) {
    expect_status(get("/v1/search?q=mlops&" + params), {400}, params);
  }
  for (const std::string body :
       {R"({"q": "a", "k": 1e308})", R"({"q": "a", "offset": 99999999999999999999999})",
        R"({"q": "a", "k": -9223372036854775808})", R"({"q": "a", "k": 3.5})",
        // Past double's range: nlohmann throws out_of_range, not parse_error (found by fuzzing).
        R"({"q": "a", "k": 1e999})", R"({"q": "a", "seed": -4e2241918})"}) {
    expect_status(post("/v1/search", body), {400}, body);
  }
  expect_status(get("/v1/communities?k=99999999999999999999"), {400}, "communities k");
  // A filter value is a string: a huge year matches nothing.
  expect_status(get("/v1/search?year=99999999999999999999999"), {200, 400}, "year");
}

TEST_F(Hostile, DeepJsonNestingIsRejected) {
  const int depth = 3000;
  const std::string arrays = std::string(depth, '[') + std::string(depth, ']');
  expect_status(post("/v1/search", arrays), {400}, "deep arrays");
  std::string objects;
  for (int i = 0; i < depth; ++i) objects += "{\"a\":";
  objects += "1" + std::string(depth, '}');
  expect_status(post("/v1/search", objects), {400}, "deep objects");
  expect_status(post("/v1/search", R"({"q": "a", "filters": {"lang": )" + arrays + "}}"), {400},
                "deep filter");
  expect_status(post("/v1/search", std::string(depth, '[')), {400}, "unterminated");
}

TEST_F(Hostile, PathTraversalOnStaticFilesIsNotFound) {
  ASSERT_EQ(get("/static/style.css").status, 200);  // the route does serve files
  for (const std::string path :
       {"/static/..%2f..%2fetc/passwd", "/static/..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/etc/passwd", "/static/../../etc/passwd",
        "/static/....//....//etc/passwd", "/static/%252e%252e%252fetc%252fpasswd",
        "/static/..%5c..%5cetc%5cpasswd", "/static/%2fetc%2fpasswd", "/static//etc/passwd",
        "/static/style.css%00.png", "/static/.%2e/CMakeLists.txt", "/static/../app.js"}) {
    const HttpReply reply = get(path);
    expect_status(reply, {400, 404}, path);
    EXPECT_EQ(reply.body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(Hostile, QuerySyntaxAbuseIsHandled) {
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "t" + std::to_string(i) + " ";
  expect_status(get("/v1/search?q=" + many.substr(0, 2000)), {200, 400}, "many terms, GET");
  expect_status(post("/v1/search", json{{"q", many}}.dump()), {200, 400}, "3000 terms");
  std::string wildcards;
  for (int i = 0; i < 1000; ++i) wildcards += "a* ";
  expect_status(post("/v1/search", json{{"q", wildcards}}.dump()), {200, 400}, "a* x 1000");
  expect_status(post("/v1/search", json{{"q", wildcards.substr(0, 2000)}}.dump()), {200, 400},
                "a* within the limit");
  for (const std::string q : {"((((((((((a", "a))))))))", "AND OR NOT", "NOT NOT NOT", "\"\"\"\"",
                              "+-+-+-", "a NEAR/999 b", "name: topic: lang:", "*", "a ADJ b",
                              "xapian:\"", "\\", "a~999", "\xe2\x80\x8b"}) {
    expect_status(post("/v1/search", json{{"q", q}}.dump()), {200, 400}, q);
  }
}

TEST_F(Hostile, HeaderInjectionIsNotEchoed) {
  for (const std::string path :
       {"/v1/search?q=a%0d%0aX-Injected:%20yes", "/v1/search?k=1%0d%0aX-Injected:%20yes",
        "/v1/speakers/a%0d%0aX-Injected:%20yes", "/v1/search?x%0d%0aX-Injected:%20yes=1",
        "/?q=a%0d%0aX-Injected:%20yes", "/speakers/a%0d%0aX-Injected:%20yes",
        "/static/a%0d%0aX-Injected:%20yes.css"}) {
    const HttpReply reply = get(path);
    expect_status(reply, {200, 400, 404}, path);
    EXPECT_FALSE(reply.headers.count("X-Injected")) << path;
    for (const auto& [name, value] : reply.headers) {
      EXPECT_EQ(value.find('\n'), std::string::npos) << path << " " << name;
      EXPECT_EQ(value.find('\r'), std::string::npos) << path << " " << name;
    }
  }
}

}  // namespace
}  // namespace podium::test
