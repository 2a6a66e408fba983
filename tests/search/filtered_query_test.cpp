// SPDX-License-Identifier: Apache-2.0
// filtered_query restricts a text query to a filter without changing any document's weight:
// over a synthetic corpus and long OR queries with phrases, every speaker keeps exactly the BM25
// weight the unfiltered query gives it. (Xapian 1.4's OP_FILTER does not guarantee this: when
// the filter drives the match over an OR holding a phrase, documents with the phrase's words
// apart are given the phrase's weight too.)
#include <cmath>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <xapian.h>

#include "podium/core/schema.h"

#include "query_builder.h"
#include "support/index_fixture.h"
#include "support/synthetic_corpus.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::search {
namespace {

using Weights = std::map<Xapian::docid, double>;

Weights weights_of(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.0, 0, 1, 0.5, 0.5));
  Weights out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

// The reference: the weights of the text alone, kept for the documents that pass `only`.
Weights unfiltered_weights(const Xapian::Database& db, const Xapian::Query& query,
                           const Xapian::Query& only) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.0, 0, 1, 0.5, 0.5));
  Weights out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  // Which documents pass `only`: a boolean match of its own.
  Xapian::Enquire passes(db);
  passes.set_query(only);
  passes.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet allowed = passes.get_mset(0, db.get_doccount());
  std::set<Xapian::docid> keep(allowed.begin(), allowed.end());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (keep.contains(*it)) out[*it] = it.get_weight();
  }
  return out;
}

std::size_t weight_differences(const Weights& want, const Weights& got) {
  std::size_t differ = want.size() == got.size() ? 0 : 1;
  for (const auto& [docid, weight] : want) {
    auto it = got.find(docid);
    if (it == got.end() || std::fabs(it->second - weight) > 1e-9 * std::max(1.0, weight)) ++differ;
  }
  return differ;
}

class FilteredQuery : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    corpus_ = new test::SyntheticCorpus(
        test::write_synthetic_corpus(dir_->file("corpus.jsonl"), 20261123, 600));
    test::ingest_files(dir_->file("db"), {dir_->file("corpus.jsonl")});
  }
  static void TearDownTestSuite() {
    delete corpus_;
    delete dir_;
  }
  static test::TempDir* dir_;
  static test::SyntheticCorpus* corpus_;
};
test::TempDir* FilteredQuery::dir_ = nullptr;
test::SyntheticCorpus* FilteredQuery::corpus_ = nullptr;

TEST_F(FilteredQuery, KeepsEveryWeightOfTheTextUnderABooleanFilter) {
  const Xapian::Database db(dir_->file("db"));
  const Xapian::Query speakers(schema::kind_term(RecordKind::kSpeaker));
  // A selective filter too (a few speakers by id), which always drives the match.
  const Xapian::Query few(Xapian::Query::OP_OR,
                          Xapian::Query(schema::unique_term(RecordKind::kSpeaker, "speaker-3")),
                          Xapian::Query(schema::unique_term(RecordKind::kSpeaker, "speaker-40")));
  std::size_t with_phrase = 0;
  std::size_t compared = 0;
  for (const auto& text : corpus_->queries) {
    Result<ParsedQuery> parsed = parse_user_query(db, text);
    ASSERT_OK(parsed) << text;
    if (parsed->query.get_description().find("PHRASE") != std::string::npos) ++with_phrase;
    for (const Xapian::Query& filter : {speakers, few}) {
      const Weights want = unfiltered_weights(db, parsed->query, filter);
      const Weights got = weights_of(db, filtered_query(parsed->query, filter));
      EXPECT_EQ(weight_differences(want, got), 0u) << text;
      compared += want.size();
    }
  }
  // The comparison covers phrases and many matching speakers, or it proves nothing.
  EXPECT_GT(with_phrase, 100u);
  EXPECT_GT(compared, 10000u);
}

}  // namespace
}  // namespace podium::search
