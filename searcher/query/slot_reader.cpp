// SPDX-License-Identifier: Apache-2.0
// Value slots read through value streams.
#include "slot_reader.h"

#include <algorithm>

namespace podium::search {

SlotReader::SlotReader(const Xapian::Database& db, Xapian::valueno slot) : db_(db), slot_(slot) {}

std::string SlotReader::get(Xapian::docid docid) {
  if (!at_ || docid < last_) at_ = db_.valuestream_begin(slot_);
  last_ = docid;
  Xapian::ValueIterator& it = *at_;
  if (it == db_.valuestream_end(slot_)) return {};
  if (it.get_docid() < docid) it.skip_to(docid);
  if (it == db_.valuestream_end(slot_) || it.get_docid() != docid) return {};
  return *it;
}

std::vector<std::string> read_slot(const Xapian::Database& db, Xapian::valueno slot,
                                   const std::vector<Xapian::docid>& docids,
                                   const std::vector<Xapian::Document>& documents, bool remote) {
  std::vector<std::string> values(docids.size());
  if (remote) {
    for (std::size_t i = 0; i < documents.size(); ++i) values[i] = documents[i].get_value(slot);
    return values;
  }
  std::vector<std::pair<Xapian::docid, std::size_t>> order;
  order.reserve(docids.size());
  for (std::size_t i = 0; i < docids.size(); ++i) order.emplace_back(docids[i], i);
  std::sort(order.begin(), order.end());
  SlotReader reader(db, slot);
  for (const auto& [docid, i] : order) values[i] = reader.get(docid);
  return values;
}

std::vector<std::string> read_slot(const Xapian::Database& db, Xapian::valueno slot,
                                   const std::vector<Xapian::docid>& docids, bool remote) {
  std::vector<Xapian::Document> documents;
  if (remote) {
    for (Xapian::docid docid : docids) documents.push_back(db.get_document(docid));
  }
  return read_slot(db, slot, docids, documents, remote);
}

}  // namespace podium::search
