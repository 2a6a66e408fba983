// SPDX-License-Identifier: Apache-2.0
// The facet values of a speaker, packed into one value slot so a match spy can count them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace podium {

// (field, value) pairs, e.g. ("lang", "en"), ("country", "DE").
using FacetValues = std::vector<std::pair<std::string, std::string>>;

// "field\tvalue\n" per pair; tabs and newlines inside values become spaces.
std::string encode_facets(const FacetValues& values);
// Calls `visit(field, value)` for each pair of an encoded string, without allocating.
template <typename Visit>
void for_each_facet(std::string_view encoded, Visit visit) {
  while (!encoded.empty()) {
    const std::size_t end_of_line = encoded.find('\n');
    const std::string_view line = encoded.substr(0, end_of_line);
    const std::size_t tab = line.find('\t');
    if (tab != std::string_view::npos) visit(line.substr(0, tab), line.substr(tab + 1));
    if (end_of_line == std::string_view::npos) break;
    encoded.remove_prefix(end_of_line + 1);
  }
}

}  // namespace podium
