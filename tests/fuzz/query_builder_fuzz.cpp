// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: user query text through the query builder and then through a match, over a
// small on-disk index built once in a temporary directory (on disk, since the in-memory backend
// keeps no spelling data and the builder asks for spelling corrections). The query language is
// Xapian's parser plus Podium's prefixes, stop words, folding and spelling; hostile text must end
// in a query or in kInvalidArgument, never in an exception escaping or a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <stdlib.h>
#include <xapian.h>

#include "query_builder.h"

namespace {

// A few documents with the terms the builder looks up (spelling data, wildcard expansion).
char index_dir[] = "/tmp/podium-fuzz-XXXXXX";

void remove_index() { std::filesystem::remove_all(index_dir); }

Xapian::Database make_index() {
  const char* dir = mkdtemp(index_dir);
  if (dir == nullptr) std::abort();
  std::atexit(remove_index);
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  Xapian::TermGenerator indexer;
  indexer.set_stemmer(podium::search::english_stemmer());
  indexer.set_database(db);
  indexer.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  const char* const texts[] = {"Differential privacy on device for federated learning",
                               "Kubernetes operators and MLOps pipelines in production",
                               "Large language models, retrieval and evaluation",
                               "Accessible web design with Zoë and the Python community"};
  for (const char* text : texts) {
    Xapian::Document doc;
    indexer.set_document(doc);
    indexer.index_text(text);
    indexer.index_text(text, 1, "S");
    doc.add_boolean_term("XKIND:speaker");
    db.add_document(doc);
  }
  db.commit();
  return Xapian::Database(dir);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Xapian::Database db = make_index();
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const bool drop_stop_words : {true, false}) {
    const auto parsed = podium::search::parse_user_query(db, text, drop_stop_words);
    if (!parsed.is_ok()) continue;
    Xapian::Enquire enquire(db);
    enquire.set_query(parsed.value().query);
    (void)enquire.get_mset(0, 10);
  }
  return 0;
}
