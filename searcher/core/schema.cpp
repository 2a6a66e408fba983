// SPDX-License-Identifier: Apache-2.0
// Term construction shared by indexer and searcher.
#include "podium/core/schema.h"

#include <cctype>

#include "podium/core/text_fold.h"

namespace podium::schema {

std::string unique_term(RecordKind kind, std::string_view id) {
  std::string term = "Q";
  term += record_kind_name(kind);
  term += ':';
  term += id;
  return term;
}

std::string kind_term(RecordKind kind) { return std::string("XKIND:") + record_kind_name(kind); }

bool is_boolean_term(std::string_view term) {
  if (term.starts_with('Q') || term.starts_with("XKIND:")) return true;
  for (const char* prefix : {kFilterLanguage, kFilterCountry, kFilterCity, kFilterRemote,
                             kFilterFormat, kFilterCommunity, kFilterTopic, kFilterYear,
                             kFilterSpeaker, kFilterRegion, kFilterType, kFilterTravelGrants}) {
    if (term.starts_with(prefix)) return true;
  }
  return false;
}

std::string filter_term(const char* prefix, std::string_view value) {
  std::string term = prefix + ascii_lower(value);
  // Xapian terms are limited to 245 bytes; a longer filter value cannot be a real one anyway.
  if (term.size() > 240) term.resize(240);
  return term;
}

std::vector<std::string> split_speakers(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    const std::size_t end = joined.find('\n');
    out.emplace_back(joined.substr(0, end));
    if (end == std::string_view::npos) break;
    joined.remove_prefix(end + 1);
  }
  return out;
}

std::string speaker_term(std::string_view speaker_id) {
  std::string term = kFilterSpeaker;
  term += speaker_id;
  return term;
}

}  // namespace podium::schema
