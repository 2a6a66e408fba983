// SPDX-License-Identifier: Apache-2.0
// Sessionize "All Data" export ({"sessions", "speakers", "questions", "categories", "rooms"}):
// sessions -> talks, speakers -> speakers; category items become tags, or formats when their
// category is the session format/type, or the talk language when it is the language.
#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "podium/core/text_fold.h"
#include "podium/import/importers.h"
#include "podium/import/slug.h"

#include "import_util.h"

namespace podium::import {
namespace {

using nlohmann::json;

constexpr std::string_view kNotSessionize = "not a Sessionize \"All Data\" export: ";

enum class CategoryRole { kTag, kFormat, kLanguage };

struct CategoryItem {
  std::string name;
  CategoryRole role = CategoryRole::kTag;
};

CategoryRole role_of(const std::string& category_title) {
  const std::string title = ascii_lower(category_title);
  // "Session format", "Session type", "Talk format": what kind of session it is. "Level",
  // "Track", "Topic" and anything unknown stay tags.
  if (title.find("format") != std::string::npos || title.find("type") != std::string::npos) {
    return CategoryRole::kFormat;
  }
  if (title.find("language") != std::string::npos) return CategoryRole::kLanguage;
  return CategoryRole::kTag;
}

// Link names for Sessionize's linkType values; others use the link's own title.
std::string link_name(const std::string& link_type, const std::string& title) {
  const std::string type = ascii_lower(link_type);
  if (type == "company_website") return "website";
  if (type == "twitter" || type == "linkedin" || type == "blog" || type == "facebook" ||
      type == "instagram" || type == "sessionize") {
    return type;
  }
  std::string name = slug(title);
  if (name.empty()) name = type.empty() ? "other" : slug(type);
  return name.substr(0, 50);
}

class SessionizeImporter : public Importer {
 public:
  Result<std::vector<std::string>> expand(const std::vector<std::string>& paths) const override {
    return expand_paths(paths, {".json"});
  }

  Status import_file(const std::string& path, RecordCollector& out) override {
    Result<std::optional<json>> input = read_json_input(path, kNotSessionize, out);
    if (!input.is_ok()) return input.status();
    if (!*input) return Status::ok();
    const std::optional<json>& root = *input;
    auto array_member = [&](std::string_view key) -> const json* {
      if (!root->is_object()) return nullptr;
      auto it = root->find(key);
      return (it != root->end() && it->is_array()) ? &*it : nullptr;
    };
    const json* sessions = array_member("sessions");
    const json* speakers = array_member("speakers");
    if (sessions == nullptr || speakers == nullptr) {
      out.reject({path, 0, ""},
                 std::string(kNotSessionize) + "no \"sessions\" and \"speakers\" arrays");
      return Status::ok();
    }
    read_categories(array_member("categories"));
    read_questions(array_member("questions"));
    for (std::size_t i = 0; i < speakers->size(); ++i) {
      add_speaker((*speakers)[i], {path, 0, index_path("speakers", i)}, out);
    }
    for (std::size_t i = 0; i < sessions->size(); ++i) {
      add_session((*sessions)[i], {path, 0, index_path("sessions", i)}, out);
    }
    return Status::ok();
  }

 private:
  void read_categories(const json* categories) {
    items_.clear();
    if (categories == nullptr) return;
    for (const auto& category : *categories) {
      if (!category.is_object()) continue;
      const CategoryRole role = role_of(json_text(category, "title"));
      const auto list = category.find("items");
      if (list == category.end() || !list->is_array()) continue;
      for (const auto& item : *list) {
        if (!item.is_object()) continue;
        const std::string id = json_id(item.value("id", json()));
        if (!id.empty()) items_[id] = {trim(json_text(item, "name")), role};
      }
    }
  }

  void read_questions(const json* questions) {
    questions_.clear();
    if (questions == nullptr) return;
    for (const auto& question : *questions) {
      if (!question.is_object()) continue;
      const std::string id = json_id(question.value("id", json()));
      if (!id.empty()) questions_[id] = ascii_lower(json_text(question, "question"));
    }
  }

  // The category items in `object["categoryItems"]`; unknown ids are reported and skipped.
  std::vector<CategoryItem> category_items(const json& object, const Origin& where,
                                           RecordCollector& out) const {
    std::vector<CategoryItem> found;
    const auto list = object.find("categoryItems");
    if (list == object.end() || !list->is_array()) return found;
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string id = json_id((*list)[k]);
      auto it = items_.find(id);
      if (it == items_.end()) {
        out.warn({where.file, 0, index_path(member_path(where.path, "categoryItems"), k)},
                 "no category item with id " + (id.empty() ? (*list)[k].dump() : id) +
                     " in \"categories\"; ignored");
        continue;
      }
      if (!it->second.name.empty()) found.push_back(it->second);
    }
    return found;
  }

  // Answers to custom questions, by the lower-cased question text.
  std::vector<std::pair<std::string, std::string>> answers(const json& object) const {
    std::vector<std::pair<std::string, std::string>> found;
    const auto list = object.find("questionAnswers");
    if (list == object.end() || !list->is_array()) return found;
    for (const auto& answer : *list) {
      if (!answer.is_object()) continue;
      auto question = questions_.find(json_id(answer.value("questionId", json())));
      std::string text = question == questions_.end() ? ascii_lower(json_text(answer, "question"))
                                                      : question->second;
      std::string value = trim(json_text(answer, "answerValue"));
      if (value.empty()) value = trim(json_text(answer, "answer"));
      if (!text.empty() && !value.empty()) found.emplace_back(std::move(text), std::move(value));
    }
    return found;
  }

  void add_speaker(const json& item, const Origin& where, RecordCollector& out) const {
    if (!item.is_object()) {
      out.reject(where, "a speaker must be an object");
      return;
    }
    const std::string id = json_id(item.value("id", json()));
    if (id.empty()) {
      out.reject(where, "speaker has no \"id\"");
      return;
    }
    Speaker speaker;
    speaker.id = make_id({"sessionize", id});
    speaker.name = trim(json_text(item, "fullName"));
    if (speaker.name.empty()) {
      speaker.name = trim(json_text(item, "firstName") + " " + json_text(item, "lastName"));
    }
    if (speaker.name.empty()) {
      out.reject(where, "speaker has no \"fullName\", \"firstName\" or \"lastName\"");
      return;
    }
    speaker.bio = trim(json_text(item, "bio"));
    speaker.headline = trim(json_text(item, "tagLine"));
    if (auto links = item.find("links"); links != item.end() && links->is_array()) {
      for (std::size_t k = 0; k < links->size(); ++k) {
        const json& link = (*links)[k];
        if (!link.is_object()) continue;
        const Origin link_where{where.file, 0, index_path(member_path(where.path, "links"), k)};
        std::string url = checked_url(json_text(link, "url"), link_where, "url", out);
        std::string name = link_name(json_text(link, "linkType"), json_text(link, "title"));
        const bool taken = std::any_of(speaker.links.begin(), speaker.links.end(),
                                       [&](const auto& l) { return l.first == name; });
        if (!url.empty() && !taken) speaker.links.emplace_back(std::move(name), std::move(url));
      }
    }
    for (const auto& category : category_items(item, where, out)) {
      const std::string format =
          category.role == CategoryRole::kFormat ? format_of(category.name) : std::string();
      if (!format.empty()) {
        append_unique(speaker.formats, format);
      } else if (category.role == CategoryRole::kLanguage &&
                 !normalize_language(category.name).empty()) {
        append_unique(speaker.languages, normalize_language(category.name));
      } else {
        append_unique(speaker.topics, category.name);
      }
    }
    // Only answers the ingest format has a field for; never self-identification (gender and
    // the like), which only the speaker may give with a consent Sessionize does not record.
    for (const auto& [question, answer] : answers(item)) {
      if (question.find("pronoun") != std::string::npos) {
        if (speaker.pronouns.empty()) speaker.pronouns = answer;
      } else if (question.find("company") != std::string::npos ||
                 question.find("employer") != std::string::npos ||
                 question.find("affiliation") != std::string::npos) {
        if (speaker.affiliation.empty()) speaker.affiliation = answer;
      }
    }
    out.add_speaker(std::move(speaker), where);
  }

  void add_session(const json& item, const Origin& where, RecordCollector& out) const {
    if (!item.is_object()) {
      out.reject(where, "a session must be an object");
      return;
    }
    // Breaks, lunch and registration: part of the schedule, not talks.
    if (auto service = item.find("isServiceSession");
        service != item.end() && service->is_boolean() && service->get<bool>()) {
      return;
    }
    const std::string id = json_id(item.value("id", json()));
    if (id.empty()) {
      out.reject(where, "session has no \"id\"");
      return;
    }
    const auto title = item.find("title");
    if (title != item.end() && !title->is_null() && !title->is_string()) {
      out.reject({where.file, 0, member_path(where.path, "title")}, "must be a string");
      return;
    }
    Talk talk;
    talk.id = make_id({"sessionize", id});
    talk.title = trim(json_text(item, "title"));
    talk.abstract = trim(json_text(item, "description"));
    if (auto list = item.find("speakers"); list != item.end() && list->is_array()) {
      for (std::size_t k = 0; k < list->size(); ++k) {
        const json& entry = (*list)[k];
        const std::string speaker_id =
            json_id(entry.is_object() ? entry.value("id", json()) : entry);
        if (speaker_id.empty()) {
          out.reject({where.file, 0, index_path(member_path(where.path, "speakers"), k)},
                     "must be a speaker id");
          continue;
        }
        talk.speakers.push_back(make_id({"sessionize", speaker_id}));
      }
    }
    if (talk.speakers.empty()) {
      out.warn(where, "session has no speakers; skipped");
      return;
    }
    std::vector<std::string> formats;
    for (const auto& category : category_items(item, where, out)) {
      const std::string format =
          category.role == CategoryRole::kFormat ? format_of(category.name) : std::string();
      const std::string language = category.role == CategoryRole::kLanguage
                                       ? normalize_language(category.name)
                                       : std::string();
      if (!format.empty()) {
        append_unique(formats, format);
      } else if (!language.empty() && talk.language.empty()) {
        talk.language = language;
      } else {
        append_unique(talk.tags, category.name);
      }
    }
    talk.date = checked_date(json_text(item, "startsAt"), where, "startsAt", out);
    talk.video = checked_url(json_text(item, "recordingUrl"), where, "recordingUrl", out);
    for (const auto& [question, answer] : answers(item)) {
      if (question.find("slides") != std::string::npos && talk.slides.empty()) {
        talk.slides = checked_url(answer, where, "questionAnswers (slides)", out);
      }
    }
    // The session's format says what its speakers offer; merged into their records.
    for (const auto& speaker_id : talk.speakers) {
      if (formats.empty()) break;
      Speaker contribution;
      contribution.id = speaker_id;
      contribution.formats = formats;
      out.add_speaker(std::move(contribution), where);
    }
    out.add_talk(std::move(talk), where);
  }

  std::map<std::string, CategoryItem> items_;     // category item id -> item
  std::map<std::string, std::string> questions_;  // question id -> lower-cased question text
};

}  // namespace

std::unique_ptr<Importer> make_sessionize_importer() {
  return std::make_unique<SessionizeImporter>();
}

}  // namespace podium::import
