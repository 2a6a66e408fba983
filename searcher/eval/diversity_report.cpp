// SPDX-License-Identifier: Apache-2.0
// Attributes of an evaluation corpus and the per-run diversity figures.
#include "podium/eval/diversity_report.h"

#include <algorithm>

#include "podium/core/record_parser.h"
#include "podium/core/text_fold.h"
#include "podium/eval/diversity_metrics.h"
#include "podium/ingest/input_reader.h"

namespace podium::eval {
namespace {

constexpr std::size_t kCutoff = 10;

const SpeakerAttributes* find(const AttributeTable& table, const std::string& id) {
  auto it = table.find(id);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace

Result<AttributeTable> read_attributes(const std::string& path) {
  AttributeTable table;
  std::vector<Talk> talks;
  const Status read = ingest::for_each_valid_record(
      path, kMaxLineBytes, [&](const ingest::InputLine&, const ParsedRecord& parsed) {
        if (const auto* speaker = std::get_if<Speaker>(&parsed.record)) {
          SpeakerAttributes& a = table[speaker->id];
          if (speaker->self_id) {
            a.gender = ascii_lower(speaker->self_id->gender);
            for (const auto& g : speaker->self_id->groups) a.groups.push_back(ascii_lower(g));
          }
          if (speaker->location) a.region = search::region_of_country(speaker->location->country);
        } else if (const auto* talk = std::get_if<Talk>(&parsed.record)) {
          talks.push_back(*talk);
        }
      });
  if (!read.is_ok()) return read;
  // Talks after speakers: a talk may come before its speaker in the file.
  for (const auto& talk : talks) {
    for (const auto& id : talk.speakers) {
      auto it = table.find(id);
      if (it == table.end()) continue;
      ++it->second.talks;
      for (const auto& tag : talk.tags) it->second.tags.insert(ascii_lower(tag));
    }
  }
  return table;
}

bool is_member(const SpeakerAttributes& speaker, const std::string& field,
               const std::set<std::string>& values) {
  if (field == "gender") return !speaker.gender.empty() && values.count(speaker.gender) > 0;
  if (field == "groups") {
    return std::any_of(speaker.groups.begin(), speaker.groups.end(),
                       [&](const std::string& g) { return values.count(g) > 0; });
  }
  if (field == "region") return values.count(speaker.region) > 0;
  if (field == "experience") {
    return values.count(speaker.talks <= search::kNewcomerMaxTalks ? "newcomer" : "veteran") > 0;
  }
  return false;
}

DiversityAccumulator::DiversityAccumulator(const AttributeTable& table,
                                           std::optional<search::MinShare> min_share,
                                           const search::ValueSets& sets, double band,
                                           std::size_t self_id_pool)
    : table_(table), min_share_(std::move(min_share)), band_(band), self_id_pool_(self_id_pool) {
  if (min_share_) member_values_ = search::expand_values(min_share_->values, sets);
  for (const auto& [id, a] : table_) exposure_[id] = 0;
}

void DiversityAccumulator::add(const std::vector<std::string>& ranking,
                               const std::set<std::string>& subtopics,
                               const std::vector<double>& relevance) {
  ++sums_.queries;
  const std::size_t top = std::min(kCutoff, ranking.size());
  for (std::size_t r = 0; r < top; ++r) {
    const double e = exposure_at(r + 1);
    exposure_[ranking[r]] += e;
    total_exposure_ += e;
    const SpeakerAttributes* a = find(table_, ranking[r]);
    if (a != nullptr && a->talks <= search::kNewcomerMaxTalks) newcomer_exposure_ += e;
  }
  if (!subtopics.empty()) {
    const auto covered = [&](const std::string& id) {
      std::set<std::string> out;
      if (const SpeakerAttributes* a = find(table_, id)) {
        std::set_intersection(a->tags.begin(), a->tags.end(), subtopics.begin(), subtopics.end(),
                              std::inserter(out, out.end()));
      }
      return out;
    };
    std::vector<std::set<std::string>> pool;
    for (const auto& id : ranking) pool.push_back(covered(id));
    const std::vector<std::set<std::string>> ranked(pool.begin(),
                                                    pool.begin() + static_cast<long>(top));
    ++sums_.subtopic_queries;
    sums_.alpha_ndcg_at_10 += alpha_ndcg(ranked, pool, kCutoff);
  }
  if (min_share_) {
    std::vector<bool> members;
    std::size_t pool_members = 0;
    std::size_t band_members = 0;
    const bool scored = relevance.size() == ranking.size() && !ranking.empty();
    const double band_floor =
        scored ? band_ * *std::max_element(relevance.begin(), relevance.end()) : 0;
    for (std::size_t r = 0; r < ranking.size(); ++r) {
      const SpeakerAttributes* a = find(table_, ranking[r]);
      const bool m = a != nullptr && is_member(*a, min_share_->field, member_values_);
      if (r < top) members.push_back(m);
      if (m) ++pool_members;
      if (m && scored && relevance[r] >= band_floor) ++band_members;
    }
    const bool met = prefixes_meet_share(members, min_share_->share, kCutoff);
    if (met) ++satisfied_;
    if (share_feasible(pool_members, min_share_->share, top)) {
      ++sums_.feasible_queries;
      if (met) ++satisfied_feasible_;
    }
    const bool self_id = min_share_->field == "gender" || min_share_->field == "groups";
    if (scored && share_feasible(band_members, min_share_->share, top) &&
        (!self_id || band_members >= self_id_pool_)) {
      ++sums_.band_feasible_queries;
      if (met) ++satisfied_band_feasible_;
    }
    sums_.ndkl_at_10 += ndkl(members, min_share_->share, kCutoff);
    const Skews skews = skew_at(members, min_share_->share, kCutoff);
    sums_.min_skew_at_10 += skews.min();
    sums_.max_skew_at_10 += skews.max();
    if (top > 0) {
      sums_.member_share_at_10 +=
          static_cast<double>(std::count(members.begin(), members.end(), true)) /
          static_cast<double>(top);
    }
  }
}

DiversityReport DiversityAccumulator::report() const {
  DiversityReport out = sums_;
  const auto mean = [](double sum, std::size_t n) { return n ? sum / static_cast<double>(n) : 0; };
  out.alpha_ndcg_at_10 = mean(sums_.alpha_ndcg_at_10, sums_.subtopic_queries);
  out.has_min_share = min_share_.has_value();
  out.satisfied_when_feasible =
      sums_.feasible_queries
          ? static_cast<double>(satisfied_feasible_) / static_cast<double>(sums_.feasible_queries)
          : 0;
  out.satisfied_when_band_feasible = sums_.band_feasible_queries
                                         ? static_cast<double>(satisfied_band_feasible_) /
                                               static_cast<double>(sums_.band_feasible_queries)
                                         : 0;
  out.satisfied_all = mean(static_cast<double>(satisfied_), sums_.queries);
  out.ndkl_at_10 = mean(sums_.ndkl_at_10, sums_.queries);
  out.min_skew_at_10 = mean(sums_.min_skew_at_10, sums_.queries);
  out.max_skew_at_10 = mean(sums_.max_skew_at_10, sums_.queries);
  out.member_share_at_10 = mean(sums_.member_share_at_10, sums_.queries);
  out.newcomer_exposure_share = total_exposure_ > 0 ? newcomer_exposure_ / total_exposure_ : 0;
  std::vector<double> amounts;
  std::size_t exposed = 0;
  for (const auto& [id, e] : exposure_) {
    amounts.push_back(e);
    if (e > 0) ++exposed;
  }
  out.exposure_gini = gini(std::move(amounts));
  out.speakers_exposed = exposed;
  return out;
}

}  // namespace podium::eval
