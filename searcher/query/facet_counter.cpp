// SPDX-License-Identifier: Apache-2.0
// Facet counting, locally or through built-in spies on remote shards.
#include "facet_counter.h"

#include "podium/core/facet_values.h"
#include "podium/core/schema.h"

namespace podium::search {

FacetCounter::FacetCounter(const Xapian::Database& db, bool remote, Xapian::doccount count_limit)
    : remote_(remote), spy_(db, count_limit) {
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

std::map<std::string, std::vector<FacetCount>> FacetCounter::top(
    std::size_t limit, Xapian::doccount matches_estimated) {
  // Every positional spy is shown every document it sees, so any one of them tells how many.
  const Xapian::doccount counted =
      remote_
          ? (positional_.empty() ? 0
                                 : static_cast<Xapian::doccount>(positional_.front()->get_total()))
          : spy_.documents_counted();
  // A remote index written before the positional slots has no facets to count at all.
  counted_all_ = counted >= matches_estimated || (remote_ && positional_.empty());
  const double scale = counted > 0 && !counted_all_
                           ? static_cast<double>(matches_estimated) / static_cast<double>(counted)
                           : 1.0;
  for (const auto& spy : positional_) {
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
      const Xapian::doccount count = it.get_termfreq();
      for_each_facet(*it, [&](std::string_view field, std::string_view value) {
        spy_.add(field, value, count);
      });
    }
  }
  positional_.clear();  // counted once
  return spy_.top(limit, scale);
}

}  // namespace podium::search
