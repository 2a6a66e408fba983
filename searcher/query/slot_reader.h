// SPDX-License-Identifier: Apache-2.0
// Reading one value slot for many documents through a single value stream.
//
// Document::get_value looks the value up in the B-tree from the root for every call (a pread
// per block on the way down); a search reads a slot for hundreds or thousands of documents, and
// those lookups were a quarter of its time. A value stream keeps its cursor and its current
// chunk, so documents visited in ascending docid order cost a step each, not a lookup.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace podium::search {

class SlotReader {
 public:
  // `db` must be local (the remote backend has no value streams); it must outlive the reader.
  SlotReader(const Xapian::Database& db, Xapian::valueno slot);

  // The document's value in the slot, "" when it has none. Fastest in ascending docid order;
  // a smaller docid than the last one reopens the stream (a shard's matches come after
  // another's, so a spy on a sharded index sees docids in a few ascending runs).
  std::string get(Xapian::docid docid);

 private:
  const Xapian::Database& db_;
  Xapian::valueno slot_;
  std::optional<Xapian::ValueIterator> at_;
  Xapian::docid last_ = 0;
};

// The values in `slot` of the documents `docids` (numbered as in `db`), in their order.
// Locally (`remote` false) they are read through one value stream in ascending docid order;
// with remote shards, which have no value streams, from `documents` (parallel to `docids`, as
// the match returned them: a match fetches them in one round trip). The docids are separate
// because Document::get_docid() of a sharded match is the shard's own number.
std::vector<std::string> read_slot(const Xapian::Database& db, Xapian::valueno slot,
                                   const std::vector<Xapian::docid>& docids,
                                   const std::vector<Xapian::Document>& documents, bool remote);

// As above for docids alone: with remote shards each document is fetched (one round trip each).
std::vector<std::string> read_slot(const Xapian::Database& db, Xapian::valueno slot,
                                   const std::vector<Xapian::docid>& docids, bool remote);

}  // namespace podium::search
