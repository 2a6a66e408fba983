// SPDX-License-Identifier: Apache-2.0
// SlotReader and read_slot give exactly what Document::get_value gives, in any order of docids,
// on one database and on shards combined (where a document's own get_docid() is the shard's
// number, so the caller's docids must be the combined ones).
#include "slot_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include "support/temp_dir.h"

namespace podium::search {
namespace {

constexpr Xapian::valueno kSlot = 3;

// Documents 1..count; every third has no value in kSlot, the rest "<tag>-<n>". Values span
// more than one value chunk (Xapian chunks a slot's stream every ~2 KB).
void write_shard(const std::string& path, const std::string& tag, int count) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (int n = 1; n <= count; ++n) {
    Xapian::Document doc;
    if (n % 3 != 0) doc.add_value(kSlot, tag + "-" + std::to_string(n) + std::string(20, 'x'));
    doc.add_value(kSlot + 1, "other slot");
    db.add_document(doc);
  }
  db.commit();
}

std::vector<std::string> by_document(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& docids) {
  std::vector<std::string> out;
  for (Xapian::docid docid : docids) out.push_back(db.get_document(docid).get_value(kSlot));
  return out;
}

std::vector<Xapian::docid> every_docid_shuffled(Xapian::docid last) {
  std::vector<Xapian::docid> out;
  for (Xapian::docid d = 1; d <= last; ++d) out.push_back((d * 37) % last + 1);
  return out;
}

TEST(SlotReader, MatchesGetValueInAscendingAndDescendingOrder) {
  test::TempDir dir;
  write_shard(dir.file("one"), "a", 500);
  const Xapian::Database db(dir.file("one"));
  SlotReader reader(db, kSlot);
  for (Xapian::docid d = 1; d <= 500; ++d) {
    ASSERT_EQ(reader.get(d), db.get_document(d).get_value(kSlot)) << "docid " << d;
  }
  // Going back reopens the stream rather than returning a later document's value.
  for (Xapian::docid d = 500; d >= 1; --d) {
    ASSERT_EQ(reader.get(d), db.get_document(d).get_value(kSlot)) << "docid " << d;
  }
  EXPECT_EQ(reader.get(3), "");     // no value in the slot
  EXPECT_EQ(reader.get(9999), "");  // past the last document
  EXPECT_EQ(reader.get(4), "a-4" + std::string(20, 'x'));
}

TEST(ReadSlot, ReturnsValuesInTheCallersOrder) {
  test::TempDir dir;
  write_shard(dir.file("one"), "a", 400);
  const Xapian::Database db(dir.file("one"));
  const std::vector<Xapian::docid> docids = every_docid_shuffled(400);
  std::vector<Xapian::Document> documents;
  for (Xapian::docid d : docids) documents.push_back(db.get_document(d));
  EXPECT_EQ(read_slot(db, kSlot, docids, documents, false), by_document(db, docids));
  // The remote path reads the given documents.
  EXPECT_EQ(read_slot(db, kSlot, docids, documents, true), by_document(db, docids));
}

TEST(ReadSlot, UsesCombinedDocidsOnShards) {
  test::TempDir dir;
  write_shard(dir.file("s0"), "a", 300);
  write_shard(dir.file("s1"), "b", 200);
  Xapian::Database db(dir.file("s0"));
  db.add_database(Xapian::Database(dir.file("s1")));
  // Combined docids interleave the shards, so the longer shard leaves gaps at the end.
  std::vector<Xapian::docid> docids;
  for (Xapian::docid d : every_docid_shuffled(db.get_lastdocid())) {
    if (d <= 2 * 200 || d % 2 == 1) docids.push_back(d);
  }
  ASSERT_EQ(docids.size(), 500u);
  std::vector<Xapian::Document> documents;
  for (Xapian::docid d : docids) documents.push_back(db.get_document(d));
  const std::vector<std::string> values = read_slot(db, kSlot, docids, documents, false);
  EXPECT_EQ(values, by_document(db, docids));
  // Both shards' documents were read (interleaved: odd combined docids are shard 0's).
  EXPECT_EQ(read_slot(db, kSlot, {1, 2}, {}, false),
            (std::vector<std::string>{"a-1" + std::string(20, 'x'), "b-1" + std::string(20, 'x')}));
}

}  // namespace
}  // namespace podium::search
