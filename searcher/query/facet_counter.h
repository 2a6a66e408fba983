// SPDX-License-Identifier: Apache-2.0
// Facet counts for a query, on a local or a remote index. Locally FacetSpy reads the packed
// facet slot. A remote shard served by the stock xapian-tcpsrv runs only match spies its
// Registry knows, so there the counts come from Xapian's ValueCountMatchSpy over the
// positional facet slots (schema::kSlotFacetPosition0 + k), one spy per slot, summed: the same
// counts, as every facet pair sits in exactly one positional slot.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "podium/search/search_types.h"

#include "facet_spy.h"

namespace podium::search {

class FacetCounter {
 public:
  // `remote`: `db` has a remote shard. The number of positional slots is read from the index
  // metadata (an index written before they existed gets no facets remotely; re-index it).
  FacetCounter(const Xapian::Database& db, bool remote);
  // REQUIRES: this counter outlives the enquire's get_mset().
  void attach(Xapian::Enquire& enquire);
  // The `limit` most frequent values per field, by count then value.
  std::map<std::string, std::vector<FacetCount>> top(std::size_t limit);

 private:
  bool remote_;
  FacetSpy spy_;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> positional_;
};

}  // namespace podium::search
