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
  // `count_limit`: locally, the facets of only the first so many matches are counted (FacetSpy);
  // remote shards count every match they see.
  FacetCounter(const Xapian::Database& db, bool remote, Xapian::doccount count_limit);
  // REQUIRES: this counter outlives the enquire's get_mset().
  void attach(Xapian::Enquire& enquire);
  // The `limit` most frequent values per field, by count then value. When fewer documents were
  // counted than `matches_estimated` (the count limit, or the matcher skipping matches that
  // cannot reach the top), the counts are scaled up to that estimate.
  std::map<std::string, std::vector<FacetCount>> top(std::size_t limit,
                                                     Xapian::doccount matches_estimated);
  // Whether the last top() counted every match, so its counts are exact.
  bool counted_all() const { return counted_all_; }

 private:
  bool remote_;
  FacetSpy spy_;
  bool counted_all_ = true;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> positional_;
};

}  // namespace podium::search
