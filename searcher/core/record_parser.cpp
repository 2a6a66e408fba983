// SPDX-License-Identifier: Apache-2.0
// The ingest format's validation rules, one function per record kind.
#include "podium/core/record_parser.h"

#include <array>
#include <cmath>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "podium/core/validate.h"

namespace podium {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 7> kFormats = {"keynote", "talk",      "workshop", "panel",
                                                      "podcast", "interview", "mentoring"};
constexpr std::array<std::string_view, 5> kCommunityTypes = {"workshop", "meetup", "network",
                                                             "conference", "festival"};

// Limits not fixed by the format: generous, but they keep one record from bloating the index.
constexpr std::size_t kMaxShortText = 500;  // pronouns, headline, event, affiliation, ...
constexpr std::size_t kMaxListItems = 200;  // topics, tags, languages, ...
constexpr std::size_t kMaxListItemChars = 200;
constexpr std::size_t kMaxDescription = 50000;
// Transcripts (docs/ingest-format.md, "Transcripts").
constexpr std::size_t kMaxCueChars = 5000;
constexpr std::size_t kMaxCues = 20000;
constexpr std::size_t kMaxTranscriptBytes = 2 * 1000 * 1000;

}  // namespace

bool json_nesting_exceeds(std::string_view line, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : line) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

namespace {

template <std::size_t N>
std::string join_choices(const std::array<std::string_view, N>& choices) {
  std::string out;
  for (const auto& choice : choices) {
    if (!out.empty()) out += ", ";
    out += choice;
  }
  return out;
}

// Reads the fields of one JSON object, remembering the first error and which fields were seen.
class FieldReader {
 public:
  FieldReader(const json& object, std::string prefix)
      : object_(object), prefix_(std::move(prefix)) {}

  bool ok() const { return status_.is_ok(); }
  Status status() const { return status_; }
  void fail(const std::string& field, std::string message) {
    if (status_.is_ok()) status_ = Status::invalid(std::move(message), path(field));
  }
  std::string path(const std::string& field) const {
    return prefix_.empty() ? field : prefix_ + "." + field;
  }
  const json* find(const std::string& field) {
    seen_.insert(field);
    auto it = object_.find(field);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  // A string field; empty when absent. `min_chars` > 0 makes it required.
  std::string text(const std::string& field, std::size_t min_chars, std::size_t max_chars) {
    const json* value = find(field);
    if (value == nullptr) {
      if (min_chars > 0) fail(field, "is required");
      return {};
    }
    if (!value->is_string()) {
      fail(field, "must be a string");
      return {};
    }
    std::string out = value->get<std::string>();
    check_text(field, out, min_chars, max_chars);
    return out;
  }

  void check_text(const std::string& field, const std::string& value, std::size_t min_chars,
                  std::size_t max_chars) {
    if (value.find('\0') != std::string::npos) {
      fail(field, "must not contain a NUL character");
      return;
    }
    const std::size_t chars = utf8_length(value);
    if (chars < min_chars || chars > max_chars) {
      if (min_chars > 0) {
        fail(field, "must be " + std::to_string(min_chars) + ".." + std::to_string(max_chars) +
                        " characters (got " + std::to_string(chars) + ")");
      } else {
        fail(field, "must be at most " + std::to_string(max_chars) + " characters (got " +
                        std::to_string(chars) + ")");
      }
    }
  }

  std::vector<std::string> text_list(const std::string& field, std::size_t max_item_chars) {
    std::vector<std::string> out;
    const json* value = find(field);
    if (value == nullptr) return out;
    if (!value->is_array()) {
      fail(field, "must be an array of strings");
      return out;
    }
    if (value->size() > kMaxListItems) {
      fail(field, "must have at most " + std::to_string(kMaxListItems) + " items");
      return out;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
      const json& item = (*value)[i];
      const std::string item_field = field + "[" + std::to_string(i) + "]";
      if (!item.is_string()) {
        fail(item_field, "must be a string");
        return out;
      }
      std::string s = item.get<std::string>();
      check_text(item_field, s, 1, max_item_chars);
      if (!ok()) return out;
      out.push_back(std::move(s));
    }
    return out;
  }

  // A list whose items must each pass `valid`; `what` describes the expected form.
  template <typename Pred>
  std::vector<std::string> checked_list(const std::string& field, Pred valid,
                                        const std::string& what) {
    std::vector<std::string> out = text_list(field, kMaxListItemChars);
    for (std::size_t i = 0; ok() && i < out.size(); ++i) {
      if (!valid(out[i])) fail(field + "[" + std::to_string(i) + "]", "must be " + what);
    }
    return out;
  }

  template <typename Pred>
  std::string checked_text(const std::string& field, Pred valid, const std::string& what,
                           bool required = false) {
    std::string out = text(field, required ? 1 : 0, 2048);
    if (ok() && !out.empty() && !valid(out)) fail(field, "must be " + what);
    return out;
  }

  std::optional<bool> boolean(const std::string& field) {
    const json* value = find(field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) {
      fail(field, "must be true or false");
      return std::nullopt;
    }
    return value->get<bool>();
  }

  std::optional<double> number(const std::string& field, double min, double max) {
    const json* value = find(field);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number()) {
      fail(field, "must be a number");
      return std::nullopt;
    }
    const double d = value->get<double>();
    if (!(d >= min && d <= max)) {
      fail(field, "must be between " + std::to_string(static_cast<int>(min)) + " and " +
                      std::to_string(static_cast<int>(max)));
      return std::nullopt;
    }
    return d;
  }

  // Fields present in the object that no reader asked for.
  std::vector<std::string> unknown_fields() const {
    std::vector<std::string> out;
    for (const auto& [key, unused] : object_.items()) {
      if (!seen_.contains(key)) out.push_back(path(key));
    }
    return out;
  }

 private:
  const json& object_;
  std::string prefix_;
  std::set<std::string> seen_;
  Status status_;
};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& choices, const std::string& value) {
  for (const auto& choice : choices) {
    if (choice == value) return true;
  }
  return false;
}

void add_unknown_field_warnings(const FieldReader& reader, std::vector<std::string>& warnings) {
  for (const auto& field : reader.unknown_fields()) {
    warnings.push_back(field + ": unknown field ignored");
  }
}

std::optional<Location> read_location(FieldReader& parent, std::vector<std::string>& warnings) {
  const json* value = parent.find("location");
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) {
    parent.fail("location", "must be an object {city, country, lat, lon}");
    return std::nullopt;
  }
  FieldReader reader(*value, "location");
  Location location;
  location.city = reader.text("city", 0, kMaxListItemChars);
  location.country = reader.checked_text("country", is_valid_country_code,
                                         "an ISO 3166-1 alpha-2 code in upper case, e.g. \"DE\"");
  location.lat = reader.number("lat", -90, 90);
  location.lon = reader.number("lon", -180, 180);
  if (!reader.ok()) {
    parent.fail(reader.status().field(), reader.status().message());
    return std::nullopt;
  }
  add_unknown_field_warnings(reader, warnings);
  return location;
}

std::optional<SelfId> read_self_id(FieldReader& parent, std::vector<std::string>& warnings) {
  const json* value = parent.find("self_id");
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) {
    parent.fail("self_id", "must be an object {gender, groups, consent}");
    return std::nullopt;
  }
  FieldReader reader(*value, "self_id");
  SelfId self_id;
  self_id.gender = reader.text("gender", 0, kMaxListItemChars);
  self_id.groups = reader.text_list("groups", kMaxListItemChars);
  const std::string consent = reader.text("consent", 0, 20);
  if (reader.ok() && !consent.empty()) {
    self_id.consent_given = true;
    if (consent == "public") {
      self_id.consent = Consent::kPublic;
    } else if (consent == "ranking") {
      self_id.consent = Consent::kRanking;
    } else {
      reader.fail("consent", "must be \"public\" or \"ranking\"");
    }
  }
  if (!reader.ok()) {
    parent.fail(reader.status().field(), reader.status().message());
    return std::nullopt;
  }
  add_unknown_field_warnings(reader, warnings);
  return self_id;
}

std::vector<std::pair<std::string, std::string>> read_links(FieldReader& reader) {
  std::vector<std::pair<std::string, std::string>> links;
  const json* value = reader.find("links");
  if (value == nullptr) return links;
  if (!value->is_object()) {
    reader.fail("links", "must be an object of name to URL");
    return links;
  }
  for (const auto& [key, url] : value->items()) {
    const std::string field = "links." + key;
    if (key.empty() || utf8_length(key) > 50 || key.find('\0') != std::string::npos) {
      reader.fail(field, "link names must be 1..50 characters");
      break;
    }
    if (!url.is_string() || !is_valid_url(url.get<std::string>())) {
      reader.fail(field, "must be an http(s) URL");
      break;
    }
    links.emplace_back(key, url.get<std::string>());
  }
  return links;
}

Speaker read_speaker(FieldReader& r, std::vector<std::string>& warnings) {
  Speaker s;
  s.name = r.text("name", 1, 200);
  s.pronouns = r.text("pronouns", 0, 50);
  s.headline = r.text("headline", 0, kMaxShortText);
  s.bio = r.text("bio", 0, 20000);
  s.topics = r.text_list("topics", kMaxListItemChars);
  s.languages = r.checked_list("languages", is_valid_language_tag, "a BCP-47 code, e.g. \"en\"");
  s.location = read_location(r, warnings);
  s.affiliation = r.text("affiliation", 0, kMaxShortText);
  s.links = read_links(r);
  s.formats = r.checked_list(
      "formats", [](const std::string& f) { return one_of(kFormats, f); },
      "one of " + join_choices(kFormats));
  s.remote = r.boolean("remote");
  s.travel = r.text("travel", 0, kMaxShortText);
  s.communities = r.checked_list("communities", is_valid_id, "a community id");
  s.self_id = read_self_id(r, warnings);
  s.updated = r.checked_text("updated", is_valid_date, "a date YYYY-MM-DD");
  return s;
}

// `transcript`: [{"start": seconds, "text": "..."}, ...], starts non-decreasing.
std::vector<TranscriptCue> read_transcript(FieldReader& r, std::vector<std::string>& warnings) {
  std::vector<TranscriptCue> cues;
  const json* value = r.find("transcript");
  if (value == nullptr) return cues;
  if (!value->is_array()) {
    r.fail("transcript", "must be an array of {start, text} cues");
    return cues;
  }
  if (value->size() > kMaxCues) {
    r.fail("transcript", "must have at most " + std::to_string(kMaxCues) + " cues (got " +
                             std::to_string(value->size()) + ")");
    return cues;
  }
  std::size_t total_bytes = 0;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string field = "transcript[" + std::to_string(i) + "]";
    const json& item = (*value)[i];
    if (!item.is_object()) {
      r.fail(field, "must be an object {start, text}");
      return {};
    }
    TranscriptCue cue;
    const auto start = item.find("start");
    if (start == item.end() || start->is_null()) {
      r.fail(field + ".start", "is required");
      return {};
    }
    if (!start->is_number()) {
      r.fail(field + ".start", "must be a number of seconds");
      return {};
    }
    cue.start = start->get<double>();
    if (!(cue.start >= 0) || !std::isfinite(cue.start)) {
      r.fail(field + ".start", "must be at least 0");
      return {};
    }
    if (!cues.empty() && cue.start < cues.back().start) {
      r.fail(field + ".start", "must not be before the previous cue's start");
      return {};
    }
    const auto text = item.find("text");
    if (text == item.end() || text->is_null()) {
      r.fail(field + ".text", "is required");
      return {};
    }
    if (!text->is_string()) {
      r.fail(field + ".text", "must be a string");
      return {};
    }
    cue.text = text->get<std::string>();
    r.check_text(field + ".text", cue.text, 1, kMaxCueChars);
    if (!r.ok()) return {};
    for (const auto& [key, unused] : item.items()) {
      if (key != "start" && key != "text") {
        warnings.push_back(field + "." + key + ": unknown field ignored");
      }
    }
    total_bytes += cue.text.size();
    if (total_bytes > kMaxTranscriptBytes) {
      r.fail("transcript",
             "text must be at most " + std::to_string(kMaxTranscriptBytes) + " bytes in all");
      return {};
    }
    cues.push_back(std::move(cue));
  }
  return cues;
}

Talk read_talk(FieldReader& r, std::vector<std::string>& warnings) {
  Talk t;
  t.title = r.text("title", 1, 500);
  t.abstract = r.text("abstract", 0, 50000);
  if (r.find("speakers") == nullptr) r.fail("speakers", "is required");
  t.speakers = r.checked_list("speakers", is_valid_id, "a speaker id");
  if (r.ok() && t.speakers.empty()) r.fail("speakers", "must name at least one speaker");
  t.event = r.text("event", 0, kMaxShortText);
  t.date = r.checked_text("date", is_valid_date, "a date YYYY-MM-DD");
  t.tags = r.text_list("tags", kMaxListItemChars);
  t.language = r.checked_text("language", is_valid_language_tag, "a BCP-47 code, e.g. \"en\"");
  t.url = r.checked_text("url", is_valid_url, "an http(s) URL");
  t.video = r.checked_text("video", is_valid_url, "an http(s) URL");
  t.slides = r.checked_text("slides", is_valid_url, "an http(s) URL");
  t.transcript = read_transcript(r, warnings);
  return t;
}

Community read_community(FieldReader& r) {
  Community c;
  c.name = r.text("name", 1, kMaxShortText);
  c.description = r.text("description", 0, kMaxDescription);
  c.type = r.checked_text(
      "type", [](const std::string& t) { return one_of(kCommunityTypes, t); },
      "one of " + join_choices(kCommunityTypes));
  c.colocated_with = r.text("colocated_with", 0, kMaxShortText);
  c.url = r.checked_text("url", is_valid_url, "an http(s) URL");
  c.regions = r.text_list("regions", kMaxListItemChars);
  c.topics = r.text_list("topics", kMaxListItemChars);
  c.travel_grants = r.boolean("travel_grants");
  return c;
}

}  // namespace

Result<ParsedRecord> parse_record(std::string_view line) {
  if (line.size() > kMaxLineBytes) {
    return Status::invalid("line is longer than the " + std::to_string(kMaxLineBytes >> 20) +
                           " MiB limit (" + std::to_string(line.size()) + " bytes)");
  }
  if (line.find('\0') != std::string_view::npos) {
    return Status::invalid("line contains a NUL byte");
  }
  if (!is_valid_utf8(line)) return Status::invalid("line is not valid UTF-8");
  if (json_nesting_exceeds(line, kMaxJsonDepth)) {
    return Status::invalid("JSON is nested deeper than " + std::to_string(kMaxJsonDepth) +
                           " levels");
  }
  json object;
  try {
    object = json::parse(line);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    std::string message = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] " tag; keep its position and reason.
    if (auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
    return Status::invalid("invalid JSON: " + message);
  }
  if (!object.is_object()) return Status::invalid("a record must be a JSON object");

  FieldReader reader(object, "");
  const std::string kind = reader.text("kind", 1, 20);
  if (!reader.ok()) return reader.status();
  RecordKind record_kind;
  if (kind == "speaker") {
    record_kind = RecordKind::kSpeaker;
  } else if (kind == "talk") {
    record_kind = RecordKind::kTalk;
  } else if (kind == "community") {
    record_kind = RecordKind::kCommunity;
  } else {
    return Status::invalid("must be one of speaker, talk, community", "kind");
  }
  const std::string id = reader.text("id", 1, 128);
  if (!reader.ok()) return reader.status();
  if (!is_valid_id(id)) {
    return Status::invalid("must match [A-Za-z0-9._:-]{1,128}", "id");
  }
  const std::optional<bool> deleted = reader.boolean("deleted");
  if (!reader.ok()) return reader.status();
  if (deleted.value_or(false)) return ParsedRecord{Deletion{record_kind, id}, {}};

  ParsedRecord parsed{Deletion{record_kind, id}, {}};
  switch (record_kind) {
    case RecordKind::kSpeaker: {
      Speaker s = read_speaker(reader, parsed.warnings);
      s.id = id;
      parsed.record = std::move(s);
      break;
    }
    case RecordKind::kTalk: {
      Talk t = read_talk(reader, parsed.warnings);
      t.id = id;
      parsed.record = std::move(t);
      break;
    }
    case RecordKind::kCommunity: {
      Community c = read_community(reader);
      c.id = id;
      parsed.record = std::move(c);
      break;
    }
  }
  if (!reader.ok()) return reader.status();
  add_unknown_field_warnings(reader, parsed.warnings);
  return parsed;
}

Result<SelfId> parse_self_id(std::string_view text) {
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) return Status::invalid("invalid JSON", "self_id");
  json object = json::object();
  object["self_id"] = std::move(value);
  FieldReader reader(object, "");
  std::vector<std::string> warnings;
  std::optional<SelfId> self_id = read_self_id(reader, warnings);
  if (!reader.ok()) return reader.status();
  if (!self_id) return Status::invalid("is required", "self_id");
  return std::move(self_id).value();
}

}  // namespace podium
