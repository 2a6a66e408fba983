// SPDX-License-Identifier: Apache-2.0
// frab schedule.xml: <schedule><conference/><day><room name><event id> with <persons><person id>
// name</person></persons>. Places in messages use the JSON form's paths ("days[0].rooms.Curie[2]")
// plus the line, so both forms of one schedule report a problem the same way.
#include "podium/core/validate.h"
#include "podium/import/slug.h"

#include "frab.h"
#include "import_util.h"
#include "xml_reader.h"

namespace podium::import {
namespace {

constexpr std::string_view kNotFrab = "not a frab schedule: ";

void read_links(const XmlElement* list, std::string_view item, std::vector<FrabLink>& links) {
  if (list == nullptr) return;
  for (const XmlElement* link : list->children_named(item)) {
    links.push_back({trim(link->text), trim(link->attribute("href"))});
  }
}

FrabEvent read_event(const XmlElement& element, const std::string& path, const std::string& file,
                     const std::string& day_date) {
  FrabEvent event;
  event.where = {file, element.line, path};
  event.id = trim(element.attribute("id"));
  event.code = trim(element.attribute("code"));
  event.title = trim(element.child_text("title"));
  event.subtitle = element.child_text("subtitle");
  event.abstract = element.child_text("abstract");
  event.description = element.child_text("description");
  event.track = trim(element.child_text("track"));
  event.type = trim(element.child_text("type"));
  event.language = element.child_text("language");
  event.date = element.child_text("date");
  event.day_date = day_date;
  event.url = element.child_text("url");
  read_links(element.child("links"), "link", event.links);
  read_links(element.child("attachments"), "attachment", event.links);
  if (const XmlElement* persons = element.child("persons")) {
    const std::string persons_path = member_path(path, "persons");
    std::size_t k = 0;
    for (const XmlElement* p : persons->children_named("person")) {
      FrabPerson person;
      person.where = {file, p->line, index_path(persons_path, k++)};
      person.id = trim(p->attribute("id"));
      person.code = trim(p->attribute("code"));
      person.name = trim(p->text);
      event.persons.push_back(std::move(person));
    }
  }
  return event;
}

}  // namespace

void import_frab_xml(const std::string& file, std::string_view text, RecordCollector& out) {
  if (!is_valid_utf8(text)) {
    out.reject({file, 0, ""}, std::string(kNotFrab) + "the file is not UTF-8");
    return;
  }
  Result<XmlElement> root = parse_xml(text, kMaxDocumentDepth);
  if (!root.is_ok()) {
    out.reject({file, 0, ""},
               std::string(kNotFrab) + "not well-formed XML: " + root.status().message());
    return;
  }
  if (root->name != "schedule") {
    out.reject({file, 0, ""},
               std::string(kNotFrab) + "the root element is <" + root->name + ">, not <schedule>");
    return;
  }
  const XmlElement* conference = root->child("conference");
  if (conference == nullptr) {
    out.reject({file, 0, ""}, std::string(kNotFrab) + "no <conference> element");
    return;
  }
  FrabConference info{trim(conference->child_text("acronym")),
                      trim(conference->child_text("title")), trim(root->child_text("base_url"))};
  if (info.base_url.empty()) info.base_url = trim(conference->child_text("base_url"));
  if (info.acronym.empty()) info.acronym = slug(info.title);
  if (info.acronym.empty()) {
    out.reject({file, conference->line, "conference"},
               "has neither <acronym> nor <title>; ids of talks and speakers need one");
    return;
  }
  std::size_t i = 0;
  for (const XmlElement* day : root->children_named("day")) {
    const std::string day_path = index_path("days", i++);
    const std::string day_date = day->attribute("date");
    for (const XmlElement* room : day->children_named("room")) {
      const std::string room_path =
          member_path(member_path(day_path, "rooms"), room->attribute("name"));
      std::size_t j = 0;
      for (const XmlElement* event : room->children_named("event")) {
        add_frab_event(read_event(*event, index_path(room_path, j++), file, day_date), info, out);
      }
    }
  }
}

}  // namespace podium::import
