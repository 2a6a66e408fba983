// SPDX-License-Identifier: Apache-2.0
// JSON forms of records; empty optional fields are left out, as the ingest format allows.
#include "podium/core/record_json.h"

namespace podium {
namespace {

using nlohmann::json;

void put(json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}
void put(json& out, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) out[key] = values;
}

}  // namespace

json to_json(const SelfId& self_id) {
  json out = json::object();
  put(out, "gender", self_id.gender);
  put(out, "groups", self_id.groups);
  if (self_id.consent_given) {
    out["consent"] = self_id.consent == Consent::kPublic ? "public" : "ranking";
  }
  return out;
}

json to_json(const Speaker& s, SelfIdOutput self_id) {
  json out = {{"kind", "speaker"}, {"id", s.id}, {"name", s.name}};
  put(out, "pronouns", s.pronouns);
  put(out, "headline", s.headline);
  put(out, "bio", s.bio);
  put(out, "topics", s.topics);
  put(out, "languages", s.languages);
  if (s.location) {
    json location = json::object();
    put(location, "city", s.location->city);
    put(location, "country", s.location->country);
    if (s.location->lat) location["lat"] = *s.location->lat;
    if (s.location->lon) location["lon"] = *s.location->lon;
    out["location"] = location;
  }
  put(out, "affiliation", s.affiliation);
  if (!s.links.empty()) {
    json links = json::object();
    for (const auto& [name, url] : s.links) links[name] = url;
    out["links"] = links;
  }
  put(out, "formats", s.formats);
  if (s.remote) out["remote"] = *s.remote;
  put(out, "travel", s.travel);
  put(out, "communities", s.communities);
  // Consent rule (docs/ingest-format.md): ranking-only self-identification is never shown.
  // Enforced end to end by tests/privacy/consent_leak_test.cpp.
  if (s.self_id) {
    const bool show = self_id == SelfIdOutput::kAlways ||
                      (self_id == SelfIdOutput::kPublicOnly &&
                       s.self_id->consent == Consent::kPublic && s.self_id->consent_given);
    if (show) out["self_id"] = to_json(*s.self_id);
  }
  put(out, "updated", s.updated);
  return out;
}

json to_json(const Talk& t) {
  json out = {{"kind", "talk"}, {"id", t.id}, {"title", t.title}};
  put(out, "abstract", t.abstract);
  out["speakers"] = t.speakers;
  put(out, "event", t.event);
  put(out, "date", t.date);
  put(out, "tags", t.tags);
  put(out, "language", t.language);
  put(out, "url", t.url);
  put(out, "video", t.video);
  put(out, "slides", t.slides);
  if (!t.transcript.empty()) {
    json cues = json::array();
    for (const auto& cue : t.transcript) cues.push_back({{"start", cue.start}, {"text", cue.text}});
    out["transcript"] = std::move(cues);
  }
  return out;
}

json to_json(const Community& c) {
  json out = {{"kind", "community"}, {"id", c.id}, {"name", c.name}};
  put(out, "description", c.description);
  put(out, "type", c.type);
  put(out, "colocated_with", c.colocated_with);
  put(out, "url", c.url);
  put(out, "regions", c.regions);
  put(out, "topics", c.topics);
  if (c.travel_grants) out["travel_grants"] = *c.travel_grants;
  return out;
}

}  // namespace podium
