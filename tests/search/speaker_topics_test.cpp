// SPDX-License-Identifier: Apache-2.0
// speaker_topics reads a speaker's topics from the profile's packed facets; they must be the
// topic filter terms of the profile and of every one of the speaker's talks, as the term lists
// hold them.
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "podium/core/schema.h"

#include "content_terms.h"
#include "support/index_fixture.h"
#include "support/synthetic_corpus.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::search {
namespace {

void add_topic_terms(const Xapian::Document& doc, std::set<std::string>& out) {
  const std::string prefix = schema::kFilterTopic;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if ((*it).compare(0, prefix.size(), prefix) == 0) out.insert((*it).substr(prefix.size()));
  }
}

// Every speaker of the index: speaker_topics against the term lists.
std::size_t check_every_speaker(const Xapian::Database& db) {
  std::size_t with_topics = 0;
  const std::string speakers = schema::kind_term(RecordKind::kSpeaker);
  for (auto it = db.postlist_begin(speakers); it != db.postlist_end(speakers); ++it) {
    const Xapian::Document profile = db.get_document(*it);
    const std::string id = profile.get_value(schema::kSlotId);
    std::set<std::string> want;
    add_topic_terms(profile, want);
    for (Xapian::docid talk : talk_docids(db, id)) add_topic_terms(db.get_document(talk), want);
    EXPECT_EQ(speaker_topics(db, *it, id), want) << id;
    // Without a profile document the talks are read.
    std::set<std::string> from_talks;
    for (Xapian::docid talk : talk_docids(db, id))
      add_topic_terms(db.get_document(talk), from_talks);
    EXPECT_EQ(speaker_topics(db, 0, id), from_talks) << id;
    if (!want.empty()) ++with_topics;
  }
  return with_topics;
}

TEST(SpeakerTopics, AreTheTopicTermsOfTheProfileAndItsTalks) {
  test::TempDir dir;
  test::ingest_files(dir.file("db"), {test::testdata("search/corpus.jsonl")});
  EXPECT_GE(check_every_speaker(Xapian::Database(dir.file("db"))), 3u);
}

TEST(SpeakerTopics, SameOnASyntheticCorpus) {
  test::TempDir dir;
  test::write_synthetic_corpus(dir.file("corpus.jsonl"), 7, 300);
  test::ingest_files(dir.file("db"), {dir.file("corpus.jsonl")});
  EXPECT_GE(check_every_speaker(Xapian::Database(dir.file("db"))), 50u);
}

}  // namespace
}  // namespace podium::search
