// SPDX-License-Identifier: Apache-2.0
// The web routes on the real server over a real index (data/sample + the hostile fixture):
// HTML with security headers, errors as pages with words, consent in page bytes, and static
// files refused in every traversal spelling.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/http_fixture.h"

namespace podium::test {
namespace {

constexpr const char* kCanaries[] = {"canary-ranking-only-7f3a9", "canary-group-7f3a9"};

class WebRoutes : public HttpServerFixture {
 protected:
  std::vector<std::string> data_files() const override {
    return {std::string(PODIUM_SOURCE_DIR) + "/data/sample", testdata("web/xss.jsonl")};
  }
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.web_root = web_root();
    return options;
  }
  void SetUp() override {
    std::filesystem::create_directory(web_root());
    write_file(web_root() + "/app.js", "// app");
    write_file(web_root() + "/style.css", "body{}");
    write_file(dir_.file("secret.css"), "SECRET-BYTES");
    HttpServerFixture::SetUp();
  }
  std::string web_root() const { return dir_.file("web"); }
};

TEST_F(WebRoutes, SearchPageIsHtmlWithSecurityHeaders) {
  const HttpReply reply = get("/?q=mlops&lang=de&diversity=on");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "text/html; charset=utf-8");
  EXPECT_NE(reply.headers.find("Content-Security-Policy"), reply.headers.end());
  EXPECT_NE(reply.body.find("class=\"result-link\""), std::string::npos);
  EXPECT_NE(reply.body.find("id=\"diversity\" name=\"diversity\" value=\"on\" "
                            "aria-describedby=\"diversity-hint\" checked"),
            std::string::npos);
  EXPECT_NE(reply.body.find("/static/app.js"), std::string::npos);
}

TEST_F(WebRoutes, BadQueryIsA400PageWithTheMessage) {
  const HttpReply reply = get("/?q=AND");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.content_type, "text/html; charset=utf-8");
  EXPECT_NE(reply.body.find("q: cannot parse the query"), std::string::npos);
}

TEST_F(WebRoutes, UnknownSpeakerIsA404Page) {
  for (const char* path : {"/speakers/nobody", "/speakers/%22%3E%3Cscript%3E"}) {
    const HttpReply reply = get(path);
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_NE(reply.body.find("Speaker not found"), std::string::npos) << path;
    EXPECT_EQ(reply.body.find("\"><script>"), std::string::npos) << path;
  }
}

TEST_F(WebRoutes, ProfilePageHasTalksAndJsonLd) {
  const HttpReply reply = get("/speakers/amara-okonkwo");
  ASSERT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("<h1 id=\"profile-name\">Amara Okonkwo</h1>"), std::string::npos);
  EXPECT_NE(reply.body.find("<script type=\"application/ld+json\">"), std::string::npos);
  EXPECT_NE(reply.body.find("\"gender\":\"woman\""), std::string::npos) << "consent is public";
}

TEST_F(WebRoutes, HostileFixtureRendersAsText) {
  for (const char* path : {"/speakers/xss-script-bio", "/?q=xylophonics",
                           "/communities?q=xylophonics", "/recommend?text=xylophonics"}) {
    const HttpReply reply = get(path);
    ASSERT_EQ(reply.status, 200) << path;
    EXPECT_EQ(reply.body.find("<script>alert"), std::string::npos) << path;
    EXPECT_EQ(reply.body.find("<img"), std::string::npos) << path;
    EXPECT_EQ(reply.body.find("<svg"), std::string::npos) << path;
    EXPECT_EQ(reply.body.find("<iframe"), std::string::npos) << path;
  }
}

TEST_F(WebRoutes, RankingOnlySelfIdNeverAppearsInPageBytes) {
  for (const char* path : {"/speakers/xss-consent-canary", "/?q=xylophonics", "/?q=casey",
                           "/?k=100", "/?k=100&offset=50", "/recommend?text=xylophonics+casey"}) {
    const HttpReply reply = get(path);
    ASSERT_EQ(reply.status, 200) << path;
    for (const char* canary : kCanaries) {
      EXPECT_EQ(reply.body.find(canary), std::string::npos) << canary << " on " << path;
    }
  }
}

TEST_F(WebRoutes, RecommendTakesAPostedForm) {
  const HttpReply reply = post("/recommend", "text=MLOps+and+model+monitoring&size=3",
                               "application/x-www-form-urlencoded");
  ASSERT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("Topic match:"), std::string::npos);
  std::size_t cards = 0;
  for (auto pos = reply.body.find("class=\"card speaker-card\""); pos != std::string::npos;
       pos = reply.body.find("class=\"card speaker-card\"", pos + 1)) {
    ++cards;
  }
  EXPECT_EQ(cards, 3U);
}

TEST_F(WebRoutes, CommunitiesAreFiltered) {
  const HttpReply all = get("/communities");
  const HttpReply networks = get("/communities?type=network&travel_grants=true");
  ASSERT_EQ(all.status, 200);
  ASSERT_EQ(networks.status, 200);
  EXPECT_LT(networks.body.size(), all.body.size());
  EXPECT_NE(networks.body.find("<option value=\"network\" selected>"), std::string::npos);
  EXPECT_EQ(get("/communities?travel_grants=maybe").status, 400);
}

TEST_F(WebRoutes, StaticFilesAreServedByPlainName) {
  const HttpReply js = get("/static/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "// app");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/static/style.css").status, 200);
}

TEST_F(WebRoutes, StaticTraversalIsRefusedInEverySpelling) {
  for (const char* path :
       {"/static/../secret.css", "/static/..%2fsecret.css", "/static/%2e%2e/secret.css",
        "/static/%2e%2e%2fsecret.css", "/static/%2E%2E%2Fsecret.css", "/static/.%2e/secret.css",
        "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/", "/static/missing.css"}) {
    const HttpReply reply = get(path);
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_EQ(reply.body.find("SECRET-BYTES"), std::string::npos) << path;
    EXPECT_EQ(reply.body.find("root:"), std::string::npos) << path;
  }
}

class WebRoutesWithoutWebRoot : public WebRoutes {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.web_root.clear();
    return options;
  }
};

TEST_F(WebRoutesWithoutWebRoot, PagesRenderWithoutScriptOrStyle) {
  const HttpReply page = get("/?q=mlops");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("/static/"), std::string::npos);
  EXPECT_NE(page.body.find("class=\"result-link\""), std::string::npos);
  EXPECT_EQ(get("/static/app.js").status, 404);
}

}  // namespace
}  // namespace podium::test
