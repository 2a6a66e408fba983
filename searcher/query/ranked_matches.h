// SPDX-License-Identifier: Apache-2.0
// Reading a match's best documents in an order that does not depend on how the index is laid out
// (one database or shards): equal weights go by the id slot, not by document id.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace podium::search {

// A score rounded to 1e-12: Xapian sums a document's term weights in an order that depends on
// the layout (one database or shards), which moves the last bits, and two speakers with the
// same text must still tie and be ordered by id.
double settled(double score);

struct RetrievedDoc {
  double weight;   // settled
  std::string id;  // the id slot; may be empty when the match ties with no neighbour
  Xapian::docid docid;
  Xapian::Document document;
};

// At least `depth` matches, and as many more as tie with the depth-th, so that the cut at
// `depth` made by matches_best_first is the same however the documents are numbered.
Xapian::MSet fetch_with_ties(const Xapian::Enquire& enquire, Xapian::doccount depth,
                             Xapian::doccount check_at_least, bool remote);

// The first `depth` matches best first, equal weights ordered by the id slot. Xapian orders
// ties by document id, which differs between one database and its shards; which ties make the
// cut, and in which order talks vote under the per-speaker cap, must not.
// `ids`: read every match's id; otherwise only those of matches that tie with a neighbour (the
// only ones the id can move). `db` is the match's database; `remote`: it has remote shards
// (see read_slot).
std::vector<RetrievedDoc> matches_best_first(const Xapian::Database& db, const Xapian::MSet& mset,
                                             std::size_t depth, bool ids, bool remote);

}  // namespace podium::search
