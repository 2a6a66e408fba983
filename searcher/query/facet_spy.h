// SPDX-License-Identifier: Apache-2.0
// Counts multi-valued facets (a speaker has several languages and topics) over the documents the
// matcher sees, up to a limit. Xapian's ValueCountMatchSpy counts one value per slot, hence this
// class.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "podium/search/search_types.h"

#include "slot_reader.h"

namespace podium::search {

class FacetSpy : public Xapian::MatchSpy {
 public:
  // `db`: the local index the spy's enquire runs on (the spy reads its packed facet slot).
  // `count_limit`: the facets of only the first so many documents seen are counted; reading and
  // counting them is most of the spy's cost, which would otherwise grow with the index.
  FacetSpy(const Xapian::Database& db, Xapian::doccount count_limit);
  void operator()(const Xapian::Document& doc, double weight) override;
  // Documents whose facets were counted: every match when there were no more than the limit
  // and the matcher saw them all.
  Xapian::doccount documents_counted() const { return documents_counted_; }
  // Adds `count` to one value (FacetCounter merges counts of built-in spies this way).
  void add(std::string_view field, std::string_view value, std::size_t count);
  // The `limit` most frequent values per field, by count then value; each count times `scale`
  // (an estimate for all matches from the documents seen), rounded.
  std::map<std::string, std::vector<FacetCount>> top(std::size_t limit, double scale = 1) const;

 private:
  // Hashes a std::string and a std::string_view alike, so counting a value read from the packed
  // slot needs no std::string unless the value is new. This runs for every matching document.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  using ValueCounts = std::unordered_map<std::string, std::size_t, TextHash, std::equal_to<>>;
  // The matcher visits documents in ascending docid order: on one database, one value stream
  // serves them all. On local shards the spy is given each shard's documents with the shard's
  // own docids, which the combined stream cannot use: there each document reads its value.
  std::optional<SlotReader> facets_;
  std::unordered_map<std::string, ValueCounts, TextHash, std::equal_to<>> counts_;
  Xapian::doccount count_limit_;
  Xapian::doccount documents_counted_ = 0;
};

}  // namespace podium::search
