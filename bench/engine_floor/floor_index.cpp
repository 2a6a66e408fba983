// SPDX-License-Identifier: Apache-2.0
// The engine floor's indexer (baseline (b) of bench/README.md): plain Xapian, one document per
// speaker holding all of their text (name, headline, affiliation, bio, topics and every talk's
// title, abstract and tags), English stemming, no positions, no values beyond the id. Whatever
// podium-index costs above this is the price of Podium's richer index.
//   podium-floor-index --db DIR [--emit-docs FILE.jsonl] CORPUS.jsonl[.gz]...
// --emit-docs also writes the same speaker documents as {"id", "name", "text"} lines, the input
// of the MiniSearch baseline (bench/minisearch/server.js), so all baselines see the same data.
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>
#include <zlib.h>

namespace {

struct SpeakerDoc {
  std::string name;
  std::string text;
};

void append(std::string& text, const nlohmann::json& record, const char* field) {
  const auto it = record.find(field);
  if (it == record.end()) return;
  if (it->is_string()) {
    text += it->get<std::string>();
    text += '\n';
  } else if (it->is_array()) {
    for (const auto& item : *it) {
      if (item.is_string()) {
        text += item.get<std::string>();
        text += '\n';
      }
    }
  }
}

// gzopen reads plain files too, so .jsonl and .jsonl.gz take the same path.
bool read_lines(const std::string& path, const std::function<void(const std::string&)>& on_line) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return false;
  std::string line;
  char buffer[1 << 16];
  while (gzgets(file, buffer, sizeof buffer) != nullptr) {
    line += buffer;
    if (!line.empty() && line.back() == '\n') {
      on_line(line);
      line.clear();
    }
  }
  if (!line.empty()) on_line(line);
  gzclose(file);
  return true;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string db_path, docs_path;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) {
      db_path = argv[++i];
    } else if (arg == "--emit-docs" && i + 1 < argc) {
      docs_path = argv[++i];
    } else {
      inputs.push_back(arg);
    }
  }
  if (db_path.empty() || inputs.empty()) {
    std::cerr << "usage: podium-floor-index --db DIR [--emit-docs FILE] CORPUS.jsonl[.gz]...\n";
    return 2;
  }

  // Speakers keyed by id; a talk's text goes to each of its speakers. Other kinds (community
  // listings) become one document each, so every corpus indexes the same records as Podium.
  std::map<std::string, SpeakerDoc> speakers;
  std::vector<SpeakerDoc> others;
  std::size_t talks = 0;
  for (const auto& path : inputs) {
    const bool ok = read_lines(path, [&](const std::string& line) {
      const auto record = nlohmann::json::parse(line, nullptr, false);
      if (record.is_discarded() || !record.is_object()) return;
      const std::string kind = record.value("kind", "");
      if (kind == "speaker") {
        auto& doc = speakers[record.value("id", "")];
        doc.name = record.value("name", "");
        for (const char* field : {"name", "headline", "affiliation", "bio", "topics"}) {
          append(doc.text, record, field);
        }
      } else if (kind == "talk") {
        ++talks;
        std::string text;
        for (const char* field : {"title", "abstract", "tags"}) append(text, record, field);
        for (const auto& id : record.value("speakers", std::vector<std::string>{})) {
          speakers[id].text += text;
        }
      } else {
        SpeakerDoc doc{record.value("name", ""), {}};
        for (const auto& [key, value] : record.items()) {
          if (value.is_string() && key != "id" && key != "kind")
            append(doc.text, record, key.c_str());
        }
        others.push_back(std::move(doc));
      }
    });
    if (!ok) {
      std::cerr << "podium-floor-index: cannot read " << path << "\n";
      return 3;
    }
  }

  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  std::ofstream docs;
  if (!docs_path.empty()) docs.open(docs_path);
  const auto add = [&](const std::string& id, const SpeakerDoc& speaker) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text_without_positions(speaker.text);
    doc.set_data(nlohmann::json{{"id", id}, {"name", speaker.name}}.dump());
    doc.add_boolean_term("Q" + id);
    db.add_document(doc);
    if (docs.is_open()) {
      docs << nlohmann::json{{"id", id}, {"name", speaker.name}, {"text", speaker.text}}.dump()
           << '\n';
    }
  };
  for (const auto& [id, speaker] : speakers) add(id, speaker);
  std::size_t n = 0;
  for (const auto& other : others) add("other:" + std::to_string(n++), other);
  db.commit();
  std::cout << "indexed " << speakers.size() << " speakers, " << talks << " talks, "
            << others.size() << " other records\n";
  return 0;
} catch (const Xapian::Error& e) {
  std::cerr << "podium-floor-index: " << e.get_description() << "\n";
  return 3;
}
