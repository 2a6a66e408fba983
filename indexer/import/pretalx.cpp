// SPDX-License-Identifier: Apache-2.0
// pretalx REST API pages (/api/events/<event>/speakers/, /talks/, /submissions/): each page is
// {"count", "next", "results": [...]}; speakers and talks pages may be mixed in one import, and
// each result says by its fields which kind it is.
#include <set>

#include <nlohmann/json.hpp>

#include "podium/import/importers.h"
#include "podium/import/slug.h"

#include "import_util.h"

namespace podium::import {
namespace {

using nlohmann::json;

constexpr std::string_view kNotPretalx = "not a pretalx API page: ";

// A label that pretalx gives as a string, a translations object, or (expanded) an object with a
// "name" or "tag"; ids (numbers) cannot be resolved from the page alone and give "".
std::string label(const json& value) {
  if (value.is_object()) {
    if (auto name = value.find("name"); name != value.end()) return trim(json_text(*name));
    if (auto tag = value.find("tag"); tag != value.end()) return trim(json_text(*tag));
  }
  if (value.is_number()) return {};
  return trim(json_text(value));
}

std::string member_label(const json& object, std::string_view key) {
  auto it = object.find(key);
  return it == object.end() ? std::string() : label(*it);
}

std::string slot_start(const json& talk) {
  if (auto slot = talk.find("slot"); slot != talk.end() && slot->is_object()) {
    return json_text(*slot, "start");
  }
  if (auto slots = talk.find("slots"); slots != talk.end() && slots->is_array()) {
    for (const auto& slot : *slots) {
      if (slot.is_object() && !json_text(slot, "start").empty()) return json_text(slot, "start");
    }
  }
  return {};
}

class PretalxImporter : public Importer {
 public:
  Result<std::vector<std::string>> expand(const std::vector<std::string>& paths) const override {
    return expand_paths(paths, {".json"});
  }

  Status import_file(const std::string& path, RecordCollector& out) override {
    Result<std::optional<json>> input = read_json_input(path, kNotPretalx, out);
    if (!input.is_ok()) return input.status();
    if (!*input) return Status::ok();
    const std::optional<json>& root = *input;
    const auto results = root->is_object() ? root->find("results") : root->end();
    if (!root->is_object() || results == root->end() || !results->is_array()) {
      out.reject({path, 0, ""}, std::string(kNotPretalx) + "no \"results\" array");
      return Status::ok();
    }
    std::set<std::string> skipped_states;
    std::size_t skipped = 0;
    for (std::size_t i = 0; i < results->size(); ++i) {
      const json& item = (*results)[i];
      const Origin where{path, 0, index_path("results", i)};
      if (!item.is_object()) {
        out.reject(where, "a result must be an object");
      } else if (item.contains("title")) {
        const std::string state = json_text(item, "state");
        // Submissions pages (with an organiser token) also list proposals that were never
        // given: only accepted and confirmed ones are talks.
        if (!state.empty() && state != "accepted" && state != "confirmed") {
          skipped_states.insert(state);
          ++skipped;
          continue;
        }
        add_talk(item, where, out);
      } else if (item.contains("name")) {
        add_speaker(item, where, out);
      } else {
        out.reject(where, "neither a talk (no \"title\") nor a speaker (no \"name\")");
      }
    }
    if (skipped > 0) {
      std::string states;
      for (const auto& state : skipped_states) states += (states.empty() ? "" : ", ") + state;
      out.warn({path, 0, "results"}, "skipped " + std::to_string(skipped) +
                                         " submission(s) not accepted or confirmed: " + states);
    }
    return Status::ok();
  }

 private:
  static void add_speaker(const json& item, const Origin& where, RecordCollector& out) {
    const std::string code = json_id(item.value("code", json()));
    if (code.empty()) {
      out.reject(where, "speaker has no \"code\"");
      return;
    }
    Speaker speaker;
    speaker.id = make_id({"pretalx", code});
    speaker.name = trim(json_text(item, "name"));
    speaker.bio = trim(json_text(item, "biography"));
    out.add_speaker(std::move(speaker), where);
  }

  static void add_talk(const json& item, const Origin& where, RecordCollector& out) {
    const std::string code = json_id(item.value("code", json()));
    if (code.empty()) {
      out.reject(where, "talk has no \"code\"");
      return;
    }
    if (!item["title"].is_string()) {
      out.reject({where.file, 0, member_path(where.path, "title")}, "must be a string");
      return;
    }
    Talk talk;
    talk.id = make_id({"pretalx", code});
    talk.title = trim(item["title"].get<std::string>());
    talk.abstract = join_paragraphs({json_text(item, "abstract"), json_text(item, "description")});
    const std::string type = member_label(item, "submission_type");
    const std::string format = format_of(type);
    std::vector<Speaker> speakers;
    const auto list = item.find("speakers");
    if (list != item.end() && list->is_array()) {
      const std::string list_path = member_path(where.path, "speakers");
      for (std::size_t k = 0; k < list->size(); ++k) {
        const json& entry = (*list)[k];
        const Origin speaker_where{where.file, 0, index_path(list_path, k)};
        std::string speaker_code = json_id(entry);
        if (entry.is_object()) speaker_code = json_id(entry.value("code", json()));
        if (speaker_code.empty()) {
          out.reject(speaker_where, "must be a speaker object with a \"code\", or a code");
          continue;
        }
        Speaker speaker;
        speaker.id = make_id({"pretalx", speaker_code});
        talk.speakers.push_back(speaker.id);
        // A bare code adds no name: the collector merges it into the speaker from a speakers
        // page (or drops it when there is none), so the talk's format still reaches the speaker.
        if (entry.is_object()) {
          speaker.name = trim(json_text(entry, "name"));
          speaker.bio = trim(json_text(entry, "biography"));
        }
        if (!format.empty()) speaker.formats.push_back(format);
        out.add_speaker(std::move(speaker), speaker_where);
      }
    } else if (list != item.end() && !list->is_null()) {
      out.reject({where.file, 0, member_path(where.path, "speakers")},
                 "must be an array of speakers");
      return;
    }
    if (talk.speakers.empty()) {
      out.warn(where, "talk has no speakers; skipped");
      return;
    }
    talk.date = checked_date(slot_start(item), where, "slot.start", out);
    append_unique(talk.tags, member_label(item, "track"));
    append_unique(talk.tags, type);
    if (auto tags = item.find("tags"); tags != item.end() && tags->is_array()) {
      for (const auto& tag : *tags) append_unique(talk.tags, label(tag));
    }
    talk.language =
        checked_language(json_text(item, "content_locale"), where, "content_locale", out);
    out.add_talk(std::move(talk), where);
  }
};

}  // namespace

std::unique_ptr<Importer> make_pretalx_importer() { return std::make_unique<PretalxImporter>(); }

}  // namespace podium::import
