// SPDX-License-Identifier: Apache-2.0
// The relevance behaviour docs/relevance.md describes, pinned through Index::search over a small
// generated corpus: named speakers first, synonyms, misspellings, field boosts, the voting cap
// and determinism. Each test also runs the knob that turns the behaviour off, so it can fail.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "podium/search/index.h"

#include "search_fixture.h"
#include "support/index_fixture.h"
#include "support/test_util.h"

namespace podium::test {
namespace {

std::string speaker(const std::string& id, const std::string& name,
                    const std::string& language = "en") {
  return R"({"kind": "speaker", "id": ")" + id + R"(", "name": ")" + name +
         R"(", "languages": [")" + language + R"("]})" + "\n";
}

std::string talk(const std::string& id, const std::string& speaker_id, const std::string& title,
                 const std::string& abstract) {
  return R"({"kind": "talk", "id": ")" + id + R"(", "title": ")" + title + R"(", "abstract": ")" +
         abstract + R"(", "speakers": [")" + speaker_id + R"("], "language": "en"})" + "\n";
}

std::string corpus() {
  std::string out;
  // A speaker whose talks never mention their name, and others whose talks mention its words.
  out += speaker("shai-berger", "Shai Berger");
  out += talk("sb-1", "shai-berger", "Lispisms", "Ideas from Lisp in Python code.");
  out += speaker("carina-zona", "Carina C. Zona", "de");
  out += talk("cz-1", "carina-zona", "Consequences of an insightful algorithm",
              "Ethics of data products.");
  out += speaker("shai-efrati", "Shai Efrati");
  out += talk("se-1", "shai-efrati", "Lightning talks",
              "Shai on the krihelinator, Berger on castles, Shai again, Berger again.");
  out += speaker("rafael", "Rafael");
  out += talk("ra-1", "rafael", "Rafael talks about castles", "Rafael and castles.");
  out += speaker("bo-berger", "Bo Berger");
  out += talk("bb-1", "bo-berger", "Berger on Berger", "Berger, Berger and castles.");
  // Kubernetes, for synonyms and spelling.
  out += speaker("kube-kim", "Kim Park");
  out += talk("kk-1", "kube-kim", "Kubernetes operators", "Writing operators for kubernetes.");
  // Field boosts: the word in a title against the word repeated in an abstract.
  out += speaker("title-tom", "Tom Title");
  out += talk("tt-1", "title-tom", "Graphql schemas",
              "Designing types, resolvers and pagination for public interfaces of web services.");
  out += speaker("abstract-ann", "Ann Abstract");
  out += talk("aa-1", "abstract-ann", "Interfaces for web clients",
              "Graphql, graphql, graphql: a talk that keeps saying graphql and graphql.");
  // Voting cap: six equal matching talks against three.
  out += speaker("many-mo", "Mo Many");
  for (int i = 0; i < 6; ++i) {
    out += talk("mm-" + std::to_string(i), "many-mo", "Zig build systems " + std::to_string(i),
                "Cross compilation with zig.");
  }
  out += speaker("three-tia", "Tia Three");
  for (int i = 0; i < 3; ++i) {
    out += talk("tt3-" + std::to_string(i), "three-tia", "Zig build systems " + std::to_string(i),
                "Cross compilation with zig.");
  }
  return out;
}

class Ranking : public SearchFixture {
 protected:
  std::vector<std::string> corpus_files() override {
    write_file(dir_.file("corpus.jsonl"), corpus());
    return {dir_.file("corpus.jsonl")};
  }

  using SearchFixture::search;
  search::SearchResponse search(const std::string& query, const search::RankingParams& params,
                                search::Filters filters = {}, bool explain = false) {
    search::SearchRequest request;
    request.query = query;
    request.params = params;
    request.filters = std::move(filters);
    request.explain = explain;
    return search(request);
  }

  static std::string first(const search::SearchResponse& response) {
    return response.results.empty() ? std::string() : response.results[0].speaker.id;
  }

  static const search::SpeakerHit* find(const search::SearchResponse& response,
                                        const std::string& id) {
    for (const auto& hit : response.results) {
      if (hit.speaker.id == id) return &hit;
    }
    return nullptr;
  }
};

TEST_F(Ranking, ASpeakerNamedInFullComesFirst) {
  EXPECT_EQ(first(search("Shai Berger")), "shai-berger");
  EXPECT_EQ(first(search("The design of choices - Shai Berger")), "shai-berger");
  EXPECT_EQ(first(search("shai berger")), "shai-berger");  // case does not matter
  // Without the rule, talks that mention the words win: the talk run cannot see a name.
  search::RankingParams off;
  off.named_first = false;
  EXPECT_NE(first(search("Shai Berger", off)), "shai-berger");
}

TEST_F(Ranking, InitialsNeedNotBeInTheQueryButEveryOtherNameWordMust) {
  EXPECT_EQ(first(search("Carina Zona")), "carina-zona");
  // "Berger" alone names two people in part and nobody in full: no one is promoted.
  const search::SearchResponse berger = search("Berger castles", search::RankingParams{}, {}, true);
  for (const auto& hit : berger.results) {
    ASSERT_TRUE(hit.explanation.has_value());
    EXPECT_FALSE(hit.explanation->named) << hit.speaker.id;
  }
}

TEST_F(Ranking, OneWordNamesAreNotPromoted) {
  // "Rafael" is a whole name, but one-word names are too often ordinary words.
  const search::SearchResponse response =
      search("rafael castles", search::RankingParams{}, {}, true);
  const search::SpeakerHit* rafael = find(response, "rafael");
  ASSERT_NE(rafael, nullptr);
  EXPECT_FALSE(rafael->explanation->named);
  EXPECT_LE(rafael->score, 1.0);  // named speakers score above 1
}

TEST_F(Ranking, NamedSpeakersStillPassTheFilters) {
  const search::Filters german = {{"lang", {"de"}}};
  EXPECT_EQ(ids(search("Shai Berger Carina Zona", search::RankingParams{}, german)),
            std::vector<std::string>{"carina-zona"});
  const search::SearchResponse explained = search("Shai Berger", search::RankingParams{}, {}, true);
  ASSERT_FALSE(explained.results.empty());
  ASSERT_TRUE(explained.results[0].explanation.has_value());
  EXPECT_TRUE(explained.results[0].explanation->named);
  EXPECT_GT(explained.results[0].score, 1.0);
}

TEST_F(Ranking, ANamedSpeakerStillMatchesTheRestOfTheQuery) {
  // Shai Berger's profile holds "lispisms": the query excludes him, naming him or not.
  for (const auto& hit : search("Shai Berger -lispisms").results) {
    EXPECT_NE(hit.speaker.id, "shai-berger");
  }
  EXPECT_EQ(first(search("Shai Berger lispisms")), "shai-berger");
}

TEST_F(Ranking, SynonymsFindTheOtherSpelling) {
  EXPECT_EQ(first(search("k8s")), "kube-kim");
  search::RankingParams off;
  off.synonym_weight = 0;
  EXPECT_TRUE(search("k8s", off).results.empty());
}

TEST_F(Ranking, AMisspelledQueryStillFindsThePeople) {
  const search::SearchResponse response = search("kubernetis operators");
  EXPECT_EQ(response.did_you_mean, "kubernetes operators");
  EXPECT_EQ(first(response), "kube-kim");
  // Without the correction OR-ed in, only the correctly spelled word matches anything.
  search::RankingParams off;
  off.spelling_fallback = false;
  EXPECT_TRUE(search("kubernetis", off).results.empty());
  EXPECT_EQ(first(search("kubernetis")), "kube-kim");
}

TEST_F(Ranking, ATitleBoostPutsTitleMatchesAboveRepeatedAbstractWords) {
  EXPECT_EQ(first(search("graphql")), "abstract-ann");
  search::RankingParams boosted;
  boosted.title_weight = 2;
  EXPECT_EQ(first(search("graphql", boosted)), "title-tom");
}

TEST_F(Ranking, DfrLengthNormalisationWeighsInL2AndLeavesBm25Alone) {
  // Ann's long abstract repeats the word; how much its length counts against it is InL2's c.
  auto scores = [&](double c, const std::string& weighting) {
    search::RankingParams params;
    params.dfr_c = c;
    params.weighting = weighting;
    std::vector<std::pair<std::string, double>> out;
    for (const auto& hit : search("graphql web", params).results) {
      out.emplace_back(hit.speaker.id, hit.score);
    }
    return out;
  };
  EXPECT_GE(scores(1, "inl2").size(), 2u);
  EXPECT_NE(scores(1, "inl2"), scores(8, "inl2"));
  EXPECT_EQ(scores(1, "bm25"), scores(8, "bm25"));
}

TEST_F(Ranking, TheVotingCapMakesVolumeCountOnlyUpToTheCap) {
  // Mo has six equal matching talks and Tia three: capped at three votes each, their talk scores
  // are equal; uncapped, Mo's volume wins.
  const search::SearchResponse capped = search("zig build", search::RankingParams{}, {}, true);
  const search::SpeakerHit* mo = find(capped, "many-mo");
  const search::SpeakerHit* tia = find(capped, "three-tia");
  ASSERT_NE(mo, nullptr);
  ASSERT_NE(tia, nullptr);
  EXPECT_EQ(mo->explanation->talks.size(), 3u);
  EXPECT_DOUBLE_EQ(mo->explanation->talk_score, tia->explanation->talk_score);

  search::RankingParams uncapped;
  uncapped.talks_per_speaker = 10;
  const search::SearchResponse volume = search("zig build", uncapped, {}, true);
  mo = find(volume, "many-mo");
  tia = find(volume, "three-tia");
  ASSERT_NE(mo, nullptr);
  ASSERT_NE(tia, nullptr);
  EXPECT_EQ(mo->explanation->talks.size(), 6u);
  EXPECT_GT(mo->explanation->talk_score, tia->explanation->talk_score);
}

TEST_F(Ranking, TheSameQueryOnTheSameDataGivesTheSameRankingAndScores) {
  // A second index built from the same file, and the same query asked twice of each.
  ingest_files(dir_.file("again"), {dir_.file("corpus.jsonl")});
  auto again =
      search::Index::open(dir_.file("again"), {.reopen_interval_ms = 0, .synonyms_path = {}});
  ASSERT_OK(again);
  for (const std::string query : {"zig build", "Shai Berger", "graphql web", "castles"}) {
    const search::SearchResponse one = search(query);
    const search::SearchResponse two = search(query);
    search::SearchRequest request;
    request.query = query;
    auto other = (*again)->search(request);
    ASSERT_OK(other);
    ASSERT_FALSE(one.results.empty()) << query;
    const std::vector<const search::SearchResponse*> repeats = {&two, &other.value()};
    for (const search::SearchResponse* r : repeats) {
      ASSERT_EQ(ids(one), ids(*r)) << query;
      for (std::size_t i = 0; i < one.results.size(); ++i) {
        EXPECT_EQ(one.results[i].score, r->results[i].score) << query;
      }
    }
  }
}

}  // namespace
}  // namespace podium::test
