// SPDX-License-Identifier: Apache-2.0
// Layout-independent order of a match's best documents.
#include "ranked_matches.h"

#include <algorithm>
#include <cmath>

#include "podium/core/schema.h"

#include "slot_reader.h"

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

std::vector<RetrievedDoc> matches_best_first(const Xapian::Database& db, const Xapian::MSet& mset,
                                             std::size_t depth, bool ids, bool remote) {
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
  std::vector<std::size_t> needs_id;
  std::vector<Xapian::docid> id_docids;
  std::vector<Xapian::Document> id_documents;
  auto it = mset.begin();
  for (std::size_t i = 0; i < considered; ++i, ++it) {
    Xapian::Document document = it.get_document();
    const bool tied = (i > 0 && weights[i - 1] == weights[i]) ||
                      (i + 1 < considered && weights[i + 1] == weights[i]);
    if (ids || tied) {
      needs_id.push_back(i);
      id_docids.push_back(*it);
      id_documents.push_back(document);
    }
    out.push_back({weights[i], std::string(), *it, std::move(document)});
  }
  std::vector<std::string> read = read_slot(db, schema::kSlotId, id_docids, id_documents, remote);
  for (std::size_t k = 0; k < needs_id.size(); ++k) out[needs_id[k]].id = std::move(read[k]);
  // Stable: untied matches keep Xapian's order by weight; ties go by id.
  std::stable_sort(out.begin(), out.end(), [](const RetrievedDoc& a, const RetrievedDoc& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
  });
  if (out.size() > depth) out.resize(depth);
  return out;
}

}  // namespace podium::search
