// SPDX-License-Identifier: Apache-2.0
// Speaker spreadsheets as CSV. Columns are matched to speaker fields by header name (case does
// not matter), or by --map column=field. Values go to parse_record() as written, after only the
// tidying a spreadsheet needs (lists split on ';', yes/no, bare handles made URLs), so a bad
// value is rejected with its line rather than silently changed.
#include <algorithm>
#include <array>
#include <map>

#include "podium/core/text_fold.h"
#include "podium/import/csv_reader.h"
#include "podium/import/importers.h"
#include "podium/import/slug.h"

#include "import_util.h"

namespace podium::import {
namespace {

// The columns a speaker spreadsheet may have. "email" is recognised and never imported: the
// ingest format has no contact field, and an address must not end up in a public index.
constexpr std::array<std::string_view, 22> kFields = {
    "id",        "name",        "pronouns", "headline",    "bio",     "topics",
    "languages", "city",        "country",  "affiliation", "formats", "remote",
    "website",   "github",      "linkedin", "mastodon",    "twitter", "bluesky",
    "travel",    "communities", "updated",  "email"};

bool is_field(std::string_view name) {
  return std::find(kFields.begin(), kFields.end(), name) != kFields.end();
}

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find(';', start);
    if (end == std::string::npos) end = value.size();
    append_unique(out, trim(std::string_view(value).substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

bool is_url(const std::string& value) {
  return value.starts_with("http://") || value.starts_with("https://");
}

// Spreadsheets often hold handles, not URLs: "octocat", "@jane", "@jane@fosstodon.org".
std::string profile_url(const std::string& field, const std::string& value) {
  if (value.empty() || is_url(value)) return value;
  std::string handle = value.starts_with("@") ? value.substr(1) : value;
  if (handle.find_first_of(" /") != std::string::npos) return value;
  if (field == "github") return "https://github.com/" + handle;
  if (field == "twitter") return "https://twitter.com/" + handle;
  if (field == "bluesky") return "https://bsky.app/profile/" + handle;
  if (field == "mastodon") {
    const auto at = handle.find('@');
    if (at != std::string::npos && at > 0) {
      return "https://" + handle.substr(at + 1) + "/@" + handle.substr(0, at);
    }
  }
  return value;
}

class CsvImporter : public Importer {
 public:
  Result<std::vector<std::string>> expand(const std::vector<std::string>& paths) const override {
    return expand_paths(paths, {".csv"});
  }

  Status import_file(const std::string& path, RecordCollector& out) override {
    Result<std::optional<std::string>> text = read_input(path, out);
    if (!text.is_ok()) return text.status();
    if (!*text) return Status::ok();
    Result<std::vector<CsvRow>> rows = parse_csv(**text);
    if (!rows.is_ok()) {
      // The reader's message starts "line N: "; turn it into file:N.
      const std::string& message = rows.status().message();
      std::size_t line = 0;
      std::string reason = message;
      if (message.starts_with("line ")) {
        const auto colon = message.find(": ");
        line = std::stoul(message.substr(5, colon - 5));
        reason = message.substr(colon + 2);
      }
      out.reject({path, line, ""}, "not a CSV file: " + reason);
      return Status::ok();
    }
    if (rows->empty()) {
      out.reject({path, 0, ""}, "not a speaker spreadsheet: the file is empty");
      return Status::ok();
    }
    std::vector<std::string> columns;  // field per column; "" = ignored
    if (!map_columns(path, rows->front(), out, columns)) return Status::ok();
    std::map<std::string, std::size_t> seen;  // id -> line
    for (std::size_t r = 1; r < rows->size(); ++r) {
      add_row(path, (*rows)[r], columns, seen, out);
    }
    return Status::ok();
  }

 private:
  bool map_columns(const std::string& path, const CsvRow& header, RecordCollector& out,
                   std::vector<std::string>& columns) const {
    const auto& renames = out.settings().column_map;
    std::vector<std::string> unknown;
    std::map<std::string, std::string> used;  // field -> column
    std::vector<bool> rename_used(renames.size(), false);
    for (const auto& cell : header.fields) {
      const std::string column = trim(cell);
      const std::string lower = ascii_lower(column);
      std::string field;
      bool mapped = false;
      for (std::size_t k = 0; k < renames.size(); ++k) {
        if (ascii_lower(trim(renames[k].first)) == lower) {
          field = renames[k].second;
          mapped = true;
          rename_used[k] = true;
        }
      }
      if (!mapped && is_field(lower)) field = lower;
      if (!mapped && field.empty() && !column.empty()) unknown.push_back("\"" + column + "\"");
      if (!field.empty()) {
        if (auto it = used.find(field); it != used.end()) {
          out.reject({path, header.line, ""}, "not a speaker spreadsheet: columns \"" + it->second +
                                                  "\" and \"" + column +
                                                  "\" are both the field \"" + field + "\"");
          return false;
        }
        used.emplace(field, column);
      }
      columns.push_back(field);
    }
    if (!used.contains("name")) {
      std::string listed;
      for (const auto& cell : header.fields) listed += (listed.empty() ? "" : ", ") + trim(cell);
      out.reject({path, header.line, ""},
                 "not a speaker spreadsheet: no \"name\" column (the header has: " + listed +
                     "; use --map COLUMN=name)");
      return false;
    }
    for (std::size_t k = 0; k < renames.size(); ++k) {
      if (!rename_used[k]) {
        out.warn({path, header.line, ""}, "--map " + renames[k].first + "=" + renames[k].second +
                                              ": the header has no such column");
      }
    }
    if (!unknown.empty()) {
      std::string listed;
      for (const auto& column : unknown) listed += (listed.empty() ? "" : ", ") + column;
      out.warn({path, header.line, ""},
               "columns ignored (not a speaker field; use --map COLUMN=FIELD): " + listed);
    }
    return true;
  }

  static void add_row(const std::string& path, const CsvRow& row,
                      const std::vector<std::string>& columns,
                      std::map<std::string, std::size_t>& seen, RecordCollector& out) {
    const Origin where{path, row.line, ""};
    if (std::all_of(row.fields.begin(), row.fields.end(),
                    [](const std::string& f) { return trim(f).empty(); })) {
      return;
    }
    for (std::size_t k = columns.size(); k < row.fields.size(); ++k) {
      if (!trim(row.fields[k]).empty()) {
        out.reject(where, "the row has " + std::to_string(row.fields.size()) +
                              " fields but the header has " + std::to_string(columns.size()) +
                              " columns");
        return;
      }
    }
    std::map<std::string, std::string> values;
    for (std::size_t k = 0; k < columns.size() && k < row.fields.size(); ++k) {
      if (!columns[k].empty()) values[columns[k]] = trim(row.fields[k]);
    }
    Speaker speaker;
    speaker.name = values["name"];
    speaker.id = values["id"];
    if (speaker.id.empty()) speaker.id = slug(speaker.name);
    if (speaker.id.empty()) {
      out.reject(where, "the row has neither an id nor a name");
      return;
    }
    if (auto [it, added] = seen.emplace(speaker.id, row.line); !added) {
      out.warn(where, "id '" + speaker.id + "' is also on line " + std::to_string(it->second) +
                          "; the rows are merged");
    }
    speaker.pronouns = values["pronouns"];
    speaker.headline = values["headline"];
    speaker.bio = values["bio"];
    speaker.topics = split_list(values["topics"]);
    for (const auto& language : split_list(values["languages"])) {
      const std::string code = normalize_language(language);
      // An unknown language goes in as written, so that parse_record() rejects it by line.
      speaker.languages.push_back(code.empty() ? language : code);
    }
    if (!values["city"].empty() || !values["country"].empty()) {
      Location location;
      location.city = values["city"];
      location.country = values["country"];
      std::transform(location.country.begin(), location.country.end(), location.country.begin(),
                     [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; });
      speaker.location = location;
    }
    speaker.affiliation = values["affiliation"];
    for (const auto& format : split_list(values["formats"])) {
      speaker.formats.push_back(ascii_lower(format));
    }
    const std::string remote = ascii_lower(values["remote"]);
    if (remote == "true" || remote == "yes" || remote == "y" || remote == "1") {
      speaker.remote = true;
    } else if (remote == "false" || remote == "no" || remote == "n" || remote == "0") {
      speaker.remote = false;
    } else if (!remote.empty()) {
      out.reject({path, row.line, "remote"},
                 "must be true, false, yes or no (got \"" + values["remote"] + "\")");
      return;
    }
    for (const char* link : {"website", "github", "linkedin", "mastodon", "twitter", "bluesky"}) {
      const std::string url = profile_url(link, values[link]);
      if (!url.empty()) speaker.links.emplace_back(link, url);
    }
    speaker.travel = values["travel"];
    speaker.communities = split_list(values["communities"]);
    speaker.updated = values["updated"];
    out.add_speaker(std::move(speaker), where);
  }
};

}  // namespace

std::unique_ptr<Importer> make_csv_importer() { return std::make_unique<CsvImporter>(); }

bool is_csv_field(std::string_view name) { return is_field(name); }

std::string csv_field_list() {
  std::string out;
  for (const auto field : kFields) out += (out.empty() ? "" : ", ") + std::string(field);
  return out;
}

}  // namespace podium::import
