// SPDX-License-Identifier: Apache-2.0
// A pyvideo/data checkout: one folder per event with category.json ({"title"}) and
// videos/<slug>.json per talk. pyvideo has no speaker ids, so speakers are keyed by the slug of
// their name, the same ids the corpora use (../shared/corpora/README.md).
#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "podium/core/text_fold.h"
#include "podium/import/importers.h"
#include "podium/import/slug.h"

#include "import_util.h"

namespace podium::import {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kNotPyvideo = "not a pyvideo video file: ";

// Entries that stand for "nobody in particular" rather than a person.
constexpr std::array<std::string_view, 7> kPlaceholderNames = {
    "various speakers", "various", "unknown", "tba", "tbd", "n/a", "none"};

bool is_video_file(const fs::path& path) {
  return path.extension() == ".json" && path.parent_path().filename() == "videos";
}

bool is_placeholder(const std::string& name) {
  const std::string lower = ascii_lower(name);
  return std::find(kPlaceholderNames.begin(), kPlaceholderNames.end(), lower) !=
         kPlaceholderNames.end();
}

std::vector<std::string> string_list(const json& object, std::string_view key) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (item.is_string()) out.push_back(trim(item.get<std::string>()));
  }
  return out;
}

class PyvideoImporter : public Importer {
 public:
  Result<std::vector<std::string>> expand(const std::vector<std::string>& paths) const override {
    // A folder without videos is passed on, to be reported as "not a checkout".
    return expand_paths(paths, is_video_file);
  }

  Status import_file(const std::string& path, RecordCollector& out) override {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      out.reject({path, 0, ""},
                 "not a pyvideo data checkout: no <event>/videos/*.json files in it");
      return Status::ok();
    }
    Result<std::optional<json>> input = read_json_input(path, kNotPyvideo, out);
    if (!input.is_ok()) return input.status();
    if (!*input) return Status::ok();
    const std::optional<json>& root = *input;
    if (!root->is_object()) {
      out.reject({path, 0, ""}, std::string(kNotPyvideo) + "not a JSON object");
      return Status::ok();
    }
    const fs::path file(path);
    fs::path event_dir = file.parent_path();
    if (event_dir.filename() == "videos") event_dir = event_dir.parent_path();
    add_video(*root, {path, 0, ""}, event_dir, slug(file.stem().string()), out);
    return Status::ok();
  }

  void finish(RecordCollector& out) override {
    if (no_speaker_ == 0) return;
    out.warn({first_no_speaker_, 0, ""},
             std::to_string(no_speaker_) +
                 " video(s) without a named speaker were skipped, this one the first");
  }

 private:
  void add_video(const json& video, const Origin& where, const fs::path& event_dir,
                 const std::string& file_slug, RecordCollector& out) {
    const auto title = video.find("title");
    if (title == video.end() || !title->is_string()) {
      out.reject(where, std::string(kNotPyvideo) + "no \"title\" string");
      return;
    }
    Talk talk;
    const std::string event_slug = slug(event_dir.filename().string());
    talk.id = make_id({"pyvideo", event_slug.empty() ? "event" : event_slug, file_slug});
    talk.title = trim(title->get<std::string>());
    std::vector<Speaker> speakers;
    if (auto list = video.find("speakers"); list != video.end() && list->is_array()) {
      for (std::size_t k = 0; k < list->size(); ++k) {
        const json& entry = (*list)[k];
        if (!entry.is_string()) {
          out.reject({where.file, 0, index_path("speakers", k)}, "must be a name (a string)");
          continue;
        }
        Speaker speaker;
        speaker.name = trim(entry.get<std::string>());
        speaker.id = slug(speaker.name);
        if (speaker.id.empty() || is_placeholder(speaker.name)) continue;
        talk.speakers.push_back(speaker.id);
        speakers.push_back(std::move(speaker));
      }
    }
    if (talk.speakers.empty()) {
      if (no_speaker_++ == 0) first_no_speaker_ = where.file;
      return;
    }
    for (auto& speaker : speakers) out.add_speaker(std::move(speaker), where);
    for (const char* key : {"description", "abstract", "summary"}) {
      talk.abstract = trim(json_text(video, key));
      if (!talk.abstract.empty()) break;
    }
    talk.event = event_title(event_dir, out);
    talk.date = checked_date(json_text(video, "recorded"), where, "recorded", out);
    for (const auto& tag : string_list(video, "tags")) append_unique(talk.tags, tag);
    talk.language = checked_language(json_text(video, "language"), where, "language", out);
    if (auto videos = video.find("videos"); videos != video.end() && videos->is_array()) {
      for (const auto& entry : *videos) {
        if (!talk.video.empty()) break;
        if (entry.is_object())
          talk.video = checked_url(json_text(entry, "url"), where, "videos", out);
      }
    }
    if (auto related = video.find("related_urls"); related != video.end() && related->is_array()) {
      for (const auto& entry : *related) {
        // Older files list bare URLs, newer ones {"label", "url"}.
        const std::string url =
            entry.is_string() ? entry.get<std::string>() : json_text(entry, "url");
        const std::string link_label = entry.is_object() ? json_text(entry, "label") : "";
        if (talk.slides.empty() && link_kind(link_label, url) == "slides") {
          talk.slides = checked_url(url, where, "related_urls", out);
        }
      }
    }
    out.add_talk(std::move(talk), where);
  }

  // The event's title from its category.json, read once per event; the folder name without one.
  const std::string& event_title(const fs::path& event_dir, RecordCollector& out) {
    const std::string key = event_dir.string();
    if (auto it = titles_.find(key); it != titles_.end()) return it->second;
    std::string title;
    const std::string category = (event_dir / "category.json").string();
    std::error_code ec;
    if (fs::exists(category, ec)) {
      Result<std::optional<std::string>> text = read_input(category, out);
      Result<json> root = (text.is_ok() && *text) ? parse_json(**text) : Result<json>(json());
      if (!root.is_ok()) {
        out.warn({category, 0, ""},
                 root.status().message() + "; the event is named after its folder");
      } else {
        title = trim(json_text(*root, "title"));
      }
    } else {
      out.warn({key, 0, ""}, "no category.json; the event is named after its folder");
    }
    if (title.empty()) title = event_dir.filename().string();
    return titles_.emplace(key, title).first->second;
  }

  std::map<std::string, std::string> titles_;  // event folder -> event title
  std::size_t no_speaker_ = 0;
  std::string first_no_speaker_;
};

}  // namespace

std::unique_ptr<Importer> make_pyvideo_importer() { return std::make_unique<PyvideoImporter>(); }

}  // namespace podium::import
