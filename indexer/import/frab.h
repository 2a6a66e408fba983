// SPDX-License-Identifier: Apache-2.0
// The frab schedule export in its two forms (JSON and XML) read into one shape, so that both
// map to records by the same code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "podium/import/record_collector.h"

namespace podium::import {

struct FrabPerson {
  std::string id;    // frab's person id
  std::string code;  // pretalx's speaker code, when pretalx wrote the export
  std::string name;
  std::string biography;
  Origin where;
};

struct FrabLink {
  std::string title;
  std::string url;
};

struct FrabEvent {
  std::string id;
  std::string code;  // pretalx's submission code, when present
  std::string title;
  std::string subtitle;
  std::string abstract;
  std::string description;
  std::string track;
  std::string type;
  std::string language;
  std::string date;      // the event's start, ISO 8601 date-time
  std::string day_date;  // the date of the day it is listed under
  std::string url;
  std::vector<FrabLink> links;  // links and attachments
  std::vector<FrabPerson> persons;
  Origin where;
};

struct FrabConference {
  std::string acronym;  // scopes frab's numeric ids
  std::string title;
  std::string base_url;  // resolves attachment links written as "/system/..."
};

// Adds one event as a talk and its persons as speakers (see docs/importers.md, "frab").
void add_frab_event(const FrabEvent& event, const FrabConference& conference, RecordCollector& out);

// Reads the two forms of the export from the text of `file`.
void import_frab_json(const std::string& file, std::string_view text, RecordCollector& out);
void import_frab_xml(const std::string& file, std::string_view text, RecordCollector& out);

}  // namespace podium::import
