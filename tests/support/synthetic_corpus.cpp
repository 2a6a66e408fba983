// SPDX-License-Identifier: Apache-2.0
#include "support/synthetic_corpus.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace podium::test {
namespace {

const char* const kStems[] = {"data",   "model",   "stream", "graph", "cloud",  "secure", "learn",
                              "python", "rust",    "query",  "cache", "vector", "search", "test",
                              "deploy", "privacy", "device", "edge",  "scale",  "type"};
const char* const kEndings[] = {"", "s", "ing", "ed", "er"};
const char* const kCompounds[] = {"day-to-day", "on-device",   "open-source", "real-time",
                                  "end-to-end", "large-scale", "early-stage", "state-of-the-art"};

class WordSource {
 public:
  explicit WordSource(std::uint32_t seed) : random_(seed) {
    for (const char* stem : kStems) {
      for (const char* ending : kEndings) vocabulary_.push_back(std::string(stem) + ending);
    }
  }

  // Skewed towards the first words, as real text is, so some words are common and some rare.
  std::string word() {
    if (below(100) < 12) return kCompounds[below(std::size(kCompounds))];
    const std::size_t a = below(vocabulary_.size());
    const std::size_t b = below(vocabulary_.size());
    return vocabulary_[below(2) == 0 ? std::min(a, b) : a];
  }

  std::string words(std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? " " : "") + word();
    return out;
  }

  std::size_t below(std::size_t n) { return static_cast<std::size_t>(random_() % n); }

 private:
  std::mt19937 random_;  // fully specified by the standard: the same stream everywhere
  std::vector<std::string> vocabulary_;
};

std::string speaker_id(std::size_t i) {
  std::ostringstream id;
  id << "speaker-" << i;
  return id.str();
}

}  // namespace

SyntheticCorpus write_synthetic_corpus(const std::string& path, std::uint32_t seed,
                                       std::size_t talks) {
  using nlohmann::json;
  WordSource source(seed);
  SyntheticCorpus corpus;
  corpus.talks = talks;
  corpus.speakers = std::max<std::size_t>(1, talks / 3);
  std::ofstream out(path);
  if (!out) throw std::runtime_error(path + ": cannot write the synthetic corpus");
  for (std::size_t s = 0; s < corpus.speakers; ++s) {
    out << json{{"kind", "speaker"},
                {"id", speaker_id(s)},
                {"name", "Speaker " + std::to_string(s)},
                {"bio", source.words(12)},
                {"topics", {kStems[source.below(std::size(kStems))]}},
                {"languages", {source.below(4) == 0 ? "de" : "en"}}}
               .dump()
        << "\n";
  }
  std::vector<std::string> abstracts;
  for (std::size_t t = 0; t < talks; ++t) {
    std::vector<std::string> speakers = {speaker_id(source.below(corpus.speakers))};
    if (source.below(5) == 0) {
      const std::string co = speaker_id(source.below(corpus.speakers));
      if (co != speakers.front()) speakers.push_back(co);
    }
    const std::string title = source.words(4 + source.below(5));
    abstracts.push_back(source.words(20 + source.below(41)));
    out << json{{"kind", "talk"},
                {"id", "talk-" + std::to_string(t)},
                {"title", title},
                {"abstract", abstracts.back()},
                {"speakers", speakers},
                {"tags", {kStems[source.below(std::size(kStems))]}},
                {"date", std::to_string(2015 + source.below(10)) + "-0" +
                             std::to_string(1 + source.below(9)) + "-1" +
                             std::to_string(source.below(10))}}
               .dump()
        << "\n";
    if (t < 200) corpus.queries.push_back(title);
  }
  // Long ORs, each with a three-word phrase cut from an abstract (so it matches somewhere).
  for (std::size_t q = 0; q < 60 && !abstracts.empty(); ++q) {
    std::istringstream text(abstracts[source.below(abstracts.size())]);
    std::vector<std::string> words{std::istream_iterator<std::string>(text), {}};
    const std::size_t start = source.below(words.size() - 2);
    corpus.queries.push_back(source.words(8) + " \"" + words[start] + " " + words[start + 1] + " " +
                             words[start + 2] + "\" " + source.words(2));
  }
  if (!out) throw std::runtime_error(path + ": cannot write the synthetic corpus");
  return corpus;
}

}  // namespace podium::test
