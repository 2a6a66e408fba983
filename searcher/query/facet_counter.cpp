// SPDX-License-Identifier: Apache-2.0
// Facet counting, locally or through built-in spies on remote shards.
#include "facet_counter.h"

#include "podium/core/facet_values.h"
#include "podium/core/schema.h"

namespace podium::search {

FacetCounter::FacetCounter(const Xapian::Database& db, bool remote) : remote_(remote), spy_(db) {
  if (!remote_) return;
  const std::string slots = db.get_metadata(schema::kMetadataFacetSlots);
  const unsigned count = slots.empty() ? 0 : static_cast<unsigned>(std::stoul(slots));
  for (unsigned k = 0; k < count; ++k) {
    positional_.push_back(
        std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotFacetPosition0 + k));
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (!remote_) {
    enquire.add_matchspy(&spy_);
    return;
  }
  for (auto& spy : positional_) enquire.add_matchspy(spy.get());
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::top(std::size_t limit) {
  for (const auto& spy : positional_) {
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
      const Xapian::doccount count = it.get_termfreq();
      for_each_facet(*it, [&](std::string_view field, std::string_view value) {
        spy_.add(field, value, count);
      });
    }
  }
  positional_.clear();  // counted once
  return spy_.top(limit);
}

}  // namespace podium::search
