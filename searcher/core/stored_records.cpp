// SPDX-License-Identifier: Apache-2.0
// Stored data is the ingest format itself, so reading it back reuses the record parser: one
// definition of every field.
#include "podium/core/stored_records.h"

#include <nlohmann/json.hpp>

#include "podium/core/record_parser.h"

namespace podium {
namespace {

template <typename T>
Result<T> stored(std::string_view data) {
  Result<ParsedRecord> parsed = parse_record(data);
  if (!parsed.is_ok())
    return Status::internal("stored record is invalid: " + parsed.status().to_string());
  if (!std::holds_alternative<T>(parsed->record)) {
    return Status::internal("stored record has another kind");
  }
  return std::get<T>(std::move(parsed->record));
}

}  // namespace

Result<Speaker> stored_speaker(std::string_view data, std::string_view self_id_json) {
  Result<Speaker> speaker = stored<Speaker>(data);
  if (!speaker.is_ok()) return speaker;
  return with_self_id(std::move(speaker).value(), self_id_json);
}

Result<Speaker> with_self_id(Speaker speaker, std::string_view self_id_json) {
  if (self_id_json.empty()) return speaker;
  Result<SelfId> self_id = parse_self_id(self_id_json);
  if (!self_id.is_ok()) {
    return Status::internal("stored self_id is invalid: " + self_id.status().to_string());
  }
  speaker.self_id = std::move(self_id).value();
  return speaker;
}

Result<Talk> stored_talk(std::string_view data) { return stored<Talk>(data); }
std::vector<std::string> stored_talk_tags(std::string_view data) {
  std::vector<std::string> tags;
  const nlohmann::json object = nlohmann::json::parse(data, nullptr, false);
  if (!object.is_object() || object.value("kind", "") != "talk") return tags;
  const auto it = object.find("tags");
  if (it == object.end() || !it->is_array()) return tags;
  for (const auto& tag : *it) {
    if (tag.is_string()) tags.push_back(tag.get<std::string>());
  }
  return tags;
}

Result<Community> stored_community(std::string_view data) { return stored<Community>(data); }

}  // namespace podium
