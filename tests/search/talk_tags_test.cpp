// SPDX-License-Identifier: Apache-2.0
// The diversity re-ranker's talk tags come from the tags slot, and are the same tags as the
// talk's stored record; a talk indexed before the slot existed (no value) is read from its data.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "podium/core/schema.h"
#include "podium/core/stored_records.h"

#include "diversity_search.h"
#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::search {
namespace {

std::vector<Xapian::docid> all_talks(const Xapian::Database& db) {
  std::vector<Xapian::docid> out;
  const std::string term = schema::kind_term(RecordKind::kTalk);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.push_back(*it);
  return out;
}

// One candidate per talk, in reverse docid order (the reader must not rely on order), plus
// one candidate without talks.
std::vector<RankedSpeaker> one_candidate_per_talk(const std::vector<Xapian::docid>& talks) {
  std::vector<RankedSpeaker> ranked;
  for (auto it = talks.rbegin(); it != talks.rend(); ++it) ranked.push_back({1, 1.0, {*it}});
  ranked.push_back({1, 0.5, {}});
  return ranked;
}

std::vector<std::vector<std::string>> tags_from_records(const Xapian::Database& db,
                                                        const std::vector<RankedSpeaker>& ranked) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : ranked) {
    out.emplace_back();
    for (Xapian::docid docid : r.talk_docids) {
      Result<Talk> talk = stored_talk(db.get_document(docid).get_data());
      EXPECT_TRUE(talk.is_ok());
      if (talk.is_ok()) out.back() = talk->tags;
    }
  }
  return out;
}

TEST(MatchedTalkTags, AreTheStoredTalksTagsWithOrWithoutTheSlot) {
  test::TempDir dir;
  const std::string db_dir = dir.file("db");
  test::ingest_files(db_dir, {test::testdata("search/corpus.jsonl")});
  std::vector<Xapian::docid> talks;
  {
    const Xapian::Database db(db_dir);
    talks = all_talks(db);
    ASSERT_GE(talks.size(), 5u);
    const std::vector<RankedSpeaker> ranked = one_candidate_per_talk(talks);
    const auto want = tags_from_records(db, ranked);
    std::size_t tagged = 0;
    for (const auto& tags : want) tagged += tags.empty() ? 0u : 1u;
    ASSERT_GE(tagged, 3u) << "the corpus must have tagged talks for this test to mean anything";
    EXPECT_EQ(matched_talk_tags(db, ranked, false), want);
    EXPECT_EQ(matched_talk_tags(db, ranked, true), want);  // document by document
  }
  {
    // An older index: every other talk without the slot.
    Xapian::WritableDatabase writable(db_dir, Xapian::DB_OPEN);
    for (std::size_t i = 0; i < talks.size(); i += 2) {
      Xapian::Document doc = writable.get_document(talks[i]);
      doc.remove_value(schema::kSlotTags);
      writable.replace_document(talks[i], doc);
    }
    writable.commit();
  }
  const Xapian::Database db(db_dir);
  ASSERT_EQ(db.get_document(talks[0]).get_value(schema::kSlotTags), "");
  const std::vector<RankedSpeaker> ranked = one_candidate_per_talk(talks);
  EXPECT_EQ(matched_talk_tags(db, ranked, false), tags_from_records(db, ranked));
}

TEST(StoredTalkTags, ReadsTagsOfTalksOnly) {
  EXPECT_EQ(stored_talk_tags(R"({"kind":"talk","id":"t","tags":["a b","c"]})"),
            (std::vector<std::string>{"a b", "c"}));
  EXPECT_TRUE(stored_talk_tags(R"({"kind":"talk","id":"t"})").empty());
  EXPECT_TRUE(stored_talk_tags(R"({"kind":"speaker","id":"s","tags":["x"]})").empty());
  EXPECT_TRUE(stored_talk_tags("not json").empty());
}

}  // namespace
}  // namespace podium::search
