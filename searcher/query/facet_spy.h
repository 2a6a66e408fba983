// SPDX-License-Identifier: Apache-2.0
// Counts multi-valued facets (a speaker has several languages and topics) over every document
// the matcher sees. Xapian's ValueCountMatchSpy counts one value per slot, hence this class.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <xapian.h>

#include "podium/search/search_types.h"

namespace podium::search {

class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;
  // Adds `count` to one value (FacetCounter merges counts of built-in spies this way).
  void add(std::string_view field, std::string_view value, std::size_t count);
  // The `limit` most frequent values per field, by count then value.
  std::map<std::string, std::vector<FacetCount>> top(std::size_t limit) const;

 private:
  std::map<std::string, std::map<std::string, std::size_t, std::less<>>, std::less<>> counts_;
};

}  // namespace podium::search
