// SPDX-License-Identifier: Apache-2.0
// build_held_out on small ingest-format corpora (which talk is held out, what index.jsonl and
// queries.jsonl hold, exclusions, determinism, errors) and has_two_informative_words.
#include "podium/eval/heldout.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::eval {
namespace {

using test::read_file;
using test::split_lines;
using test::TempDir;
using test::write_file;
using test::write_gzip_file;

std::string speaker(const std::string& id) {
  return R"({"kind": "speaker", "id": ")" + id + R"(", "name": "Speaker )" + id + R"("})";
}

std::string talk(const std::string& id, const std::vector<std::string>& speakers,
                 const std::string& title, const std::string& date,
                 const std::vector<std::string>& tags = {}, const std::string& event = "") {
  nlohmann::json object = {
      {"kind", "talk"}, {"id", id}, {"title", title}, {"date", date}, {"speakers", speakers}};
  if (!tags.empty()) object["tags"] = tags;
  if (!event.empty()) object["event"] = event;
  return object.dump();
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

class HeldOut : public ::testing::Test {
 protected:
  // Writes the corpus lines to corpus.jsonl and returns options reading it into out/.
  HeldOutOptions options_for(const std::vector<std::string>& lines,
                             const std::string& out = "out") {
    write_file(dir_.file("corpus.jsonl"), join_lines(lines));
    HeldOutOptions options;
    options.corpus_paths = {dir_.file("corpus.jsonl")};
    options.out_dir = dir_.file(out);
    return options;
  }

  std::vector<std::string> index_lines(const std::string& out = "out") {
    return split_lines(read_file(dir_.file(out + "/index.jsonl")));
  }

  std::vector<nlohmann::json> queries(const std::string& out = "out") {
    std::vector<nlohmann::json> parsed;
    for (const auto& line : split_lines(read_file(dir_.file(out + "/queries.jsonl")))) {
      parsed.push_back(nlohmann::json::parse(line, nullptr, false));
      EXPECT_TRUE(parsed.back().is_object()) << line;
    }
    return parsed;
  }

  // Builds the `variant` set of `corpus` and returns its queries, expecting `held_out` talks out.
  std::vector<nlohmann::json> variant_queries(const std::vector<std::string>& corpus,
                                              QueryVariant variant, std::size_t held_out) {
    HeldOutOptions options = options_for(corpus);
    options.variant = variant;
    auto summary = build_held_out(options);
    EXPECT_OK(summary);
    if (summary.is_ok()) {
      EXPECT_EQ(summary->held_out, held_out);
    }
    return queries();
  }

  TempDir dir_;
};

TEST_F(HeldOut, LatestTalkOfASpeakerWithThreeTalksIsHeldOut) {
  // ana's latest talk (by date) is a-2: neither the last line nor the largest id.
  const std::vector<std::string> corpus = {
      speaker("ana"),
      speaker("bo"),
      R"({"kind": "community", "id": "pyladies", "name": "PyLadies"})",
      talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
      talk("a-2", {"ana"}, "Kubernetes operators explained", "2022-05-01", {"k8s", "operators"}),
      talk("a-3", {"ana"}, "Observability for data platforms", "2021-03-10"),
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01"),
      talk("b-2", {"bo"}, "Property graphs at scale", "2023-09-09"),
  };
  auto summary = build_held_out(options_for(corpus));
  ASSERT_OK(summary);
  EXPECT_EQ(summary->held_out, 1u);
  EXPECT_EQ(summary->queries, 1u);
  EXPECT_EQ(summary->excluded, 0u);
  EXPECT_EQ(summary->records, 7u);

  // Every record but a-2, unchanged and in the input order; bo (two talks) keeps both.
  std::vector<std::string> expected = corpus;
  expected.erase(expected.begin() + 4);
  EXPECT_EQ(index_lines(), expected);

  const auto q = queries();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].size(), 5u) << q[0].dump();
  EXPECT_EQ(q[0].value("qid", ""), "q1");
  EXPECT_EQ(q[0].value("query", ""), "Kubernetes operators explained");
  EXPECT_EQ(q[0].value("talk_id", ""), "a-2");
  EXPECT_EQ(q[0].value("relevant", nlohmann::json()), nlohmann::json({"ana"}));
  EXPECT_EQ(q[0].value("tags", nlohmann::json()), nlohmann::json({"k8s", "operators"}));
}

TEST_F(HeldOut, SpeakerWithTwoTalksGetsNothingHeldOut) {
  const std::vector<std::string> corpus = {
      speaker("bo"),
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01"),
      talk("b-2", {"bo"}, "Property graphs at scale", "2023-09-09"),
  };
  auto summary = build_held_out(options_for(corpus));
  ASSERT_OK(summary);
  EXPECT_EQ(summary->held_out, 0u);
  EXPECT_EQ(summary->queries, 0u);
  EXPECT_EQ(summary->records, 3u);
  EXPECT_EQ(index_lines(), corpus);
  EXPECT_EQ(read_file(dir_.file("out/queries.jsonl")), "");
}

TEST_F(HeldOut, RelevantAreAllSpeakersOfTheHeldOutTalk) {
  // ana has three talks; her latest is co-presented with cy and dee (one talk each).
  const std::vector<std::string> corpus = {
      speaker("ana"),
      speaker("cy"),
      speaker("dee"),
      talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
      talk("a-2", {"ana"}, "Observability for data platforms", "2021-03-10"),
      talk("a-3", {"dee", "ana", "cy"}, "Federated learning on phones", "2024-02-02"),
  };
  auto summary = build_held_out(options_for(corpus));
  ASSERT_OK(summary);
  EXPECT_EQ(summary->held_out, 1u);
  const auto q = queries();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value("talk_id", ""), "a-3");
  EXPECT_EQ(q[0].value("relevant", nlohmann::json()), nlohmann::json({"ana", "cy", "dee"}));
  // A talk without tags still has the field, empty.
  EXPECT_EQ(q[0].value("tags", nlohmann::json()), nlohmann::json::array());
}

TEST_F(HeldOut, LatestTitleWithoutTwoInformativeWordsIsPassedOver) {
  // Latest first: "Keynote" (one informative word), "Let's talk about it" (none), then
  // "Scaling Postgres" (two) is the latest that qualifies; "Rust async runtimes" is older.
  const std::vector<std::string> corpus = {
      speaker("ana"),
      talk("a-1", {"ana"}, "Rust async runtimes", "2019-01-01"),
      talk("a-2", {"ana"}, "Scaling Postgres", "2020-01-01"),
      talk("a-3", {"ana"}, "Let's talk about it", "2021-01-01"),
      talk("a-4", {"ana"}, "Keynote", "2022-01-01"),
  };
  auto summary = build_held_out(options_for(corpus));
  ASSERT_OK(summary);
  EXPECT_EQ(summary->held_out, 1u);
  const auto q = queries();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value("talk_id", ""), "a-2");
  EXPECT_EQ(q[0].value("query", ""), "Scaling Postgres");
  std::vector<std::string> expected = corpus;
  expected.erase(expected.begin() + 2);
  EXPECT_EQ(index_lines(), expected);
}

TEST_F(HeldOut, NoQualifyingTitleMeansNothingHeldOut) {
  // "Keynote" and "Welcome" have one informative word, "Q&A" none.
  const std::vector<std::string> corpus = {
      talk("a-1", {"ana"}, "Keynote", "2019-01-01"),
      talk("a-2", {"ana"}, "Welcome", "2020-01-01"),
      talk("a-3", {"ana"}, "Q&A", "2021-01-01"),
  };
  auto summary = build_held_out(options_for(corpus));
  ASSERT_OK(summary);
  EXPECT_EQ(summary->held_out, 0u);
  EXPECT_EQ(summary->queries, 0u);
  EXPECT_EQ(summary->records, 3u);
  EXPECT_EQ(index_lines(), corpus);
}

TEST_F(HeldOut, SameDateTakesTheGreaterId) {
  const std::vector<std::string> corpus = {
      talk("a-2", {"ana"}, "Scaling Postgres", "2022-01-01"),
      talk("a-3", {"ana"}, "Observability for data platforms", "2022-01-01"),
      talk("a-1", {"ana"}, "Rust async runtimes", "2022-01-01"),
  };
  auto summary = build_held_out(options_for(corpus));
  ASSERT_OK(summary);
  EXPECT_EQ(queries().at(0).value("talk_id", ""), "a-3");
}

TEST_F(HeldOut, MinTalksIsAnOption) {
  const std::vector<std::string> corpus = {
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01"),
      talk("b-2", {"bo"}, "Property graphs at scale", "2023-09-09"),
  };
  HeldOutOptions options = options_for(corpus);
  options.min_talks = 2;
  auto summary = build_held_out(options);
  ASSERT_OK(summary);
  EXPECT_EQ(summary->held_out, 1u);
  EXPECT_EQ(queries().at(0).value("talk_id", ""), "b-2");
}

TEST_F(HeldOut, TagsVariantQueriesTheTagsAndSkipsUntaggedTalks) {
  // bo's held-out talk b-3 has no tags (though his older talks do).
  const std::vector<std::string> corpus = {
      talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
      talk("a-2", {"ana"}, "Observability for data platforms", "2021-03-10"),
      talk("a-3", {"ana"}, "Kafka connect in production", "2022-05-01", {"kafka", "streaming"}),
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01", {"graphs"}),
      talk("b-2", {"bo"}, "Property graphs at scale", "2020-09-09", {"graphs"}),
      talk("b-3", {"bo"}, "Cypher query tuning", "2023-09-09"),
  };
  HeldOutOptions options = options_for(corpus);
  options.variant = QueryVariant::kTags;
  auto summary = build_held_out(options);
  ASSERT_OK(summary);
  // Both are held out of the index; only the tagged one becomes a query.
  EXPECT_EQ(summary->held_out, 2u);
  EXPECT_EQ(summary->queries, 1u);
  EXPECT_EQ(summary->records, 4u);
  const std::vector<std::string> expected = {corpus[0], corpus[1], corpus[3], corpus[4]};
  EXPECT_EQ(index_lines(), expected);
  const auto q = queries();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value("qid", ""), "q1");
  EXPECT_EQ(q[0].value("query", ""), "kafka streaming");
  EXPECT_EQ(q[0].value("talk_id", ""), "a-3");
  EXPECT_EQ(q[0].value("tags", nlohmann::json()), nlohmann::json({"kafka", "streaming"}));
}

TEST_F(HeldOut, TopicsVariantLeavesOutEventYearAndFormatTags) {
  // ana's held-out talk keeps only its topic; bo's has nothing but event tags: no query.
  const std::vector<std::string> corpus = {
      talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
      talk("a-2", {"ana"}, "Observability for data platforms", "2021-03-10"),
      talk("a-3", {"ana"}, "Kafka connect in production", "2022-05-01",
           {"djangocon", "djangocon2022", "kafka", "Keynote"}, "DjangoCon US 2022"),
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01"),
      talk("b-2", {"bo"}, "Property graphs at scale", "2020-09-09"),
      talk("b-3", {"bo"}, "Cypher query tuning", "2023-09-09", {"PyConDE", "2023"},
           "PyCon DE 2023"),
  };
  const auto q = variant_queries(corpus, QueryVariant::kTopics, 2);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value("query", ""), "kafka");
  EXPECT_EQ(q[0].value("talk_id", ""), "a-3");
  // The subtopics for alpha-nDCG are the topics too.
  EXPECT_EQ(q[0].value("tags", nlohmann::json()), nlohmann::json({"kafka"}));
}

TEST_F(HeldOut, AbstractVariantQueriesTheFirstSixtyWordsAndSkipsShortAbstracts) {
  std::string long_abstract;
  for (int i = 1; i <= 70; ++i) long_abstract += "w" + std::to_string(i) + (i % 7 ? " " : "\n  ");
  auto with_abstract = [](std::string line, const std::string& abstract) {
    nlohmann::json object = nlohmann::json::parse(line);
    object["abstract"] = abstract;
    return object.dump();
  };
  // ana's held-out talk has 70 words of abstract; bo's only 19: no query.
  const std::vector<std::string> corpus = {
      talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
      talk("a-2", {"ana"}, "Observability for data platforms", "2021-03-10"),
      with_abstract(talk("a-3", {"ana"}, "Kafka connect in production", "2022-05-01"),
                    long_abstract),
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01"),
      talk("b-2", {"bo"}, "Property graphs at scale", "2020-09-09"),
      with_abstract(talk("b-3", {"bo"}, "Cypher query tuning", "2023-09-09"),
                    "one two three four five six seven eight nine ten eleven twelve thirteen "
                    "fourteen fifteen sixteen seventeen eighteen nineteen"),
  };
  const auto q = variant_queries(corpus, QueryVariant::kAbstract, 2);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value("talk_id", ""), "a-3");
  std::string expected;
  for (int i = 1; i <= 60; ++i) expected += (i > 1 ? " w" : "w") + std::to_string(i);
  EXPECT_EQ(q[0].value("query", ""), expected);
}

TEST(TopicTags, EventNamesYearsAndFormatsAreNotTopics) {
  using Tags = std::vector<std::string>;
  // Part of the event's name, or the name without its year.
  EXPECT_EQ(topic_tags({"DjangoCon", "django", "orm"}, "DjangoCon US 2010"), Tags{"orm"});
  EXPECT_EQ(topic_tags({"DjangoDayCopenhagen", "deployment"}, "Django Day Copenhagen 2020"),
            Tags{"deployment"});
  // Anything with a digit: years, editions.
  EXPECT_EQ(topic_tags({"2019", "pycon2019", "python3", "asyncio"}, ""), Tags{"asyncio"});
  // Format words, in any case or spacing.
  EXPECT_EQ(topic_tags({"Lightning Talks", "keynote", "security"}, "Meetup"), Tags{"security"});
  // Topics stay, in their order and spelling, even when the event shares a word with them.
  EXPECT_EQ(topic_tags({"Machine Learning", "data-science"}, "PyData Berlin"),
            (Tags{"Machine Learning", "data-science"}));
  // A short tag found inside the name by chance is still a topic.
  EXPECT_EQ(topic_tags({"go", "ai"}, "PyCon Chicago 2019"), (Tags{"go", "ai"}));
  EXPECT_EQ(topic_tags({}, "PyCon"), Tags{});
}

TEST_F(HeldOut, TagsVariantNumbersOnlyTheQueriesWritten) {
  // The untagged held-out talk (a-3) comes first in id order; the tagged one still gets q1.
  const std::vector<std::string> corpus = {
      talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
      talk("a-2", {"ana"}, "Observability for data platforms", "2021-03-10"),
      talk("a-3", {"ana"}, "Kafka connect in production", "2022-05-01"),
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01"),
      talk("b-2", {"bo"}, "Property graphs at scale", "2020-09-09"),
      talk("b-3", {"bo"}, "Cypher query tuning", "2023-09-09", {"graphs", "cypher"}),
  };
  const auto q = variant_queries(corpus, QueryVariant::kTags, 2);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value("qid", ""), "q1");
  EXPECT_EQ(q[0].value("talk_id", ""), "b-3");
  EXPECT_EQ(q[0].value("query", ""), "graphs cypher");
}

TEST_F(HeldOut, ExcludedTalksAreHeldOutButNotQueries) {
  const std::vector<std::string> corpus = {
      talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
      talk("a-2", {"ana"}, "Observability for data platforms", "2021-03-10"),
      talk("a-3", {"ana"}, "Kafka connect in production", "2022-05-01"),
      talk("b-1", {"bo"}, "Graph databases in practice", "2019-06-01"),
      talk("b-2", {"bo"}, "Property graphs at scale", "2020-09-09"),
      talk("b-3", {"bo"}, "Cypher query tuning", "2023-09-09"),
  };
  // Another set's query file: it holds a-3 (and a talk this corpus does not have).
  write_file(dir_.file("other-queries.jsonl"),
             R"({"qid": "q7", "query": "Kafka connect in production", "talk_id": "a-3"})"
             "\n\n"
             R"({"qid": "q8", "query": "Elsewhere", "talk_id": "zz-9"})"
             "\n");
  HeldOutOptions options = options_for(corpus);
  options.exclude_query_files = {dir_.file("other-queries.jsonl")};
  auto summary = build_held_out(options);
  ASSERT_OK(summary);
  EXPECT_EQ(summary->held_out, 2u);
  EXPECT_EQ(summary->excluded, 1u);
  EXPECT_EQ(summary->queries, 1u);
  // a-3 stays out of the index all the same.
  const std::vector<std::string> expected = {corpus[0], corpus[1], corpus[3], corpus[4]};
  EXPECT_EQ(index_lines(), expected);
  const auto q = queries();
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value("talk_id", ""), "b-3");
  EXPECT_EQ(q[0].value("qid", ""), "q1");
}

TEST_F(HeldOut, UnreadableExcludeFileIsAnError) {
  HeldOutOptions options = options_for({talk("a-1", {"ana"}, "Scaling Postgres", "2020-01-01")});
  const std::string missing = dir_.file("no-such-queries.jsonl");
  options.exclude_query_files = {missing};
  auto summary = build_held_out(options);
  ASSERT_FALSE(summary.is_ok());
  EXPECT_NE(summary.status().message().find(missing), std::string::npos)
      << summary.status().message();
}

TEST_F(HeldOut, ExcludeFileLineWithoutTalkIdIsAnError) {
  HeldOutOptions options = options_for({talk("a-1", {"ana"}, "Scaling Postgres", "2020-01-01")});
  const std::string file = dir_.file("other-queries.jsonl");
  write_file(file, R"({"qid": "q1", "talk_id": "a-1"})"
                   "\n"
                   R"({"qid": "q2", "query": "no talk id"})"
                   "\n");
  options.exclude_query_files = {file};
  auto summary = build_held_out(options);
  ASSERT_FALSE(summary.is_ok());
  EXPECT_NE(summary.status().message().find(file + ":2"), std::string::npos)
      << summary.status().message();
  // A talk_id that is not a string, or a line that is not an object, is refused the same way
  // (not thrown out of the JSON library).
  for (const char* bad : {R"({"qid": "q3", "talk_id": 7})", "[1, 2]"}) {
    write_file(file, std::string(R"({"qid": "q1", "talk_id": "a-1"})") + "\n" + bad + "\n");
    auto refused = build_held_out(options);
    ASSERT_FALSE(refused.is_ok()) << bad;
    EXPECT_NE(refused.status().message().find(file + ":2"), std::string::npos)
        << refused.status().message();
  }
}

TEST_F(HeldOut, InvalidLinesAreLeftOutOfTheIndex) {
  const std::vector<std::string> corpus = {
      speaker("ana"),
      "not json",
      R"({"kind": "talk", "id": "t-1", "title": "No speakers here"})",
      talk("a-1", {"ana"}, "Scaling Postgres", "2020-01-01"),
  };
  auto summary = build_held_out(options_for(corpus));
  ASSERT_OK(summary);
  EXPECT_EQ(summary->records, 2u);
  EXPECT_EQ(index_lines(), (std::vector<std::string>{corpus[0], corpus[3]}));
}

TEST_F(HeldOut, OutputIsDeterministic) {
  // Two files in a directory (one gzipped), speakers with shared talks, ties in dates.
  std::filesystem::create_directories(dir_.path() / "corpus");
  write_file(dir_.file("corpus/one.jsonl"),
             join_lines({speaker("ana"), speaker("bo"), speaker("cy"),
                         talk("a-1", {"ana"}, "Streaming pipelines with Kafka", "2020-01-15"),
                         talk("a-2", {"ana", "bo"}, "Observability for data platforms",
                              "2021-03-10", {"observability"}),
                         talk("c-1", {"cy"}, "Rust async runtimes", "2021-03-10")}));
  write_gzip_file(dir_.file("corpus/two.jsonl.gz"),
                  join_lines({talk("a-3", {"ana"}, "Kafka connect in production", "2022-05-01",
                                   {"kafka", "connect"}),
                              talk("b-1", {"bo"}, "Graph databases in practice", "2022-05-01"),
                              talk("b-2", {"bo", "cy"}, "Property graphs at scale", "2022-05-01"),
                              talk("c-2", {"cy"}, "Scaling Postgres", "2018-02-02")}));
  HeldOutOptions options;
  options.corpus_paths = {dir_.file("corpus")};
  options.out_dir = dir_.file("first");
  auto first = build_held_out(options);
  ASSERT_OK(first);
  options.out_dir = dir_.file("second");
  auto second = build_held_out(options);
  ASSERT_OK(second);

  // ana: a-3; bo (a-2, b-1, b-2 with b-1 and b-2 on the same latest date): b-2; cy (c-1, b-2,
  // c-2): b-2 as well.
  EXPECT_EQ(first->held_out, 2u);
  EXPECT_EQ(first->queries, 2u);
  EXPECT_EQ(first->records, 8u);
  EXPECT_EQ(second->held_out, first->held_out);
  EXPECT_EQ(second->records, first->records);
  const std::string index = read_file(dir_.file("first/index.jsonl"));
  const std::string query_lines = read_file(dir_.file("first/queries.jsonl"));
  EXPECT_EQ(split_lines(index).size(), 8u);
  EXPECT_EQ(split_lines(query_lines).size(), 2u);
  EXPECT_EQ(read_file(dir_.file("second/index.jsonl")), index);
  EXPECT_EQ(read_file(dir_.file("second/queries.jsonl")), query_lines);
  const auto q = queries("first");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].value("talk_id", ""), "a-3");
  EXPECT_EQ(q[1].value("talk_id", ""), "b-2");
  EXPECT_EQ(q[1].value("relevant", nlohmann::json()), nlohmann::json({"bo", "cy"}));
}

TEST_F(HeldOut, MissingCorpusPathIsAnError) {
  HeldOutOptions options;
  const std::string missing = dir_.file("no-such-corpus.jsonl");
  options.corpus_paths = {missing};
  options.out_dir = dir_.file("out");
  auto summary = build_held_out(options);
  ASSERT_FALSE(summary.is_ok());
  EXPECT_EQ(summary.status().code(), StatusCode::kIoError);
  EXPECT_NE(summary.status().message().find(missing), std::string::npos)
      << summary.status().message();
}

TEST(InformativeWords, CountsWordsOfThreeOrMoreCharactersThatAreNotStopWords) {
  EXPECT_TRUE(has_two_informative_words("Kafka streams"));
  EXPECT_TRUE(has_two_informative_words("Art and Science"));
  EXPECT_FALSE(has_two_informative_words("Keynote"));
  EXPECT_FALSE(has_two_informative_words(""));
  // "the" and "of" are stop words, "it" is too short: one informative word.
  EXPECT_FALSE(has_two_informative_words("The art of it"));
  // "ai" and "ml" are too short.
  EXPECT_FALSE(has_two_informative_words("AI and ML"));
  // Talk-ish filler is a stop word too: "let", "talk", "about", "using", "new".
  EXPECT_FALSE(has_two_informative_words("Let's talk about it"));
  EXPECT_FALSE(has_two_informative_words("Using new things"));
}

TEST(InformativeWords, CaseAndPunctuation) {
  // Stop words match in any case.
  EXPECT_FALSE(has_two_informative_words("USING THE CLOUD"));
  EXPECT_TRUE(has_two_informative_words("KUBERNETES Operators"));
  // Punctuation separates words.
  EXPECT_TRUE(has_two_informative_words("data-driven"));
  EXPECT_FALSE(has_two_informative_words("a.b.c-de"));
  // Digits belong to words; non-ASCII bytes count as letters.
  EXPECT_TRUE(has_two_informative_words("Python 3000"));
  EXPECT_TRUE(has_two_informative_words("Über Straße"));
  // "olé" is o, l and two UTF-8 bytes: a word of four bytes.
  EXPECT_TRUE(has_two_informative_words("Café Olé"));
}

}  // namespace
}  // namespace podium::eval
