// SPDX-License-Identifier: Apache-2.0
// Layout-independent order of a match's best documents.
#include "ranked_matches.h"

#include <algorithm>
#include <cmath>

#include "podium/core/schema.h"

namespace podium::search {

double settled(double score) {
  constexpr double kResolution = 1e12;
  return std::round(score * kResolution) / kResolution;
}

Xapian::MSet fetch_with_ties(const Xapian::Enquire& enquire, Xapian::doccount depth,
                             Xapian::doccount check_at_least, bool remote) {
  Xapian::doccount asked = depth + depth / 4 + 8;
  for (;;) {
    Xapian::MSet mset = enquire.get_mset(0, asked, check_at_least);
    if (remote) mset.fetch();  // every document in one round trip, not one each
    if (mset.size() <= depth || mset.size() < asked) return mset;
    if (settled(mset[mset.size() - 1].get_weight()) < settled(mset[depth - 1].get_weight())) {
      return mset;
    }
    asked *= 2;
  }
}

std::vector<RetrievedDoc> matches_best_first(const Xapian::MSet& mset, std::size_t depth,
                                             bool ids) {
  // Xapian's order is by weight already: only the matches that tie with the depth-th can move
  // across the cut, so the documents past that tie group are not read at all.
  std::size_t considered = std::min<std::size_t>(depth, mset.size());
  std::vector<double> weights;
  weights.reserve(considered);
  for (std::size_t i = 0; i < considered; ++i) {
    weights.push_back(settled(mset[static_cast<Xapian::doccount>(i)].get_weight()));
  }
  while (considered > 0 && considered < mset.size() &&
         settled(mset[static_cast<Xapian::doccount>(considered)].get_weight()) == weights.back()) {
    weights.push_back(weights.back());
    ++considered;
  }
  std::vector<RetrievedDoc> out;
  out.reserve(considered);
  auto it = mset.begin();
  for (std::size_t i = 0; i < considered; ++i, ++it) {
    Xapian::Document document = it.get_document();
    const bool tied = (i > 0 && weights[i - 1] == weights[i]) ||
                      (i + 1 < considered && weights[i + 1] == weights[i]);
    std::string id = ids || tied ? document.get_value(schema::kSlotId) : std::string();
    out.push_back({weights[i], std::move(id), *it, std::move(document)});
  }
  // Stable: untied matches keep Xapian's order by weight; ties go by id.
  std::stable_sort(out.begin(), out.end(), [](const RetrievedDoc& a, const RetrievedDoc& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
  });
  if (out.size() > depth) out.resize(depth);
  return out;
}

}  // namespace podium::search
