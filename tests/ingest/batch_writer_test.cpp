// SPDX-License-Identifier: Apache-2.0
// Tests of the batch writer against a real on-disk Xapian database in a fresh temporary
// directory: adds, replaces, unchanged re-ingest, deletes, late speakers, strict and dry-run
// batches, the write lock, and where a ranking-only self_id is (and is not) stored.
#include "podium/ingest/batch_writer.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "podium/core/record_parser.h"
#include "podium/core/schema.h"

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::ingest {
namespace {

using test::TempDir;

struct Ingested {
  BatchSummary summary;
  std::vector<std::string> diagnostics;  // Diagnostic::to_string() of each, in order
};

// Runs one batch of `lines` (as if from "batch.jsonl", line numbers from 1) into `db_dir`.
Ingested ingest(const std::string& db_dir, const std::vector<std::string>& lines,
                BatchOptions options = {}) {
  Ingested out;
  Result<std::unique_ptr<BatchWriter>> writer = BatchWriter::open(
      db_dir, options, [&out](const Diagnostic& d) { out.diagnostics.push_back(d.to_string()); });
  EXPECT_OK(writer);
  if (!writer.is_ok()) return out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const SourceRef where{"batch.jsonl", i + 1};
    Result<ParsedRecord> parsed = parse_record(lines[i]);
    if (parsed.is_ok()) {
      EXPECT_OK((*writer)->add(*parsed, where));
    } else {
      (*writer)->reject(where, parsed.status());
    }
  }
  Result<BatchSummary> summary = (*writer)->finish();
  EXPECT_OK(summary);
  if (summary.is_ok()) out.summary = *summary;
  return out;
}

std::vector<std::string> valid_small() {
  return test::split_lines(test::read_file(test::testdata("valid_small.jsonl")));
}

// The summary as one comparable string.
std::string counts(const BatchSummary& s) {
  return "added " + std::to_string(s.added) + ", replaced " + std::to_string(s.replaced) +
         ", unchanged " + std::to_string(s.unchanged) + ", deleted " + std::to_string(s.deleted) +
         ", rejected " + std::to_string(s.rejected) + ", warnings " + std::to_string(s.warnings) +
         (s.committed ? ", committed" : ", not committed");
}

std::optional<Xapian::Document> find_doc(const Xapian::Database& db, RecordKind kind,
                                         const std::string& id) {
  const std::string term = schema::unique_term(kind, id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

std::string talk_count(const Xapian::Database& db, const std::string& speaker_id) {
  auto doc = find_doc(db, RecordKind::kSpeaker, speaker_id);
  return doc ? doc->get_value(schema::kSlotTalkCount) : "(no speaker document)";
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

// Every document's data and values, keyed by its unique-id term.
std::map<std::string, std::string> snapshot(const std::string& db_dir) {
  Xapian::Database db(db_dir);
  std::map<std::string, std::string> out;
  for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
    Xapian::Document doc = db.get_document(*db.postlist_begin(*it));
    std::string state = "docid " + std::to_string(doc.get_docid()) + "\n" + doc.get_data();
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      state += "\nslot " + std::to_string(v.get_valueno()) + ": " + *v;
    }
    out[*it] = state;
  }
  return out;
}

TEST(BatchWriter, AddsEveryRecordOfAFile) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  const Ingested result = ingest(db_dir, valid_small());
  EXPECT_EQ(counts(result.summary),
            "added 9, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 0, committed");
  EXPECT_TRUE(result.diagnostics.empty()) << result.diagnostics.front();

  Xapian::Database db(db_dir);
  EXPECT_EQ(db.get_doccount(), 9u);
  for (const char* id : {"ada-okafor", "bo.lindqvist", "chen:wei"}) {
    EXPECT_TRUE(find_doc(db, RecordKind::kSpeaker, id)) << id;
  }
  for (const char* id : {"t1-backpressure", "t2-dp-phones", "t3-joint", "t4-mlops"}) {
    EXPECT_TRUE(find_doc(db, RecordKind::kTalk, id)) << id;
  }
  for (const char* id : {"pipeline-people", "quiet-ml"}) {
    EXPECT_TRUE(find_doc(db, RecordKind::kCommunity, id)) << id;
  }
  // The multi-speaker talk counts for both of its speakers.
  EXPECT_EQ(talk_count(db, "ada-okafor"), "2");
  EXPECT_EQ(talk_count(db, "bo.lindqvist"), "2");
  EXPECT_EQ(talk_count(db, "chen:wei"), "1");
  auto joint = find_doc(db, RecordKind::kTalk, "t3-joint");
  ASSERT_TRUE(joint);
  EXPECT_TRUE(has_term(*joint, schema::speaker_term("ada-okafor")));
  EXPECT_TRUE(has_term(*joint, schema::speaker_term("bo.lindqvist")));
  EXPECT_EQ(joint->get_value(schema::kSlotSpeakers), "ada-okafor\nbo.lindqvist");
  EXPECT_FALSE(db.get_metadata(schema::kMetadataLastCommit).empty());
}

TEST(BatchWriter, TalkTagsSlotHoldsTheTalksTagsAsJson) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  Xapian::Database db(db_dir);
  EXPECT_EQ(find_doc(db, RecordKind::kTalk, "t1-backpressure")->get_value(schema::kSlotTags),
            R"(["streaming","kafka"])");
  EXPECT_EQ(find_doc(db, RecordKind::kTalk, "t2-dp-phones")->get_value(schema::kSlotTags),
            R"(["privacy"])");
  // A talk without tags has "[]", so an empty slot can only mean an index from before the slot.
  EXPECT_EQ(find_doc(db, RecordKind::kTalk, "t4-mlops")->get_value(schema::kSlotTags), "[]");
  EXPECT_EQ(find_doc(db, RecordKind::kSpeaker, "ada-okafor")->get_value(schema::kSlotTags), "");
}

TEST(BatchWriter, ReingestingSameFileChangesNothing) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  const auto before = snapshot(db_dir);
  ASSERT_EQ(before.size(), 9u);

  const Ingested again = ingest(db_dir, valid_small());
  EXPECT_EQ(counts(again.summary),
            "added 0, replaced 0, unchanged 9, deleted 0, rejected 0, warnings 0, committed");
  EXPECT_EQ(Xapian::Database(db_dir).get_doccount(), 9u);
  EXPECT_EQ(snapshot(db_dir), before);
}

TEST(BatchWriter, ReplacesRecordsById) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  const Ingested result = ingest(
      db_dir, {R"({"kind": "speaker", "id": "ada-okafor", "name": "Ada O. Okafor"})",
               R"({"kind": "talk", "id": "t2-dp-phones", "title": "Differential privacy on watches",
           "speakers": ["bo.lindqvist"]})",
               R"({"kind": "community", "id": "quiet-ml", "name": "Quiet ML, renamed"})"});
  EXPECT_EQ(counts(result.summary),
            "added 0, replaced 3, unchanged 0, deleted 0, rejected 0, warnings 0, committed");

  Xapian::Database db(db_dir);
  EXPECT_EQ(db.get_doccount(), 9u);
  // The whole record is replaced: fields left out of the new line are gone.
  auto ada = find_doc(db, RecordKind::kSpeaker, "ada-okafor");
  ASSERT_TRUE(ada);
  EXPECT_EQ(ada->get_data(), R"({"id":"ada-okafor","kind":"speaker","name":"Ada O. Okafor"})");
  EXPECT_EQ(talk_count(db, "ada-okafor"), "2");
  auto community = find_doc(db, RecordKind::kCommunity, "quiet-ml");
  ASSERT_TRUE(community);
  EXPECT_EQ(community->get_data(),
            R"({"id":"quiet-ml","kind":"community","name":"Quiet ML, renamed"})");
  // The speaker profile follows its talk's new title.
  auto bo = find_doc(db, RecordKind::kSpeaker, "bo.lindqvist");
  ASSERT_TRUE(bo);
  EXPECT_TRUE(has_term(*bo, "watches"));
  EXPECT_FALSE(has_term(*bo, "phones"));
}

TEST(BatchWriter, MovingATalkToAnotherSpeakerUpdatesBothProfiles) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  const Ingested result = ingest(db_dir, {R"({"kind": "talk", "id": "t2-dp-phones",
          "title": "Differential privacy on phones", "speakers": ["ada-okafor"]})"});
  EXPECT_EQ(result.summary.replaced, 1u);
  Xapian::Database db(db_dir);
  EXPECT_EQ(talk_count(db, "ada-okafor"), "3");
  EXPECT_EQ(talk_count(db, "bo.lindqvist"), "1");
  EXPECT_FALSE(has_term(*find_doc(db, RecordKind::kSpeaker, "bo.lindqvist"), "phones"));
  EXPECT_TRUE(has_term(*find_doc(db, RecordKind::kSpeaker, "ada-okafor"), "phones"));
}

TEST(BatchWriter, DeletesEachKind) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  const Ingested result =
      ingest(db_dir, {R"({"kind": "speaker", "id": "chen:wei", "deleted": true})",
                      R"({"kind": "talk", "id": "t2-dp-phones", "deleted": true})",
                      R"({"kind": "community", "id": "quiet-ml", "deleted": true})"});
  EXPECT_EQ(counts(result.summary),
            "added 0, replaced 0, unchanged 0, deleted 3, rejected 0, warnings 0, committed");
  Xapian::Database db(db_dir);
  EXPECT_EQ(db.get_doccount(), 6u);
  EXPECT_FALSE(find_doc(db, RecordKind::kSpeaker, "chen:wei"));
  EXPECT_FALSE(find_doc(db, RecordKind::kTalk, "t2-dp-phones"));
  EXPECT_FALSE(find_doc(db, RecordKind::kCommunity, "quiet-ml"));
  // Deleting a speaker keeps their talks; deleting a talk updates its speaker's profile.
  EXPECT_TRUE(find_doc(db, RecordKind::kTalk, "t4-mlops"));
  EXPECT_EQ(talk_count(db, "bo.lindqvist"), "1");
  EXPECT_FALSE(has_term(*find_doc(db, RecordKind::kSpeaker, "bo.lindqvist"), "phones"));
}

TEST(BatchWriter, SpeakerTalkCountDropsWhenATalkIsDeleted) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  ASSERT_EQ(talk_count(Xapian::Database(db_dir), "ada-okafor"), "2");
  ASSERT_TRUE(has_term(*find_doc(Xapian::Database(db_dir), RecordKind::kSpeaker, "ada-okafor"),
                       "backpressure"));

  ingest(db_dir, {R"({"kind": "talk", "id": "t1-backpressure", "deleted": true})"});
  Xapian::Database db(db_dir);
  EXPECT_EQ(talk_count(db, "ada-okafor"), "1");
  EXPECT_FALSE(has_term(*find_doc(db, RecordKind::kSpeaker, "ada-okafor"), "backpressure"));
  EXPECT_EQ(db.get_doccount(), 8u);
}

TEST(BatchWriter, DeletingWhatDoesNotExistIsAWarning) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  const Ingested result =
      ingest(db_dir, {R"({"kind": "talk", "id": "no-such-talk", "deleted": true})",
                      R"({"kind": "speaker", "id": "no-such-speaker", "deleted": true})",
                      R"({"kind": "community", "id": "no-such-community", "deleted": true})"});
  EXPECT_EQ(counts(result.summary),
            "added 0, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 3, committed");
  EXPECT_EQ(result.diagnostics,
            (std::vector<std::string>{
                "batch.jsonl:1: warning: id: nothing to delete: no talk 'no-such-talk'",
                "batch.jsonl:2: warning: id: nothing to delete: no speaker 'no-such-speaker'",
                "batch.jsonl:3: warning: id: nothing to delete: no community "
                "'no-such-community'"}));
  EXPECT_EQ(Xapian::Database(db_dir).get_doccount(), 9u);
}

TEST(BatchWriter, AddThenDeleteInOneBatchLeavesNothing) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  const Ingested result =
      ingest(db_dir, {R"({"kind": "speaker", "id": "brief", "name": "Brief"})",
                      R"({"kind": "talk", "id": "t", "title": "T", "speakers": ["brief"]})",
                      R"({"kind": "talk", "id": "t", "deleted": true})",
                      R"({"kind": "speaker", "id": "brief", "deleted": true})"});
  EXPECT_EQ(result.summary.deleted, 2u);
  EXPECT_EQ(Xapian::Database(db_dir).get_doccount(), 0u);
}

TEST(BatchWriter, TalkWithUndefinedSpeakerIsKeptAndAttachesWhenTheSpeakerArrives) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  const Ingested first =
      ingest(db_dir, {R"({"kind": "talk", "id": "zt", "title": "Zeppelin navigation for beginners",
                   "speakers": ["known", "late-speaker"]})",
                      R"({"kind": "speaker", "id": "known", "name": "Known Speaker"})"});
  EXPECT_EQ(counts(first.summary),
            "added 2, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 1, committed");
  EXPECT_EQ(first.diagnostics,
            (std::vector<std::string>{
                "batch.jsonl:1: warning: speakers[1]: speaker 'late-speaker' is not defined; the "
                "talk is kept and attaches when the speaker arrives"}));
  {
    Xapian::Database db(db_dir);
    EXPECT_EQ(db.get_doccount(), 2u);
    EXPECT_TRUE(find_doc(db, RecordKind::kTalk, "zt"));
    EXPECT_FALSE(find_doc(db, RecordKind::kSpeaker, "late-speaker"));
  }

  const Ingested second =
      ingest(db_dir, {R"({"kind": "speaker", "id": "late-speaker", "name": "Late Speaker"})"});
  EXPECT_EQ(counts(second.summary),
            "added 1, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 0, committed");
  Xapian::Database db(db_dir);
  EXPECT_EQ(db.get_doccount(), 3u);
  EXPECT_EQ(talk_count(db, "late-speaker"), "1");
  // Searching the talk's words finds the speaker profile.
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("zeppelin"),
                                  Xapian::Query(schema::kind_term(RecordKind::kSpeaker))));
  Xapian::MSet matches = enquire.get_mset(0, 10);
  std::vector<std::string> ids;
  for (auto it = matches.begin(); it != matches.end(); ++it) {
    ids.push_back(it.get_document().get_value(schema::kSlotId));
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"known", "late-speaker"}));
  EXPECT_TRUE(has_term(*find_doc(db, RecordKind::kSpeaker, "late-speaker"),
                       std::string(schema::kTitle) + "zeppelin"));
}

TEST(BatchWriter, ReportsUndefinedCommunitiesAndUnknownFields) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  const Ingested result = ingest(
      db_dir, {R"({"kind": "community", "id": "real", "name": "Real"})",
               R"({"kind": "speaker", "id": "s", "name": "S", "communities": ["real", "ghost"],
                   "twitter": "@s"})"});
  EXPECT_EQ(counts(result.summary),
            "added 2, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 2, committed");
  EXPECT_EQ(result.diagnostics,
            (std::vector<std::string>{
                "batch.jsonl:2: warning: twitter: unknown field ignored",
                "batch.jsonl:2: warning: communities[1]: community 'ghost' is not defined"}));
}

TEST(BatchWriter, RejectedLinesAreReportedAndTheRestGoesIn) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  const Ingested result = ingest(db_dir, {R"({"kind": "community", "id": "c1", "name": "One"})",
                                          R"({"kind": "speaker", "id": "bad id", "name": "Bad"})",
                                          R"({"kind": "talk", "id": "t", "speakers": ["x"]})",
                                          R"({"kind": "community", "id": "c2", "name": "Two"})"});
  EXPECT_EQ(counts(result.summary),
            "added 2, replaced 0, unchanged 0, deleted 0, rejected 2, warnings 0, committed");
  EXPECT_EQ(result.diagnostics,
            (std::vector<std::string>{"batch.jsonl:2: id: must match [A-Za-z0-9._:-]{1,128}",
                                      "batch.jsonl:3: title: is required"}));
  EXPECT_EQ(Xapian::Database(db_dir).get_doccount(), 2u);
}

TEST(BatchWriter, StrictModeCommitsNothingWhenALineIsRejected) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, {R"({"kind": "community", "id": "before", "name": "Before"})"});
  const auto before = snapshot(db_dir);
  const std::string last_commit =
      Xapian::Database(db_dir).get_metadata(schema::kMetadataLastCommit);

  std::vector<std::string> lines = valid_small();
  lines.push_back(R"({"kind": "speaker", "id": "x"})");
  const Ingested result = ingest(db_dir, lines, BatchOptions{.strict = true});
  EXPECT_EQ(counts(result.summary),
            "added 9, replaced 0, unchanged 0, deleted 0, rejected 1, warnings 0, not committed");
  EXPECT_EQ(result.diagnostics, (std::vector<std::string>{"batch.jsonl:10: name: is required"}));
  Xapian::Database db(db_dir);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_EQ(db.get_metadata(schema::kMetadataLastCommit), last_commit);
  EXPECT_EQ(snapshot(db_dir), before);
}

TEST(BatchWriter, StrictModeCommitsACleanBatch) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  const Ingested result = ingest(db_dir, valid_small(), BatchOptions{.strict = true});
  EXPECT_TRUE(result.summary.committed);
  EXPECT_EQ(Xapian::Database(db_dir).get_doccount(), 9u);
}

TEST(BatchWriter, DryRunCreatesNoDatabase) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  const Ingested result = ingest(db_dir, valid_small(), BatchOptions{.dry_run = true});
  EXPECT_EQ(counts(result.summary),
            "added 9, replaced 0, unchanged 0, deleted 0, rejected 0, warnings 0, not committed");
  EXPECT_FALSE(std::filesystem::exists(db_dir));
}

TEST(BatchWriter, DryRunLeavesAnExistingDatabaseAsItWas) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  const auto before = snapshot(db_dir);
  const Xapian::rev revision = Xapian::Database(db_dir).get_revision();

  const Ingested result = ingest(db_dir,
                                 {R"({"kind": "speaker", "id": "ada-okafor", "name": "Changed"})",
                                  R"({"kind": "talk", "id": "t1-backpressure", "deleted": true})",
                                  R"({"kind": "community", "id": "new", "name": "New"})"},
                                 BatchOptions{.dry_run = true});
  // The summary says what the batch would do.
  EXPECT_EQ(counts(result.summary),
            "added 1, replaced 1, unchanged 0, deleted 1, rejected 0, warnings 0, not committed");
  Xapian::Database db(db_dir);
  EXPECT_EQ(db.get_revision(), revision);
  EXPECT_EQ(snapshot(db_dir), before);
}

TEST(BatchWriter, SecondWriterGetsConflict) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  Result<std::unique_ptr<BatchWriter>> first = BatchWriter::open(db_dir, {}, nullptr);
  ASSERT_OK(first);
  Result<std::unique_ptr<BatchWriter>> second = BatchWriter::open(db_dir, {}, nullptr);
  ASSERT_FALSE(second.is_ok());
  EXPECT_EQ(second.status().code(), StatusCode::kConflict);
  EXPECT_EQ(
      second.status().message().rfind(db_dir + ": another writer is updating this index (", 0), 0u)
      << second.status().message();

  // The lock goes with the first writer.
  Result<ParsedRecord> record = parse_record(R"({"kind": "community", "id": "c", "name": "C"})");
  ASSERT_OK(record);
  ASSERT_OK((*first)->add(*record, SourceRef{"x.jsonl", 1}));
  ASSERT_OK((*first)->finish());
  first.value().reset();
  EXPECT_OK(BatchWriter::open(db_dir, {}, nullptr));
  EXPECT_EQ(Xapian::Database(db_dir).get_doccount(), 1u);
}

TEST(BatchWriter, UnfinishedBatchIsDiscarded) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, {R"({"kind": "community", "id": "kept", "name": "Kept"})"});
  {
    Result<std::unique_ptr<BatchWriter>> writer = BatchWriter::open(db_dir, {}, nullptr);
    ASSERT_OK(writer);
    Result<ParsedRecord> record =
        parse_record(R"({"kind": "community", "id": "lost", "name": "Lost"})");
    ASSERT_OK(record);
    ASSERT_OK((*writer)->add(*record, SourceRef{"x.jsonl", 1}));
  }
  Xapian::Database db(db_dir);
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_FALSE(find_doc(db, RecordKind::kCommunity, "lost"));
}

// Consent rule: a self_id whose consent is "ranking" (or absent) is never in the document data,
// which responses render; the ranker's slot keeps it whole.
TEST(BatchWriter, RankingSelfIdIsOnlyInTheRankerSlot) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  Xapian::Database db(db_dir);

  auto bo = find_doc(db, RecordKind::kSpeaker, "bo.lindqvist");  // consent "ranking"
  ASSERT_TRUE(bo);
  EXPECT_EQ(bo->get_data().find("self_id"), std::string::npos) << bo->get_data();
  EXPECT_EQ(bo->get_data().find("nonbinary"), std::string::npos) << bo->get_data();
  EXPECT_EQ(bo->get_data().find("lgbtq"), std::string::npos) << bo->get_data();
  EXPECT_EQ(bo->get_value(schema::kSlotSelfId),
            R"({"consent":"ranking","gender":"nonbinary","groups":["lgbtq+"]})");

  auto chen = find_doc(db, RecordKind::kSpeaker, "chen:wei");  // no consent given
  ASSERT_TRUE(chen);
  EXPECT_EQ(chen->get_data().find("self_id"), std::string::npos) << chen->get_data();
  EXPECT_EQ(chen->get_data().find("first-gen"), std::string::npos) << chen->get_data();
  EXPECT_EQ(chen->get_value(schema::kSlotSelfId), R"({"groups":["first-gen"]})");

  auto ada = find_doc(db, RecordKind::kSpeaker, "ada-okafor");  // consent "public"
  ASSERT_TRUE(ada);
  EXPECT_NE(
      ada->get_data().find(R"("self_id":{"consent":"public","gender":"woman","groups":["black"]})"),
      std::string::npos)
      << ada->get_data();
  EXPECT_EQ(ada->get_value(schema::kSlotSelfId),
            R"({"consent":"public","gender":"woman","groups":["black"]})");

  // No term of the index carries a ranking-only value either.
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    EXPECT_EQ((*it).find("nonbinary"), std::string::npos) << *it;
  }
}

TEST(BatchWriter, ChangingOnlyARankingSelfIdIsAReplace) {
  TempDir dir;
  const std::string db_dir = dir.file("db");
  ingest(db_dir, valid_small());
  const Ingested result =
      ingest(db_dir, {R"({"kind": "speaker", "id": "bo.lindqvist", "name": "Bo Lindqvist",
                   "headline": "Researcher", "bio": "Bo studies differential privacy for mobile devices.",
                   "topics": ["privacy"], "languages": ["sv", "en-GB"],
                   "location": {"country": "SE"}, "formats": ["keynote"], "remote": false,
                   "self_id": {"gender": "nonbinary", "groups": ["lgbtq+", "disabled"],
                               "consent": "ranking"}})"});
  EXPECT_EQ(counts(result.summary),
            "added 0, replaced 1, unchanged 0, deleted 0, rejected 0, warnings 0, committed");
  auto bo = find_doc(Xapian::Database(db_dir), RecordKind::kSpeaker, "bo.lindqvist");
  ASSERT_TRUE(bo);
  EXPECT_EQ(bo->get_value(schema::kSlotSelfId),
            R"({"consent":"ranking","gender":"nonbinary","groups":["lgbtq+","disabled"]})");
  EXPECT_EQ(bo->get_data().find("disabled"), std::string::npos);
}

}  // namespace
}  // namespace podium::ingest
