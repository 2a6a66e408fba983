// SPDX-License-Identifier: Apache-2.0
// The podium-search program: query mode output, --json = the API's JSON, usage errors.
#include <nlohmann/json.hpp>

#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::test {
namespace {

class PodiumSearchCli : public ::testing::Test {
 protected:
  void SetUp() override { ingest_files(db(), {testdata("search/corpus.jsonl")}); }
  std::string db() const { return dir_.file("index"); }
  ProcessResult search(std::vector<std::string> args) const {
    args.insert(args.begin(), bin_path("podium-search"));
    return run_process(args);
  }
  TempDir dir_;
};

TEST_F(PodiumSearchCli, PrintsRankNameHeadlineAndEvidence) {
  const ProcessResult r = search({"--db", db(), "-k", "2", "feature", "store"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = split_lines(r.out);
  ASSERT_GE(lines.size(), 4u) << r.out;
  EXPECT_EQ(lines[0], "1 speakers match \"feature store\"");
  EXPECT_NE(r.out.find("1. Amara Okafor — MLOps lead, Lagos Analytics  [amara-okafor, 3 talks]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("talk: Feature stores in practice (2023-06-01)"), std::string::npos);
  // Snippets are plain text on a terminal: matched words in brackets, no HTML.
  EXPECT_NE(r.out.find("[feature]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("<mark>"), std::string::npos);
}

TEST_F(PodiumSearchCli, JsonIsTheApiShape) {
  const ProcessResult r = search({"--db", db(), "--json", "-k", "3", "kubernetes"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto body = nlohmann::json::parse(r.out);
  EXPECT_EQ(body["query"], "kubernetes");
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["results"][0]["id"], "jonas-weber");
  EXPECT_TRUE(body["facets"].contains("lang"));
}

TEST_F(PodiumSearchCli, DidYouMeanIsShown) {
  const ProcessResult r = search({"--db", db(), "kubernetis"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("did you mean: kubernetes?"), std::string::npos) << r.out;
  // The correction is searched too, so the misspelling still finds the right people.
  EXPECT_NE(r.out.find("Jonas Weber"), std::string::npos) << r.out;
}

TEST_F(PodiumSearchCli, UsageErrorsExitTwo) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"mlops"}, "the option '--db' is required"},
      {{"--db", "x"}, "no QUERY given"},
      {{"--db", "x", "-k", "0", "q"}, "k: must be 1..100"},
      {{"--db", "x", "--port", "80", "q"},
       "--host, --port, --threads and --web-root are for serve"},
      {{"serve", "--db", "x", "--json"}, "-k and --json are for query mode, not serve"},
      {{"serve", "--db", "x", "--port", "70000"}, "port: must be 0..65535"},
      {{"serve", "--db", "x", "--worker-nice", "20"}, "worker-nice: must be 0..19"},
      {{"serve", "--db", "x", "--worker-nice", "-1"}, "worker-nice: must be 0..19"},
      {{"serve", "--db", "x", "--search-concurrency", "-1"}, "search-concurrency: must be 0..1024"},
      {{"--db", "x", "--search-concurrency", "2", "q"}, "search-concurrency: only for serve"},
      {{"serve", "--db", "x", "--exact-count-limit", "-1"},
       "exact-count-limit: must be 0..100000000"},
      {{"serve", "--db", "x", "--talk-depth", "5"}, "talk-depth: must be 10..100000"},
      {{"--db", "x", "--talk-depth", "100", "q"}, "talk-depth: only for serve"},
      {{"--db", "x", "--frobnicate", "q"}, "unrecognised option '--frobnicate'"},
  };
  for (const auto& c : cases) {
    const ProcessResult r = search(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Usage: podium-search"), std::string::npos);
  }
}

TEST_F(PodiumSearchCli, MissingIndexExitsThreeAndBadQueryOne) {
  ProcessResult r = search({"--db", dir_.file("nothing-here"), "mlops"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("cannot open the index"), std::string::npos) << r.err;
  r = search({"--db", db(), "AND"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("q: cannot parse the query"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace podium::test
