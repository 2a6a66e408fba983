// SPDX-License-Identifier: Apache-2.0
// Synonym groups and their matching against query words.
#include "synonyms.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "podium/core/text_fold.h"

namespace podium::search {

std::vector<std::string> query_words(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : fold_accents(text)) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      current += static_cast<char>(std::tolower(u));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

Synonyms Synonyms::from_text(const std::string& text, const std::string&) {
  Synonyms synonyms;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::vector<std::string>> group;
    std::stringstream entries(line);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
      auto words = query_words(entry);
      if (!words.empty()) group.push_back(std::move(words));
    }
    if (group.size() >= 2) synonyms.groups_.push_back(std::move(group));
  }
  return synonyms;
}

Result<Synonyms> Synonyms::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::io_error(path + ": cannot read the synonyms file");
  std::stringstream text;
  text << in.rdbuf();
  // Validate line by line so a typo is reported where it is.
  std::istringstream lines(text.str());
  std::string line;
  std::size_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    std::size_t entries = 0;
    std::stringstream parts(line);
    std::string part;
    while (std::getline(parts, part, ','))
      if (!query_words(part).empty()) ++entries;
    if (entries < 2) {
      return Status::invalid(path + ":" + std::to_string(number) +
                             ": a synonym group needs at least two comma-separated entries");
    }
  }
  return from_text(text.str(), path);
}

namespace {

bool contains_run(const std::vector<std::string>& words, const std::vector<std::string>& run) {
  if (run.empty() || run.size() > words.size()) return false;
  return std::search(words.begin(), words.end(), run.begin(), run.end()) != words.end();
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::vector<std::string> Synonyms::expansions(const std::vector<std::string>& words) const {
  std::vector<std::string> out;
  for (const auto& group : groups_) {
    bool present = false;
    for (const auto& entry : group) present |= contains_run(words, entry);
    if (!present) continue;
    for (const auto& entry : group) {
      if (contains_run(words, entry)) continue;
      const std::string text = join(entry);
      if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
    }
  }
  return out;
}

}  // namespace podium::search
