// SPDX-License-Identifier: Apache-2.0
// frab (and pretalx's frab-compatible) schedule export: events -> talks, persons -> speakers.
// The JSON form is read here; the XML form in frab_xml.cpp; both map through add_frab_event().
#include "frab.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "podium/import/importers.h"
#include "podium/import/slug.h"

#include "import_util.h"

namespace podium::import {
namespace {

using nlohmann::json;

constexpr std::string_view kNotFrab = "not a frab schedule: ";

std::string person_id(const FrabPerson& person, const FrabConference& conference) {
  // pretalx writes its speaker code next to a per-export number: the code is the stable id and
  // the same one the pretalx API importer uses, so both imports meet on one speaker.
  if (!person.code.empty()) return make_id({"pretalx", person.code});
  if (!person.id.empty()) return make_id({"frab", conference.acronym, person.id});
  return make_id({"frab", conference.acronym, slug(person.name)});
}

// pretalx's own export carries no submission code field, but its event URLs end in
// "/talk/<CODE>/": that code is the id the pretalx API importer uses for the same talk.
std::string pretalx_code_in_url(const FrabEvent& event) {
  const bool from_pretalx = std::any_of(event.persons.begin(), event.persons.end(),
                                        [](const FrabPerson& p) { return !p.code.empty(); });
  const auto at = event.url.rfind("/talk/");
  if (!from_pretalx || at == std::string::npos) return {};
  std::string code = event.url.substr(at + 6);
  if (code.ends_with("/")) code.pop_back();
  const bool plain = !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
  return plain ? code : std::string();
}

// frab writes attachment links relative to its host ("/system/event_attachments/...").
std::string absolute_url(const std::string& url, const std::string& base_url) {
  if (!url.starts_with("/") || url.starts_with("//")) return url;
  const auto scheme = base_url.find("://");
  if (scheme == std::string::npos) return url;
  const auto host_end = base_url.find('/', scheme + 3);
  return base_url.substr(0, host_end) + url;
}

// Reads a string member that must be a string when present; rejects other types.
std::string string_member(const json& object, std::string_view key, const std::string& path,
                          RecordCollector& out, const Origin& where, bool& ok) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) {
    out.reject({where.file, where.line, member_path(path, key)}, "must be a string");
    ok = false;
    return {};
  }
  return trim(it->get<std::string>());
}

void read_links(const json& list, std::vector<FrabLink>& links) {
  if (!list.is_array()) return;
  for (const auto& link : list) {
    if (!link.is_object()) continue;
    links.push_back({json_text(link, "title"), trim(json_text(link, "url"))});
  }
}

bool read_event(const json& value, const std::string& path, const std::string& file,
                const std::string& day_date, RecordCollector& out, FrabEvent& event) {
  event.where = {file, 0, path};
  if (!value.is_object()) {
    out.reject(event.where, "an event must be an object");
    return false;
  }
  bool ok = true;
  event.id = json_id(value.value("id", json()));
  event.code = json_text(value, "code");
  event.title = string_member(value, "title", path, out, event.where, ok);
  event.subtitle = json_text(value, "subtitle");
  event.abstract = json_text(value, "abstract");
  event.description = json_text(value, "description");
  event.track = trim(json_text(value, "track"));
  event.type = trim(json_text(value, "type"));
  event.language = json_text(value, "language");
  event.date = json_text(value, "date");
  event.day_date = day_date;
  event.url = json_text(value, "url");
  if (auto it = value.find("links"); it != value.end()) read_links(*it, event.links);
  if (auto it = value.find("attachments"); it != value.end()) read_links(*it, event.links);
  const auto persons = value.find("persons");
  if (persons != value.end() && !persons->is_null()) {
    const std::string persons_path = member_path(path, "persons");
    if (!persons->is_array()) {
      out.reject({file, 0, persons_path}, "must be an array of persons");
      return false;
    }
    for (std::size_t k = 0; k < persons->size(); ++k) {
      const json& p = (*persons)[k];
      FrabPerson person;
      person.where = {file, 0, index_path(persons_path, k)};
      if (!p.is_object()) {
        out.reject(person.where, "a person must be an object");
        continue;
      }
      person.id = json_id(p.value("id", json()));
      person.code = json_text(p, "code");
      person.name = trim(json_text(p, "public_name"));
      if (person.name.empty()) person.name = trim(json_text(p, "name"));
      person.biography = json_text(p, "biography");
      event.persons.push_back(std::move(person));
    }
  }
  return ok;
}

}  // namespace

void add_frab_event(const FrabEvent& event, const FrabConference& conference,
                    RecordCollector& out) {
  Talk talk;
  const std::string code = event.code.empty() ? pretalx_code_in_url(event) : event.code;
  if (!code.empty()) {
    talk.id = make_id({"pretalx", code});
  } else if (!event.id.empty()) {
    talk.id = make_id({"frab", conference.acronym, event.id});
  } else {
    out.reject(event.where, "event has no \"id\"");
    return;
  }
  const std::string format = format_of(event.type);
  bool any_person = false;
  for (const auto& person : event.persons) {
    if (person.name.empty()) {
      out.reject(person.where, "person has no \"public_name\" or \"name\"");
      continue;
    }
    any_person = true;
    Speaker speaker;
    speaker.id = person_id(person, conference);
    speaker.name = person.name;
    speaker.bio = trim(person.biography);
    if (!format.empty()) speaker.formats.push_back(format);
    talk.speakers.push_back(speaker.id);
    out.add_speaker(std::move(speaker), person.where);
  }
  if (!any_person) {
    if (event.persons.empty()) out.warn(event.where, "event has no persons; skipped");
    return;
  }
  talk.title = event.title;
  talk.abstract = join_paragraphs({event.subtitle, event.abstract, event.description});
  talk.event = conference.title;
  talk.date = checked_date(event.date, event.where, "date", out);
  if (talk.date.empty()) talk.date = date_of(event.day_date);
  append_unique(talk.tags, event.track);
  append_unique(talk.tags, event.type);
  talk.language = checked_language(event.language, event.where, "language", out);
  talk.url = checked_url(event.url, event.where, "url", out);
  for (const auto& link : event.links) {
    const std::string kind = link_kind(link.title, link.url);
    std::string& target = kind == "slides" ? talk.slides : talk.video;
    if (kind.empty() || !target.empty()) continue;
    target = checked_url(absolute_url(link.url, conference.base_url), event.where, "links", out);
  }
  out.add_talk(std::move(talk), event.where);
}

void import_frab_json(const std::string& file, std::string_view text, RecordCollector& out) {
  const Origin whole{file, 0, ""};
  Result<json> root = parse_json(text);
  if (!root.is_ok()) {
    out.reject(whole, std::string(kNotFrab) + root.status().message());
    return;
  }
  const json* conference = nullptr;
  if (root->is_object()) {
    auto schedule = root->find("schedule");
    if (schedule != root->end() && schedule->is_object()) {
      auto it = schedule->find("conference");
      if (it != schedule->end() && it->is_object()) conference = &*it;
    }
  }
  if (conference == nullptr) {
    out.reject(whole, std::string(kNotFrab) + "no \"schedule.conference\" object");
    return;
  }
  const auto days = conference->find("days");
  if (days == conference->end() || !days->is_array()) {
    out.reject(whole, std::string(kNotFrab) + "no \"schedule.conference.days\" array");
    return;
  }
  FrabConference info{trim(json_text(*conference, "acronym")),
                      trim(json_text(*conference, "title")),
                      trim(json_text((*root)["schedule"], "base_url"))};
  if (info.base_url.empty()) info.base_url = trim(json_text(*conference, "base_url"));
  if (info.acronym.empty()) info.acronym = slug(info.title);
  if (info.acronym.empty()) {
    out.reject({file, 0, "conference"},
               "has neither \"acronym\" nor \"title\"; ids of talks and speakers need one");
    return;
  }
  for (std::size_t i = 0; i < days->size(); ++i) {
    const json& day = (*days)[i];
    const std::string day_path = index_path("days", i);
    if (!day.is_object()) {
      out.reject({file, 0, day_path}, "a day must be an object");
      continue;
    }
    const auto rooms = day.find("rooms");
    if (rooms == day.end() || !rooms->is_object()) {
      out.reject({file, 0, member_path(day_path, "rooms")},
                 "must be an object of room name to events");
      continue;
    }
    const std::string day_date = json_text(day, "date");
    for (const auto& [room, events] : rooms->items()) {
      const std::string room_path = member_path(member_path(day_path, "rooms"), room);
      if (!events.is_array()) {
        out.reject({file, 0, room_path}, "must be an array of events");
        continue;
      }
      for (std::size_t j = 0; j < events.size(); ++j) {
        FrabEvent event;
        if (read_event(events[j], index_path(room_path, j), file, day_date, out, event)) {
          add_frab_event(event, info, out);
        }
      }
    }
  }
}

namespace {

class FrabImporter : public Importer {
 public:
  Result<std::vector<std::string>> expand(const std::vector<std::string>& paths) const override {
    return expand_paths(paths, {".json", ".xml"});
  }

  Status import_file(const std::string& path, RecordCollector& out) override {
    Result<std::optional<std::string>> text = read_input(path, out);
    if (!text.is_ok()) return text.status();
    if (!*text) return Status::ok();
    const std::string& content = **text;
    // Told apart by content, not name: exports are often saved as "schedule" or "export.txt".
    const auto first = content.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && content[first] == '<') {
      import_frab_xml(path, content, out);
    } else {
      import_frab_json(path, content, out);
    }
    return Status::ok();
  }
};

}  // namespace

std::unique_ptr<Importer> make_frab_importer() { return std::make_unique<FrabImporter>(); }

}  // namespace podium::import
