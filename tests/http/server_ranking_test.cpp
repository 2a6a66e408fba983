// SPDX-License-Identifier: Apache-2.0
// podium-search serve --exact-count-limit / --talk-depth: the options reach every search the
// server runs (GET and POST /v1/search, the web page), parsed by the real command line.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "podium/cli/search_cli.h"

#include "support/http_fixture.h"

namespace podium {
namespace {

using nlohmann::json;

// "kubernetes machine learning" matches several of the corpus's speakers.
constexpr const char* kQuery = "kubernetes machine learning";

http::ServerOptions serve_options(std::vector<const char*> extra) {
  std::vector<const char*> args = {"podium-search", "serve",  "--db",
                                   "unused",        "--port", "0",
                                   "--rate-limit",  "0",      "--no-access-log"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto parsed = cli::parse_search_cli(static_cast<int>(args.size()), args.data());
  EXPECT_TRUE(parsed.is_ok()) << parsed.status().message();
  return parsed.is_ok() ? parsed->server : http::ServerOptions{};
}

class CountingOneSpeaker : public test::HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    return serve_options({"--exact-count-limit", "1", "--talk-depth", "10"});
  }
};

class DefaultCounting : public test::HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override { return serve_options({}); }
};

TEST(ServeRankingOptions, ParseIntoTheServersRanking) {
  const http::ServerOptions options =
      serve_options({"--exact-count-limit", "250", "--talk-depth", "120"});
  EXPECT_EQ(options.ranking.exact_count_limit, 250);
  EXPECT_EQ(options.ranking.talk_depth, 120);
  const http::ServerOptions defaults = serve_options({});
  EXPECT_EQ(defaults.ranking.exact_count_limit, search::RankingParams{}.exact_count_limit);
  EXPECT_EQ(defaults.ranking.talk_depth, search::RankingParams{}.talk_depth);
}

TEST_F(DefaultCounting, ASmallIndexIsCountedExactly) {
  const test::HttpReply reply = get(std::string("/v1/search?q=") + "kubernetes+machine+learning");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = test::json_body(reply);
  ASSERT_GE(body["total"].get<int>(), 2) << kQuery << " should match several speakers";
  EXPECT_EQ(body["counts_exact"], true);
}

TEST_F(CountingOneSpeaker, GetPostAndThePageAllUseTheServersLimit) {
  const test::HttpReply got = get("/v1/search?q=kubernetes+machine+learning");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(test::json_body(got)["counts_exact"], false);

  const test::HttpReply posted = post("/v1/search", json{{"q", kQuery}}.dump());
  ASSERT_EQ(posted.status, 200) << posted.body;
  EXPECT_EQ(test::json_body(posted)["counts_exact"], false);

  const test::HttpReply page = get("/?q=kubernetes+machine+learning");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(">about "), std::string::npos) << "an estimated total says 'about'";
}

}  // namespace
}  // namespace podium
