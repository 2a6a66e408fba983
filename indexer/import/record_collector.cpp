// SPDX-License-Identifier: Apache-2.0
// Collecting imported records: one speaker per id however often a source names the person, and
// the --merge-by-name re-keying, done once at the end so talks can name speakers in any order.
#include "podium/import/record_collector.h"

#include <algorithm>
#include <set>

#include "podium/import/slug.h"

namespace podium::import {
namespace {

bool equal_ignoring_ascii_case(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    return lower(x) == lower(y);
  });
}

void fill(std::string& into, const std::string& from) {
  if (into.empty()) into = from;
}

void join(std::vector<std::string>& into, const std::vector<std::string>& from) {
  for (const auto& value : from) append_unique(into, value);
}

// The spelling seen most often; the first seen wins a tie.
std::string most_frequent(const std::vector<std::pair<std::string, std::size_t>>& names) {
  const auto best = std::max_element(
      names.begin(), names.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return best == names.end() ? std::string() : best->first;
}

void count_name(std::vector<std::pair<std::string, std::size_t>>& names, const std::string& name,
                std::size_t count) {
  if (name.empty()) return;
  for (auto& [spelling, n] : names) {
    if (spelling == name) {
      n += count;
      return;
    }
  }
  names.emplace_back(name, count);
}

}  // namespace

void append_unique(std::vector<std::string>& list, const std::string& value) {
  if (value.empty()) return;
  for (const auto& existing : list) {
    if (equal_ignoring_ascii_case(existing, value)) return;
  }
  list.push_back(value);
}

void merge_speaker(Speaker& into, const Speaker& from) {
  fill(into.name, from.name);
  fill(into.pronouns, from.pronouns);
  fill(into.headline, from.headline);
  fill(into.bio, from.bio);
  join(into.topics, from.topics);
  join(into.languages, from.languages);
  if (!into.location) into.location = from.location;
  fill(into.affiliation, from.affiliation);
  for (const auto& link : from.links) {
    const bool taken = std::any_of(into.links.begin(), into.links.end(), [&](const auto& existing) {
      return existing.first == link.first;
    });
    if (!taken) into.links.push_back(link);
  }
  join(into.formats, from.formats);
  if (!into.remote) into.remote = from.remote;
  fill(into.travel, from.travel);
  join(into.communities, from.communities);
  fill(into.updated, from.updated);
}

RecordCollector::RecordCollector(ImportSettings settings) : settings_(std::move(settings)) {}

void RecordCollector::add_speaker(Speaker speaker, Origin where) {
  count_name(names_[speaker.id], speaker.name, 1);
  if (auto it = speaker_index_.find(speaker.id); it != speaker_index_.end()) {
    merge_speaker(std::get<Speaker>(records_[it->second].record), speaker);
    return;
  }
  speaker_index_.emplace(speaker.id, records_.size());
  records_.push_back({std::move(speaker), std::move(where)});
}

void RecordCollector::add_talk(Talk talk, Origin where) {
  std::vector<std::string> speakers;
  for (auto& id : talk.speakers) {
    if (std::find(speakers.begin(), speakers.end(), id) == speakers.end()) {
      speakers.push_back(std::move(id));
    }
  }
  talk.speakers = std::move(speakers);
  if (auto it = talk_index_.find(talk.id); it != talk_index_.end()) {
    ImportedRecord& earlier = records_[it->second];
    std::string first = earlier.origin.file;
    if (earlier.origin.line > 0) first += ":" + std::to_string(earlier.origin.line);
    if (!earlier.origin.path.empty()) first += " " + earlier.origin.path;
    warn(where, "talk '" + talk.id + "' was already read (" + first + "); this one replaces it");
    earlier.record = std::move(talk);
    return;
  }
  talk_index_.emplace(talk.id, records_.size());
  records_.push_back({std::move(talk), std::move(where)});
}

void RecordCollector::reject(Origin where, std::string message) {
  issues_.push_back({std::move(where), std::move(message), true});
}

void RecordCollector::warn(Origin where, std::string message) {
  issues_.push_back({std::move(where), std::move(message), false});
}

std::vector<ImportedRecord> RecordCollector::finish() {
  std::map<std::string, std::string> new_id;  // source id -> final id
  if (settings_.merge_by_name) {
    for (const auto& [id, index] : speaker_index_) {
      const std::string slugged = slug(most_frequent(names_[id]));
      new_id[id] = slugged.empty() ? id : slugged;
    }
  }
  std::vector<ImportedRecord> out;
  out.reserve(records_.size());
  std::map<std::string, std::size_t> merged_index;  // final speaker id -> position in out
  std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> merged_names;
  for (auto& item : records_) {
    if (auto* speaker = std::get_if<Speaker>(&item.record)) {
      // Known only by id (a pretalx talk naming a speaker code, no speakers page): it carried
      // formats for a named record that never came, and alone it is not a valid speaker.
      if (speaker->name.empty()) continue;
      const std::string source_id = speaker->id;
      if (auto it = new_id.find(source_id); it != new_id.end()) speaker->id = it->second;
      auto& names = merged_names[speaker->id];
      for (const auto& [name, count] : names_[source_id]) count_name(names, name, count);
      if (auto it = merged_index.find(speaker->id); it != merged_index.end()) {
        merge_speaker(std::get<Speaker>(out[it->second].record), *speaker);
        continue;
      }
      merged_index.emplace(speaker->id, out.size());
    } else {
      auto& talk = std::get<Talk>(item.record);
      std::vector<std::string> speakers;
      for (const auto& id : talk.speakers) {
        auto it = new_id.find(id);
        const std::string& final_id = it == new_id.end() ? id : it->second;
        if (std::find(speakers.begin(), speakers.end(), final_id) == speakers.end()) {
          speakers.push_back(final_id);
        }
      }
      talk.speakers = std::move(speakers);
    }
    out.push_back(std::move(item));
  }
  for (auto& item : out) {
    if (auto* speaker = std::get_if<Speaker>(&item.record)) {
      const std::string name = most_frequent(merged_names[speaker->id]);
      if (!name.empty()) speaker->name = name;
    }
  }
  records_.clear();
  speaker_index_.clear();
  talk_index_.clear();
  names_.clear();
  return out;
}

}  // namespace podium::import
