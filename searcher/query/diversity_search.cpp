// SPDX-License-Identifier: Apache-2.0
// Candidates for the diversity re-ranker, read from speaker and talk documents.
#include "diversity_search.h"

#include <algorithm>
#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "podium/core/schema.h"
#include "podium/core/stored_records.h"
#include "podium/core/text_fold.h"

#include "slot_reader.h"

namespace podium::search {
namespace {}  // namespace

std::vector<std::vector<std::string>> matched_talk_tags(const Xapian::Database& db,
                                                        const std::vector<RankedSpeaker>& ranked,
                                                        bool remote) {
  std::vector<Xapian::docid> docids;
  for (const auto& r : ranked)
    docids.insert(docids.end(), r.talk_docids.begin(), r.talk_docids.end());
  const std::vector<std::string> slots = read_slot(db, schema::kSlotTags, docids, remote);
  std::vector<std::vector<std::string>> out(ranked.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    for (Xapian::docid docid : ranked[i].talk_docids) {
      const std::string& slot = slots[next++];
      if (slot.empty()) {
        for (auto& tag : stored_talk_tags(db.get_document(docid).get_data())) {
          out[i].push_back(std::move(tag));
        }
        continue;
      }
      const nlohmann::json tags = nlohmann::json::parse(slot, nullptr, false);
      if (!tags.is_array()) continue;
      for (const auto& tag : tags) {
        if (tag.is_string()) out[i].push_back(tag.get<std::string>());
      }
    }
  }
  return out;
}

std::uint64_t day_seed() {
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  return static_cast<std::uint64_t>(hours / 24);
}

std::vector<std::size_t> diversify_ranked(const Xapian::Database& db, const SearchRequest& request,
                                          const std::vector<RankedSpeaker>& ranked,
                                          DiversitySummary& summary, bool remote) {
  DiversityOptions options = *request.diversity;
  if (!options.seed) options.seed = request.seed.value_or(day_seed());
  options.seed = query_tie_seed(*options.seed, request.query);
  double top = 0;
  for (const auto& r : ranked) top = std::max(top, r.score);
  if (top <= 0) top = 1;

  std::vector<DiversityCandidate> candidates;
  std::vector<Speaker> public_view;  // as stored: self_id only when its consent is public
  candidates.reserve(ranked.size());
  const std::vector<std::vector<std::string>> talk_tags = matched_talk_tags(db, ranked, remote);
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const RankedSpeaker& r = ranked[i];
    const Xapian::Document doc = db.get_document(r.profile_docid);
    DiversityCandidate c;
    c.relevance = std::clamp(r.score / top, 0.0, 1.0);
    const std::string count = doc.get_value(schema::kSlotTalkCount);
    c.talk_count = count.empty() ? 0 : std::stoul(count);
    // Consent: the ranking-only slot steers the order here and nowhere else; the summary below
    // reads only `public_view` (tests/privacy/diversity_consent_test.cpp).
    Result<Speaker> shown = stored_speaker(doc.get_data());
    Result<Speaker> full =
        shown.is_ok() ? with_self_id(*shown, doc.get_value(schema::kSlotSelfId)) : shown;
    if (full.is_ok()) {
      const Speaker& s = *full;
      c.id = s.id;
      if (s.location) c.region = region_of_country(s.location->country);
      c.affiliation = s.affiliation;
      for (const auto& t : s.topics) c.subtopics.insert(ascii_lower(t));
      if (s.self_id) {
        c.gender = ascii_lower(s.self_id->gender);
        for (const auto& g : s.self_id->groups) c.groups.push_back(ascii_lower(g));
      }
    }
    for (const auto& tag : talk_tags[i]) c.subtopics.insert(ascii_lower(tag));
    public_view.push_back(shown.is_ok() ? std::move(shown).value() : Speaker{});
    candidates.push_back(std::move(c));
  }

  const DiversityResult result = diversify(candidates, options);

  summary = DiversitySummary{};
  summary.dimensions = options.dimensions;
  std::set<std::string> affiliations;
  const auto first = static_cast<std::size_t>(request.offset);
  const auto last = std::min(result.order.size(), first + static_cast<std::size_t>(request.k));
  for (std::size_t p = first; p < last; ++p) {
    const std::size_t i = result.order[p];
    const DiversityCandidate& c = candidates[i];
    if (!c.region.empty()) ++summary.regions[c.region];
    ++summary.experience[c.talk_count <= kNewcomerMaxTalks ? "newcomer" : "veteran"];
    if (!c.affiliation.empty()) affiliations.insert(ascii_lower(c.affiliation));
    const Speaker& shown = public_view[i];
    if (shown.self_id && shown.self_id->consent == Consent::kPublic) {
      if (!shown.self_id->gender.empty())
        ++summary.public_genders[ascii_lower(shown.self_id->gender)];
      for (const auto& g : shown.self_id->groups) ++summary.public_groups[ascii_lower(g)];
    }
  }
  summary.affiliations = affiliations.size();
  for (std::size_t m = 0; m < options.min_shares.size(); ++m) {
    summary.minimums.push_back({options.min_shares[m].field, options.min_shares[m].share,
                                result.minimums[m].state == MinShareOutcome::State::kMet});
  }
  return result.order;
}

}  // namespace podium::search
