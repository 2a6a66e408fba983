// SPDX-License-Identifier: Apache-2.0
// Helpers the importers share: reading input, JSON access and paths, and the value mappings
// (session type -> format, language names -> BCP-47, link titles -> slides/video) that must be
// the same in every format.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "podium/core/status.h"
#include "podium/import/record_collector.h"

namespace podium::import {

// Larger inputs are rejected rather than read whole into memory.
inline constexpr std::size_t kMaxInputBytes = 256u << 20;
// Exports nest about ten levels; far deeper JSON/XML is hostile and would recurse deep.
inline constexpr int kMaxDocumentDepth = 64;

// Reads a whole input file. kIoError when it cannot be read; a file over kMaxInputBytes, or a
// directory (see expand_paths), is rejected into `out` and comes back as nullopt.
Result<std::optional<std::string>> read_input(const std::string& path, RecordCollector& out);

// Parses JSON text; kInvalidArgument "not valid JSON: <reason with line and column>".
Result<nlohmann::json> parse_json(std::string_view text);

// read_input() and parse_json() together, for importers of one JSON document per file: text
// that is not JSON is rejected into `out` as `rejection` followed by the parser's reason
// ("not a pretalx API page: not valid JSON: ..."), and comes back as nullopt, as does a file
// read_input() rejected. kIoError when the file cannot be read.
Result<std::optional<nlohmann::json>> read_json_input(const std::string& path,
                                                      std::string_view rejection,
                                                      RecordCollector& out);

// Expands paths: files as they are, directories walked for the files `wanted` accepts, in name
// order; hidden entries (a checkout's .git, .DS_Store) are skipped, with all below them. A
// directory without wanted files is passed on as it is, for the importer to report.
Result<std::vector<std::string>> expand_paths(
    const std::vector<std::string>& paths,
    const std::function<bool(const std::filesystem::path&)>& wanted);

// expand_paths() for the files ending in one of `extensions` (lower case, with the dot;
// compared case-insensitively).
Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths,
                                              std::initializer_list<std::string_view> extensions);

// "base.key", or "key" when base is empty.
std::string member_path(const std::string& base, std::string_view key);
// "base[i]".
std::string index_path(const std::string& base, std::size_t index);

// A JSON string as text; an object of translations ({"en": "Talk", "de": "Vortrag"}) as its "en"
// entry, else its first string entry; a number as its decimal form; anything else "".
std::string json_text(const nlohmann::json& value);
// The member `key` of object `object` as text (json_text), "" when absent.
std::string json_text(const nlohmann::json& object, std::string_view key);
// A source id: a non-empty string or an integer, else "".
std::string json_id(const nlohmann::json& value);

std::string trim(std::string_view text);

// Non-empty parts, trimmed, joined by a blank line; a part equal to an earlier one is left out.
std::string join_paragraphs(const std::vector<std::string>& parts);

// The ingest format a session type or category names ("Workshop (2h)" -> "workshop",
// "Lecture" -> "talk"), or "" when it names none.
std::string format_of(std::string_view type);

// A BCP-47 code for a language as sources write it: "en", "pt_BR", "eng" (ISO 639-2/3) or a name
// ("English", "Deutsch"); "" when it is none of these.
std::string normalize_language(std::string_view language);

// The date of an ISO 8601 date or date-time ("2019-08-21T11:00:00+02:00" -> "2019-08-21"), as it
// is written in the source's local time; "" when there is no valid date.
std::string date_of(std::string_view date_time);

// "slides" or "video" when a link's title or URL says it is one, else "".
std::string link_kind(std::string_view title, std::string_view url);

// Optional values checked before they go into a record: a source's odd value for an optional
// field is left out with a warning (the organizer cannot fix a CfP tool's export), instead of
// having parse_record() reject the whole talk or speaker. `field` names the source field.
std::string checked_url(const std::string& url, const Origin& where, std::string_view field,
                        RecordCollector& out);
std::string checked_language(const std::string& language, const Origin& where,
                             std::string_view field, RecordCollector& out);
std::string checked_date(const std::string& date_time, const Origin& where, std::string_view field,
                         RecordCollector& out);

}  // namespace podium::import
