// SPDX-License-Identifier: Apache-2.0
// The diversity re-ranker (RANKING.md §2.1 xQuAD, §2.2 DetConstSort minimums, §4.1 D).
#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "podium/core/stable_hash.h"
#include "podium/core/text_fold.h"
#include "podium/search/diversity.h"

namespace podium::search {
namespace {

// Regions by ISO 3166-1 alpha-2 code. Egypt counts as Africa and Cyprus as Europe; Turkey, Iran
// and the Gulf states as the Middle East.
struct RegionCountries {
  const char* region;
  const char* countries;
};
constexpr RegionCountries kRegionTable[] = {
    {"africa",
     "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG "
     "MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH RE YT SH"},
    {"asia",
     "AF AM AZ BD BT BN KH CN GE HK IN ID JP KZ KG LA MO MY MV MN MM NP KP KR PK PH SG LK TW TJ "
     "TH TL TM UZ VN"},
    {"europe",
     "AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL "
     "MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB VA FO GI GG IM JE AX"},
    {"latin-america",
     "AR BO BR CL CO CR CU DO EC SV GT HT HN JM MX NI PA PY PE PR UY VE BZ GY SR TT BS BB AG DM "
     "GD KN LC VC AW CW GF GP MQ"},
    {"north-america", "US CA GL BM PM"},
    {"oceania", "AU NZ FJ PG SB VU WS TO KI TV NR PW FM MH NC PF GU AS CK NU"},
    {"middle-east", "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE"},
};

const std::unordered_map<std::string, std::string>& region_map() {
  static const auto* const map = [] {
    auto* m = new std::unordered_map<std::string, std::string>();
    for (const auto& entry : kRegionTable) {
      std::istringstream codes(entry.countries);
      std::string code;
      while (codes >> code) (*m)[code] = entry.region;
    }
    return m;
  }();
  return *map;
}

bool is_newcomer(const DiversityCandidate& c) { return c.talk_count <= kNewcomerMaxTalks; }

const char* experience_of(const DiversityCandidate& c) {
  return is_newcomer(c) ? "newcomer" : "veteran";
}

bool matches(const DiversityCandidate& c, const std::string& field,
             const std::set<std::string>& values) {
  if (field == "gender") return !c.gender.empty() && values.count(ascii_lower(c.gender)) > 0;
  if (field == "groups") {
    return std::any_of(c.groups.begin(), c.groups.end(),
                       [&](const std::string& g) { return values.count(ascii_lower(g)) > 0; });
  }
  if (field == "region") return !c.region.empty() && values.count(c.region) > 0;
  if (field == "experience") return values.count(experience_of(c)) > 0;
  return false;
}

std::size_t required(double share, std::size_t prefix) {
  // The epsilon keeps 0.3 * 10 at 3, not 2.9999.
  return static_cast<std::size_t>(std::floor(share * static_cast<double>(prefix) + 1e-9));
}

struct Constraint {
  std::vector<bool> match;  // per candidate
  double share = 0;
  bool active = true;
  std::size_t have = 0;
};

}  // namespace

const char* const kRegions[7] = {"africa",        "asia",    "europe",     "latin-america",
                                 "north-america", "oceania", "middle-east"};
const char* const kMinShareFields[4] = {"gender", "groups", "region", "experience"};
const char* const kDiversityDimensions[4] = {"region", "affiliation", "experience", "subtopic"};

std::string region_of_country(std::string_view country) {
  std::string code(country);
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const auto& map = region_map();
  auto it = map.find(code);
  return it == map.end() ? std::string() : it->second;
}

std::optional<ValueSets> parse_value_sets(std::string_view json_text) {
  const nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("sets") || !doc["sets"].is_object()) {
    return std::nullopt;
  }
  ValueSets sets;
  for (const auto& [name, values] : doc["sets"].items()) {
    if (!values.is_array()) return std::nullopt;
    auto& set = sets[ascii_lower(name)];
    for (const auto& value : values) {
      if (!value.is_string()) return std::nullopt;
      set.insert(ascii_lower(value.get<std::string>()));
    }
  }
  return sets;
}

const ValueSets& shipped_value_sets() {
  static const ValueSets sets = [] {
    std::ifstream in(PODIUM_DATA_DIR "/diversity_values.json");
    std::stringstream text;
    text << in.rdbuf();
    return parse_value_sets(text.str()).value_or(ValueSets{});
  }();
  return sets;
}

std::set<std::string> expand_values(const std::vector<std::string>& values, const ValueSets& sets) {
  std::set<std::string> out;
  for (const auto& value : values) {
    const std::string key = ascii_lower(value);
    auto it = sets.find(key);
    if (it != sets.end()) {
      out.insert(it->second.begin(), it->second.end());
    } else {
      out.insert(key);
    }
  }
  return out;
}

std::uint64_t query_tie_seed(std::uint64_t seed, std::string_view query) {
  return stable_hash(seed, query);
}

DiversityResult diversify(const std::vector<DiversityCandidate>& candidates,
                          const DiversityOptions& options, const ValueSets& sets) {
  DiversityResult result;
  const std::size_t n = candidates.size();
  result.minimums.resize(options.min_shares.size());
  if (n == 0) return result;

  double top = 0;
  for (const auto& c : candidates) top = std::max(top, c.relevance);
  const double floor_relevance = options.relevance_band * top;
  std::vector<std::size_t> band;
  std::vector<std::size_t> tail;
  for (std::size_t i = 0; i < n; ++i) {
    (candidates[i].relevance >= floor_relevance ? band : tail).push_back(i);
  }

  std::vector<Constraint> constraints(options.min_shares.size());
  for (std::size_t m = 0; m < options.min_shares.size(); ++m) {
    const MinShare& min = options.min_shares[m];
    const std::set<std::string> values = expand_values(min.values, sets);
    Constraint& constraint = constraints[m];
    constraint.share = std::clamp(min.share, 0.0, 1.0);
    constraint.match.resize(n);
    std::size_t in_band = 0;
    for (std::size_t i = 0; i < n; ++i) {
      constraint.match[i] = matches(candidates[i], min.field, values);
      if (constraint.match[i] && candidates[i].relevance >= floor_relevance) ++in_band;
    }
    // A minimum on self-identification with too few matching people in the band would move
    // identifiable individuals: do not enforce it (RANKING.md §4.1 E).
    const bool self_id = min.field == "gender" || min.field == "groups";
    if (self_id && in_band < options.min_self_id_pool) constraint.active = false;
  }

  const auto enabled = [&](const char* dim) {
    return std::find(options.dimensions.begin(), options.dimensions.end(), dim) !=
           options.dimensions.end();
  };
  const bool by_region = enabled("region");
  const bool by_affiliation = enabled("affiliation");
  const bool by_experience = enabled("experience");
  const bool by_subtopic = enabled("subtopic");
  const double dimension_count = (by_region ? 1 : 0) + (by_affiliation ? 1 : 0) +
                                 (by_experience ? 1 : 0) + (by_subtopic ? 1 : 0);
  // xQuAD aspect weights P(t|q): the share of the band's candidates that carry subtopic t.
  std::map<std::string, double> topic_weight;
  double topic_total = 0;
  for (std::size_t i : band) {
    for (const auto& t : candidates[i].subtopics) {
      topic_weight[t] += 1;
      topic_total += 1;
    }
  }
  for (auto& [t, w] : topic_weight) w /= topic_total;

  std::set<std::string> covered_regions;
  std::set<std::string> covered_affiliations;
  // Experience is spread in proportion (PM-2 style, RANKING.md §2.1): newcomers and veterans
  // are each owed their share of the band at every prefix. Merely covering both levels once
  // promoted the minority level of most pools — veterans, who sit in many pools — and so
  // concentrated exposure on the same few across queries.
  std::size_t newcomers_placed = 0;
  double newcomer_share = 0;
  for (std::size_t i : band) newcomer_share += is_newcomer(candidates[i]) ? 1 : 0;
  newcomer_share /= static_cast<double>(band.size());
  std::set<std::string> covered_topics;
  std::vector<bool> used(n, false);
  const std::uint64_t seed = options.seed.value_or(0);

  for (std::size_t position = 1; position <= band.size(); ++position) {
    std::vector<std::size_t> remaining;
    for (std::size_t i : band) {
      if (!used[i]) remaining.push_back(i);
    }
    // Minimum counts at this prefix (DetConstSort): candidates that fill the most unmet
    // minimums are the only ones eligible. Minimums only ever draw from the band.
    std::vector<std::size_t> deficits;
    for (std::size_t m = 0; m < constraints.size(); ++m) {
      const Constraint& c = constraints[m];
      if (c.active && c.have < required(c.share, position)) deficits.push_back(m);
    }
    std::vector<std::size_t> pool = remaining;
    if (!deficits.empty()) {
      std::size_t best_hits = 0;
      std::vector<std::size_t> hits(n, 0);
      for (std::size_t i : remaining) {
        for (std::size_t m : deficits)
          if (constraints[m].match[i]) ++hits[i];
        best_hits = std::max(best_hits, hits[i]);
      }
      if (best_hits > 0) {
        pool.clear();
        for (std::size_t i : remaining) {
          if (hits[i] == best_hits) pool.push_back(i);
        }
      }
    }

    std::vector<double> subtopic_gain(n, 0);
    double max_gain = 0;
    if (by_subtopic) {
      for (std::size_t i : pool) {
        for (const auto& t : candidates[i].subtopics) {
          if (!covered_topics.count(t)) subtopic_gain[i] += topic_weight[t];
        }
        max_gain = std::max(max_gain, subtopic_gain[i]);
      }
    }
    std::vector<double> objective(n, 0);
    double best = -1;
    for (std::size_t i : pool) {
      const DiversityCandidate& c = candidates[i];
      double novelty = 0;
      if (by_region) novelty += !c.region.empty() && !covered_regions.count(c.region) ? 1 : 0;
      if (by_affiliation) {
        // Unknown affiliation: neither redundant nor known to be new.
        novelty += c.affiliation.empty()                                    ? 0.5
                   : covered_affiliations.count(ascii_lower(c.affiliation)) ? 0
                                                                            : 1;
      }
      if (by_experience) {
        const bool newcomer = is_newcomer(c);
        // Each experience level is owed floor(share x prefix) of every prefix, its share being
        // its share of the band; a candidate of a level that is owed a seat is novel.
        const std::size_t placed = newcomer ? newcomers_placed : position - 1 - newcomers_placed;
        const double share = newcomer ? newcomer_share : 1 - newcomer_share;
        novelty +=
            static_cast<double>(placed) + 1 <= share * static_cast<double>(position) + 1e-9 ? 1 : 0;
      }
      if (by_subtopic && max_gain > 0) {
        // No known subtopic: neither redundant nor known to be new, as with affiliations. At 0
        // the dimension promoted whoever had tagged talks — mostly prolific speakers.
        novelty += c.subtopics.empty() ? 0.5 : subtopic_gain[i] / max_gain;
      }
      if (dimension_count > 0) novelty /= dimension_count;
      if (c.relevance < options.novelty_band * top) novelty = 0;
      objective[i] = (1 - options.lambda) * c.relevance + options.lambda * novelty;
      best = std::max(best, objective[i]);
    }
    // Near-ties rotate with the seed, so equally good speakers share the top over many queries
    // (expected exposure, RANKING.md §2.2) while one seed always gives one order.
    std::size_t chosen = n;
    std::uint64_t chosen_hash = 0;
    for (std::size_t i : pool) {
      if (objective[i] < best - options.tie_epsilon) continue;
      const std::uint64_t h = stable_hash(seed, candidates[i].id);
      if (chosen == n || h < chosen_hash || (h == chosen_hash && i < chosen)) {
        chosen = i;
        chosen_hash = h;
      }
    }
    used[chosen] = true;
    result.order.push_back(chosen);
    const DiversityCandidate& c = candidates[chosen];
    if (!c.region.empty()) covered_regions.insert(c.region);
    if (!c.affiliation.empty()) covered_affiliations.insert(ascii_lower(c.affiliation));
    if (is_newcomer(c)) ++newcomers_placed;
    covered_topics.insert(c.subtopics.begin(), c.subtopics.end());
    for (auto& constraint : constraints) {
      if (constraint.match[chosen]) ++constraint.have;
    }
  }
  result.order.insert(result.order.end(), tail.begin(), tail.end());

  // Met means: enforced, and every prefix within the band has its minimum count.
  for (std::size_t m = 0; m < constraints.size(); ++m) {
    bool met = constraints[m].active;
    std::size_t have = 0;
    for (std::size_t k = 1; met && k <= band.size(); ++k) {
      if (constraints[m].match[result.order[k - 1]]) ++have;
      if (have < required(constraints[m].share, k)) met = false;
    }
    result.minimums[m].state =
        met ? MinShareOutcome::State::kMet : MinShareOutcome::State::kInfeasible;
  }
  return result;
}

}  // namespace podium::search
