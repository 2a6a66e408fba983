// SPDX-License-Identifier: Apache-2.0
// podium-eval --against over a real index: both systems' figures are what each gives alone, and
// the comparison is printed and in --json.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "podium/eval/eval_run.h"

#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::eval {
namespace {

using nlohmann::json;

class EvalAgainst : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    test::ingest_files(dir_->file("db"), {test::testdata("search/corpus.jsonl")});
    std::ofstream queries(dir_->file("queries.jsonl"));
    // The misspelled query is where the two differ: the baseline has no spelling correction.
    const std::vector<std::pair<std::string, std::string>> set = {
        {"kubernetis gpu", "jonas-weber"},
        {"differential privacy", "zoe-martin"},
        {"feature store", "amara-okafor"},
        {"object detection", "newcomer-nia"}};
    int qid = 0;
    for (const auto& [query, relevant] : set) {
      queries << json{{"qid", "q" + std::to_string(++qid)},
                      {"query", query},
                      {"relevant", {relevant}}}
                     .dump()
              << "\n";
    }
  }
  static void TearDownTestSuite() { delete dir_; }

  // podium-eval with `args` after --db and --queries; the JSON report.
  static json run(std::vector<std::string> args) {
    args.insert(args.begin(), {"podium-eval", "--db", dir_->file("db"), "--queries",
                               dir_->file("queries.jsonl"), "--json"});
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    auto options = parse_eval_options(static_cast<int>(argv.size()), argv.data());
    EXPECT_OK(options);
    if (!options.is_ok()) return {};
    std::ostringstream out, err;
    EXPECT_EQ(run_eval(*options, out, err), 0) << err.str();
    return json::parse(out.str());
  }

  static test::TempDir* dir_;
};

test::TempDir* EvalAgainst::dir_ = nullptr;

TEST_F(EvalAgainst, EachSideIsWhatThatSystemGivesAlone) {
  const json fused = run({});
  const json baseline = run({"--model", "baseline"});
  const json compared = run({"--against", "baseline"});
  ASSERT_TRUE(compared.contains("against")) << compared.dump(2);
  const json& mrr = compared["against"]["metrics"]["mrr_at_10"];
  EXPECT_DOUBLE_EQ(mrr["value"].get<double>(), fused["mrr_at_10"].get<double>());
  EXPECT_DOUBLE_EQ(mrr["against"].get<double>(), baseline["mrr_at_10"].get<double>());
  // The misspelling makes them differ (the fused model corrects it), so the test has something
  // to weigh; four queries are too few for it to be significant.
  EXPECT_GT(mrr["difference"].get<double>(), 0);
  EXPECT_GT(mrr["p_value"].get<double>(), 0.05);
  EXPECT_EQ(compared["against"]["system"], "baseline");
  for (const char* key :
       {"mrr_at_10", "ndcg_at_10", "recall_at_10", "recall_at_100", "hit_at_1", "hit_at_10"}) {
    EXPECT_TRUE(compared["against"]["metrics"].contains(key)) << key;
  }
}

TEST_F(EvalAgainst, AgainstItselfNothingDiffers) {
  const json compared = run({"--against", "fused"});
  const json& mrr = compared["against"]["metrics"]["mrr_at_10"];
  EXPECT_DOUBLE_EQ(mrr["difference"].get<double>(), 0);
  EXPECT_DOUBLE_EQ(mrr["p_value"].get<double>(), 1);
}

TEST_F(EvalAgainst, TextReportListsEveryMetric) {
  const std::vector<std::string> args = {
      "podium-eval", "--db",    dir_->file("db"), "--queries", dir_->file("queries.jsonl"),
      "--against",   "baseline"};
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  auto options = parse_eval_options(static_cast<int>(argv.size()), argv.data());
  ASSERT_OK(options);
  std::ostringstream out, err;
  ASSERT_EQ(run_eval(*options, out, err), 0) << err.str();
  const std::string report = out.str();
  EXPECT_NE(report.find("against baseline"), std::string::npos) << report;
  for (const char* name :
       {"  MRR@10 ", "  nDCG@10 ", "  R@10 ", "  R@100 ", "  Hit@1 ", "  Hit@10 "}) {
    EXPECT_NE(report.find(name), std::string::npos) << name << "\n" << report;
  }
}

}  // namespace
}  // namespace podium::eval
