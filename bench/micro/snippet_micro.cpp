// SPDX-License-Identifier: Apache-2.0
// Micro-benchmark: one snippet as evidence builds it (Xapian MSet::snippet with the background
// model over an abstract-sized text), the step repeated for every talk of every result shown.
#include <string>

#include <benchmark/benchmark.h>
#include <xapian.h>

namespace {

void BM_Snippet(benchmark::State& state) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  std::string text;
  for (int i = 0; i < 12; ++i) {
    text += "We show how a data team moved its machine learning pipelines from notebooks to ";
    text += "scheduled jobs, with tests, feature stores and monitoring of model drift. ";
  }
  for (int i = 0; i < 50; ++i) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(i % 5 == 0 ? text : "a talk about web frameworks and testing");
    db.add_document(doc);
  }
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query("machine learning pipelines monitoring"));
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  const Xapian::Stem stemmer("english");
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        mset.snippet(text, 240, stemmer,
                     Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                     "<mark>", "</mark>", "…"));
  }
}
BENCHMARK(BM_Snippet)->Unit(benchmark::kMicrosecond);

}  // namespace
