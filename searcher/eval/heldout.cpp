// SPDX-License-Identifier: Apache-2.0
// Held-out set construction.
#include "podium/eval/heldout.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "podium/core/format_tags.h"
#include "podium/core/record_parser.h"
#include "podium/core/text_fold.h"
#include "podium/ingest/input_reader.h"

namespace podium::eval {
namespace {

const std::set<std::string>& stop_words() {
  static const std::set<std::string> kWords = {
      "a",     "an",    "and",   "are",  "as",   "at",  "be",   "but",  "by",   "for",
      "from",  "how",   "i",     "in",   "into", "is",  "it",   "its",  "let",  "lets",
      "more",  "my",    "not",   "of",   "on",   "or",  "our",  "out",  "so",   "that",
      "the",   "their", "this",  "to",   "up",   "us",  "we",   "what", "when", "where",
      "which", "who",   "why",   "will", "with", "you", "your", "can",  "do",   "does",
      "talk",  "about", "using", "use",  "all",  "one", "part", "new",  "get",  "make"};
  return kWords;
}

// Lower-case letters and digits only (non-ASCII bytes kept): "DjangoCon US 2010" ->
// "djangoconus2010".
std::string alphanumeric_key(const std::string& text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

// The first `limit` whitespace-separated words of `text`, joined by single spaces; empty when
// it has fewer than `minimum`.
std::string leading_words(const std::string& text, std::size_t limit, std::size_t minimum) {
  std::istringstream in(text);
  std::string out;
  std::size_t count = 0;
  for (std::string word; count < limit && in >> word; ++count) {
    out += (out.empty() ? "" : " ") + word;
  }
  return count < minimum ? std::string() : out;
}

struct TalkInfo {
  std::string id;
  std::string title;
  std::string abstract;
  std::string event;
  std::string date;
  std::vector<std::string> speakers;
  std::vector<std::string> tags;
};

Status read_excluded(const std::vector<std::string>& files, std::set<std::string>& out) {
  for (const auto& file : files) {
    std::ifstream in(file);
    if (!in) return Status::io_error(file + ": cannot read");
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty()) continue;
      auto object = nlohmann::json::parse(line, nullptr, false);
      if (object.is_discarded() || !object.is_object() || !object.contains("talk_id") ||
          !object["talk_id"].is_string()) {
        return Status::invalid(file + ":" + std::to_string(number) + ": no talk_id string");
      }
      out.insert(object["talk_id"].get<std::string>());
    }
  }
  return Status::ok();
}

}  // namespace

std::vector<std::string> topic_tags(const std::vector<std::string>& tags,
                                    const std::string& event) {
  const std::string event_key = alphanumeric_key(event);
  std::string event_letters;  // the name without its digits: the series, not the edition
  for (char c : event_key) {
    if (!std::isdigit(static_cast<unsigned char>(c))) event_letters += c;
  }
  std::vector<std::string> out;
  for (const auto& tag : tags) {
    const std::string key = alphanumeric_key(tag);
    if (key.empty() || is_format_tag(tag)) continue;
    if (std::any_of(key.begin(), key.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      continue;
    }
    // A short tag inside the name is a chance ("go" in "pyconchicago"), not the event.
    const bool names_event =
        !event_key.empty() &&
        (key == event_key || key == event_letters ||
         (key.size() >= 4 && event_key.find(key) != std::string::npos) ||
         (event_letters.size() >= 3 && key.find(event_letters) != std::string::npos));
    if (names_event) continue;
    out.push_back(tag);
  }
  return out;
}

bool has_two_informative_words(const std::string& title) {
  std::size_t informative = 0;
  for (const auto& word : plain_words(title)) {
    if (word.size() >= 3 && !stop_words().contains(word)) ++informative;
  }
  return informative >= 2;
}

Result<HeldOutSummary> build_held_out(const HeldOutOptions& options) {
  std::set<std::string> excluded_talks;
  if (Status s = read_excluded(options.exclude_query_files, excluded_talks); !s.is_ok()) return s;
  Result<std::vector<std::string>> files = ingest::expand_input_paths(options.corpus_paths);
  if (!files.is_ok()) return files.status();

  // Pass 1: every valid line, and the talks by speaker.
  std::vector<std::pair<std::string, std::string>> lines;  // (raw line, talk id or "")
  std::map<std::string, TalkInfo> talks;
  std::map<std::string, std::vector<std::string>> talks_by_speaker;
  for (const auto& file : *files) {
    const Status read = ingest::for_each_valid_record(
        file, kMaxLineBytes, [&](const ingest::InputLine& line, const ParsedRecord& parsed) {
          std::string talk_id;
          if (const auto* talk = std::get_if<Talk>(&parsed.record)) {
            talk_id = talk->id;
            talks[talk->id] = {talk->id,   talk->title,    talk->abstract, talk->event,
                               talk->date, talk->speakers, talk->tags};
            for (const auto& speaker : talk->speakers) {
              talks_by_speaker[speaker].push_back(talk->id);
            }
          }
          lines.emplace_back(line.text, talk_id);
        });
    if (!read.is_ok()) return read;
  }

  // Pass 2: choose the held-out talks.
  std::set<std::string> held_out;
  for (auto& [speaker, ids] : talks_by_speaker) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() < options.min_talks) continue;
    std::vector<const TalkInfo*> ordered;
    for (const auto& id : ids) ordered.push_back(&talks.at(id));
    std::sort(ordered.begin(), ordered.end(), [](const TalkInfo* a, const TalkInfo* b) {
      return a->date != b->date ? a->date > b->date : a->id > b->id;
    });
    for (const TalkInfo* talk : ordered) {
      if (has_two_informative_words(talk->title)) {
        held_out.insert(talk->id);
        break;
      }
    }
  }

  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Status::io_error(options.out_dir + ": " + ec.message());
  std::ofstream index(options.out_dir + "/index.jsonl");
  std::ofstream queries(options.out_dir + "/queries.jsonl");
  if (!index || !queries) return Status::io_error(options.out_dir + ": cannot write");
  HeldOutSummary summary;
  for (const auto& [text, talk_id] : lines) {
    if (!talk_id.empty() && held_out.contains(talk_id)) continue;
    index << text << '\n';
    ++summary.records;
  }
  summary.held_out = held_out.size();
  std::size_t qid = 0;
  for (const auto& id : held_out) {
    if (excluded_talks.contains(id)) {
      ++summary.excluded;
      continue;
    }
    const TalkInfo& talk = talks.at(id);
    std::string query = talk.title;
    std::vector<std::string> subtopics = talk.tags;
    if (options.variant == QueryVariant::kTopics) subtopics = topic_tags(talk.tags, talk.event);
    if (options.variant == QueryVariant::kAbstract) {
      query = leading_words(talk.abstract, kAbstractQueryWords, kAbstractMinWords);
      if (query.empty()) continue;
    } else if (options.variant != QueryVariant::kTitle) {
      if (subtopics.empty()) continue;
      query.clear();
      for (const auto& tag : subtopics) query += (query.empty() ? "" : " ") + tag;
    }
    std::set<std::string> relevant(talk.speakers.begin(), talk.speakers.end());
    nlohmann::json line = {{"qid", "q" + std::to_string(++qid)},
                           {"query", query},
                           {"relevant", relevant},
                           {"talk_id", id},
                           {"tags", subtopics}};
    queries << line.dump() << '\n';
    ++summary.queries;
  }
  if (!index || !queries) return Status::io_error(options.out_dir + ": write failed");
  return summary;
}

}  // namespace podium::eval
