// SPDX-License-Identifier: Apache-2.0
// The engine floor's query (see floor_search.h).
#include "floor_search.h"

#include <nlohmann/json.hpp>

namespace podium::bench {

FloorSearcher::FloorSearcher(const std::string& db_path) : db_(db_path) {
  // The same query language choices as Podium's parser where they exist in plain Xapian:
  // English stemming of unquoted words, words OR-ed.
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_database(db_);
}

std::string FloorSearcher::search_json(const std::string& text, int k) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(parser_.parse_query(text));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
  nlohmann::json results = nlohmann::json::array();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto stored = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
    stored["score"] = it.get_weight();
    results.push_back(std::move(stored));
  }
  return nlohmann::json{
      {"query", text}, {"total", mset.get_matches_estimated()}, {"results", results}}
      .dump();
}

}  // namespace podium::bench
