// SPDX-License-Identifier: Apache-2.0
// What importers produce: speakers and talks in the ingest model plus messages about the input,
// collected across all files of one import so a person named in many places becomes one record.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "podium/core/records.h"

namespace podium::import {

// Where something came from: a file, a line in it (CSV, XML; 0 when not known) and a path inside
// the document (JSON: "days[2].rooms.Hall A[3].persons[0]"; may be empty).
struct Origin {
  std::string file;
  std::size_t line = 0;
  std::string path;
};

// A message about the input. Errors are rejected items (exit code 1); warnings only inform.
struct ImportIssue {
  Origin where;
  std::string message;
  bool is_error = true;
};

struct ImportSettings {
  // --merge-by-name: every speaker id becomes the slug of the speaker's name, so the same name in
  // two sources is one speaker. Off by default: only ids say two records are one person.
  bool merge_by_name = false;
  // CSV --map: column header -> speaker field; an empty field ignores the column.
  std::vector<std::pair<std::string, std::string>> column_map;
};

struct ImportedRecord {
  std::variant<Speaker, Talk> record;
  Origin origin;  // where the record was first seen
};

// Collects the records of one import. Not thread-safe.
class RecordCollector {
 public:
  explicit RecordCollector(ImportSettings settings);

  const ImportSettings& settings() const { return settings_; }

  // Adds a speaker whose id is its source id (or a name slug where the source has none). A
  // speaker already seen with the same id is merged: its empty fields are filled from this one
  // and lists are joined, so a person listed at many events is one record. A speaker without a
  // name only contributes to a named one with its id; finish() leaves it out if none comes.
  void add_speaker(Speaker speaker, Origin where);
  // Adds a talk whose speakers are source ids as given to add_speaker(). A second talk with the
  // same id replaces the first, with a warning.
  void add_talk(Talk talk, Origin where);
  void reject(Origin where, std::string message);
  void warn(Origin where, std::string message);

  std::size_t record_count() const { return records_.size(); }
  const std::vector<ImportIssue>& issues() const { return issues_; }

  // Ends the import: with merge_by_name, re-keys speakers by the slug of their name (merging
  // those that meet) and rewrites the talks' speaker lists to match. Each speaker gets the name
  // spelling seen most often for it. Returns the records in the order they were first seen.
  std::vector<ImportedRecord> finish();

 private:
  ImportSettings settings_;
  std::vector<ImportedRecord> records_;
  std::map<std::string, std::size_t> speaker_index_;  // id -> position in records_
  std::map<std::string, std::size_t> talk_index_;
  // Spellings seen per speaker id, with counts, in first-seen order.
  std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> names_;
  std::vector<ImportIssue> issues_;
};

// Merges `from` into `into`: empty text fields are filled, lists joined without duplicates
// (compared case-insensitively), links added under names not yet used.
void merge_speaker(Speaker& into, const Speaker& from);

// Appends `value` to `list` unless it is empty or already there (ASCII case-insensitive).
void append_unique(std::vector<std::string>& list, const std::string& value);

}  // namespace podium::import
