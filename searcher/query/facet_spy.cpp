// SPDX-License-Identifier: Apache-2.0
// Facet counting over the packed facet slot.
#include "facet_spy.h"

#include <algorithm>
#include <cmath>

#include "podium/core/facet_values.h"
#include "podium/core/schema.h"

namespace podium::search {

FacetSpy::FacetSpy(const Xapian::Database& db, Xapian::doccount count_limit)
    : count_limit_(count_limit) {
  if (db.size() == 1) facets_.emplace(db, schema::kSlotFacets);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  if (documents_counted_ >= count_limit_) return;
  ++documents_counted_;
  const std::string packed =
      facets_ ? facets_->get(doc.get_docid()) : doc.get_value(schema::kSlotFacets);
  for_each_facet(packed,
                 [this](std::string_view field, std::string_view value) { add(field, value, 1); });
}

void FacetSpy::add(std::string_view field, std::string_view value, std::size_t count) {
  auto field_it = counts_.find(field);
  if (field_it == counts_.end())
    field_it = counts_.emplace(std::string(field), ValueCounts{}).first;
  auto value_it = field_it->second.find(value);
  if (value_it == field_it->second.end()) {
    field_it->second.emplace(std::string(value), count);
  } else {
    value_it->second += count;
  }
}

std::map<std::string, std::vector<FacetCount>> FacetSpy::top(std::size_t limit,
                                                             double scale) const {
  std::map<std::string, std::vector<FacetCount>> out;
  for (const char* field : schema::kFacetFields) out[field];
  for (const auto& [field, values] : counts_) {
    std::vector<FacetCount> list;
    for (const auto& [value, count] : values) {
      list.push_back(
          {value, static_cast<std::size_t>(std::llround(static_cast<double>(count) * scale))});
    }
    // Count, then value: a total order, so the hash map's order never shows.
    const auto shown = std::min(limit, list.size());
    std::partial_sort(list.begin(), list.begin() + static_cast<long>(shown), list.end(),
                      [](const FacetCount& a, const FacetCount& b) {
                        return a.count != b.count ? a.count > b.count : a.value < b.value;
                      });
    list.resize(shown);
    out[field] = std::move(list);
  }
  return out;
}

}  // namespace podium::search
