// SPDX-License-Identifier: Apache-2.0
// Shared importer helpers.
#include "import_util.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "podium/core/record_parser.h"
#include "podium/core/text_fold.h"
#include "podium/core/validate.h"

namespace podium::import {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

bool contains(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// ISO 639-2/639-3 codes with a two-letter ISO 639-1 equivalent, for the languages that occur in
// conference data (pyvideo writes "eng", "spa", ...). Both 639-2 B and T forms where they differ.
constexpr std::array<std::pair<std::string_view, std::string_view>, 62> kThreeLetter = {{
    {"afr", "af"}, {"ara", "ar"}, {"baq", "eu"}, {"bel", "be"}, {"ben", "bn"}, {"bul", "bg"},
    {"cat", "ca"}, {"ces", "cs"}, {"chi", "zh"}, {"cym", "cy"}, {"cze", "cs"}, {"dan", "da"},
    {"deu", "de"}, {"dut", "nl"}, {"ell", "el"}, {"eng", "en"}, {"epo", "eo"}, {"est", "et"},
    {"eus", "eu"}, {"fas", "fa"}, {"fin", "fi"}, {"fra", "fr"}, {"fre", "fr"}, {"ger", "de"},
    {"gle", "ga"}, {"glg", "gl"}, {"gre", "el"}, {"heb", "he"}, {"hin", "hi"}, {"hrv", "hr"},
    {"hun", "hu"}, {"ice", "is"}, {"ind", "id"}, {"isl", "is"}, {"ita", "it"}, {"jpn", "ja"},
    {"kor", "ko"}, {"lat", "la"}, {"lav", "lv"}, {"lit", "lt"}, {"may", "ms"}, {"msa", "ms"},
    {"nld", "nl"}, {"nob", "nb"}, {"nor", "no"}, {"per", "fa"}, {"pol", "pl"}, {"por", "pt"},
    {"ron", "ro"}, {"rum", "ro"}, {"rus", "ru"}, {"slk", "sk"}, {"slo", "sk"}, {"slv", "sl"},
    {"spa", "es"}, {"srp", "sr"}, {"swe", "sv"}, {"tha", "th"}, {"tur", "tr"}, {"ukr", "uk"},
    {"vie", "vi"}, {"zho", "zh"},
}};

// Language names as CfP forms and spreadsheets write them, in English and in the language.
constexpr std::array<std::pair<std::string_view, std::string_view>, 48> kNames = {{
    {"arabic", "ar"},     {"basque", "eu"},     {"bulgarian", "bg"},  {"catalan", "ca"},
    {"catala", "ca"},     {"chinese", "zh"},    {"croatian", "hr"},   {"czech", "cs"},
    {"danish", "da"},     {"deutsch", "de"},    {"dutch", "nl"},      {"english", "en"},
    {"espanol", "es"},    {"estonian", "et"},   {"finnish", "fi"},    {"francais", "fr"},
    {"french", "fr"},     {"galician", "gl"},   {"german", "de"},     {"greek", "el"},
    {"hebrew", "he"},     {"hindi", "hi"},      {"hungarian", "hu"},  {"indonesian", "id"},
    {"italian", "it"},    {"italiano", "it"},   {"japanese", "ja"},   {"korean", "ko"},
    {"latvian", "lv"},    {"lithuanian", "lt"}, {"nederlands", "nl"}, {"norwegian", "no"},
    {"persian", "fa"},    {"polish", "pl"},     {"polski", "pl"},     {"portugues", "pt"},
    {"portuguese", "pt"}, {"romanian", "ro"},   {"russian", "ru"},    {"serbian", "sr"},
    {"slovak", "sk"},     {"slovenian", "sl"},  {"spanish", "es"},    {"svenska", "sv"},
    {"swedish", "sv"},    {"thai", "th"},       {"turkish", "tr"},    {"ukrainian", "uk"},
}};

}  // namespace

Result<std::optional<std::string>> read_input(const std::string& path, RecordCollector& out) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    // expand_paths() passes on a directory that held none of the format's files.
    out.reject({path, 0, ""}, "a directory with no files of this format in it");
    return std::optional<std::string>();
  }
  const auto size = fs::file_size(path, ec);
  if (ec) return Status::io_error(path + ": cannot read: " + ec.message());
  if (size > kMaxInputBytes) {
    out.reject({path, 0, ""}, "file is larger than the " + std::to_string(kMaxInputBytes >> 20) +
                                  " MiB limit (" + std::to_string(size) + " bytes)");
    return std::optional<std::string>();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(path + ": cannot read: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::io_error(path + ": read error");
  return std::optional<std::string>(std::move(buffer).str());
}

Result<json> parse_json(std::string_view text) {
  if (json_nesting_exceeds(text, kMaxDocumentDepth)) {
    return Status::invalid("not valid JSON: nested deeper than " +
                           std::to_string(kMaxDocumentDepth) + " levels");
  }
  try {
    return json::parse(text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number too large
    std::string message = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] " tag; keep its position and reason.
    if (auto pos = message.find("] "); pos != std::string::npos) message.erase(0, pos + 2);
    return Status::invalid("not valid JSON: " + message);
  }
}

Result<std::optional<json>> read_json_input(const std::string& path, std::string_view rejection,
                                            RecordCollector& out) {
  Result<std::optional<std::string>> text = read_input(path, out);
  if (!text.is_ok()) return text.status();
  if (!*text) return std::optional<json>();
  Result<json> parsed = parse_json(**text);
  if (!parsed.is_ok()) {
    out.reject({path, 0, ""}, std::string(rejection) + parsed.status().message());
    return std::optional<json>();
  }
  return std::optional<json>(std::move(*parsed));
}

Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths,
                                              const std::function<bool(const fs::path&)>& wanted) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return Status::io_error(path + ": no such file or directory");
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      // A checkout's .git holds as many files as the data; nothing hidden is data.
      if (it->path().filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && wanted(it->path())) found.push_back(it->path().string());
    }
    if (ec) return Status::io_error(path + ": cannot list directory: " + ec.message());
    std::sort(found.begin(), found.end());
    if (found.empty()) found.push_back(path);  // reported by the importer
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths,
                                              std::initializer_list<std::string_view> extensions) {
  const std::vector<std::string_view> wanted(extensions);
  return expand_paths(paths, [&wanted](const fs::path& file) {
    const std::string extension = ascii_lower(file.extension().string());
    return std::find(wanted.begin(), wanted.end(), extension) != wanted.end();
  });
}

std::string member_path(const std::string& base, std::string_view key) {
  return base.empty() ? std::string(key) : base + "." + std::string(key);
}

std::string index_path(const std::string& base, std::size_t index) {
  return base + "[" + std::to_string(index) + "]";
}

std::string json_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) return value.dump();
  if (value.is_object()) {
    if (auto en = value.find("en"); en != value.end() && en->is_string()) {
      return en->get<std::string>();
    }
    for (const auto& [key, entry] : value.items()) {
      if (entry.is_string()) return entry.get<std::string>();
    }
  }
  return {};
}

std::string json_text(const json& object, std::string_view key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it == object.end() ? std::string() : json_text(*it);
}

std::string json_id(const json& value) {
  if (value.is_string()) return trim(value.get<std::string>());
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return {};
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string join_paragraphs(const std::vector<std::string>& parts) {
  std::vector<std::string> kept;
  for (const auto& part : parts) {
    std::string text = trim(part);
    if (text.empty() || std::find(kept.begin(), kept.end(), text) != kept.end()) continue;
    kept.push_back(std::move(text));
  }
  std::string out;
  for (const auto& text : kept) {
    if (!out.empty()) out += "\n\n";
    out += text;
  }
  return out;
}

std::string format_of(std::string_view type) {
  const std::string t = ascii_lower(type);
  // Most specific first: "Keynote talk" is a keynote, "Workshop talk" a workshop.
  if (contains(t, "keynote")) return "keynote";
  if (contains(t, "workshop") || contains(t, "tutorial") || contains(t, "hands-on")) {
    return "workshop";
  }
  if (contains(t, "panel")) return "panel";
  if (contains(t, "podcast")) return "podcast";
  if (contains(t, "interview")) return "interview";
  if (contains(t, "mentor")) return "mentoring";
  if (contains(t, "talk") || contains(t, "lecture") || contains(t, "presentation")) return "talk";
  return {};
}

std::string normalize_language(std::string_view language) {
  std::string tag = trim(language);
  std::replace(tag.begin(), tag.end(), '_', '-');
  if (tag.empty()) return {};
  const auto dash = tag.find('-');
  std::string primary = ascii_lower(tag.substr(0, dash));
  const std::string rest = dash == std::string::npos ? std::string() : tag.substr(dash);
  if (primary.size() == 3) {
    for (const auto& [code, two] : kThreeLetter) {
      if (primary == code) primary = two;
    }
  }
  std::string candidate = primary + rest;
  if (is_valid_language_tag(candidate)) return candidate;
  std::string name = ascii_lower(trim(language));
  // Folding the few accented names by hand keeps this table ASCII: "Español", "Français", ...
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"\xc3\xb1", "n"},
                          {"\xc3\xa7", "c"},
                          {"\xc3\xaa", "e"},
                          {"\xc3\xa0", "a"}}) {
    for (auto pos = name.find(from); pos != std::string::npos; pos = name.find(from)) {
      name.replace(pos, from.size(), to);
    }
  }
  for (const auto& [known, code] : kNames) {
    if (name == known) return std::string(code);
  }
  return {};
}

std::string date_of(std::string_view date_time) {
  const std::string text = trim(date_time);
  if (text.size() < 10) return {};
  const std::string date = text.substr(0, 10);
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return {};
  return is_valid_date(date) ? date : std::string();
}

std::string link_kind(std::string_view title, std::string_view url) {
  const std::string text = ascii_lower(title) + " " + ascii_lower(url);
  if (contains(text, "slide") || contains(text, "speakerdeck") || contains(text, "folien")) {
    return "slides";
  }
  if (contains(text, "video") || contains(text, "recording") || contains(text, "youtube.com") ||
      contains(text, "youtu.be") || contains(text, "vimeo.com") || contains(text, "media.ccc.de")) {
    return "video";
  }
  return {};
}

std::string checked_url(const std::string& url, const Origin& where, std::string_view field,
                        RecordCollector& out) {
  const std::string value = trim(url);
  if (value.empty() || is_valid_url(value)) return value;
  out.warn(where, std::string(field) + ": \"" + value + "\" is not an http(s) URL; left out");
  return {};
}

std::string checked_language(const std::string& language, const Origin& where,
                             std::string_view field, RecordCollector& out) {
  if (trim(language).empty()) return {};
  std::string code = normalize_language(language);
  if (code.empty()) {
    out.warn(where, std::string(field) + ": \"" + language +
                        "\" is not a language code or name; left out");
  }
  return code;
}

std::string checked_date(const std::string& date_time, const Origin& where, std::string_view field,
                         RecordCollector& out) {
  if (trim(date_time).empty()) return {};
  std::string date = date_of(date_time);
  if (date.empty()) {
    out.warn(where, std::string(field) + ": \"" + date_time + "\" is not a date; left out");
  }
  return date;
}

}  // namespace podium::import
