// SPDX-License-Identifier: Apache-2.0
// Micro-benchmark: rendering a search response (10 speakers with evidence and facets) to the
// JSON bytes the API sends.
#include <string>

#include <benchmark/benchmark.h>

#include "podium/search/response_json.h"

namespace {

podium::search::SearchResponse make_response() {
  podium::search::SearchResponse response;
  response.query = "machine learning pipelines";
  response.total = 1234;
  for (int i = 0; i < 10; ++i) {
    podium::search::SpeakerHit hit;
    hit.speaker.id = "speaker-" + std::to_string(i);
    hit.speaker.name = "Speaker Number " + std::to_string(i);
    hit.score = 1.0 / (i + 1);
    hit.talk_count = 4;
    for (int j = 0; j < 3; ++j) {
      podium::search::Evidence evidence;
      evidence.kind = "talk";
      evidence.talk_id = "pyvideo:pycon-us-2019:talk-" + std::to_string(j);
      evidence.title = "Building <mark>machine</mark> <mark>learning</mark> pipelines in Python";
      evidence.snippet = std::string(200, 'x') + " <mark>learning</mark> " + std::string(40, 'y');
      evidence.matched_words = {"machine", "learning"};
      evidence.date = "2019-05-04";
      evidence.url = "https://example.org/talk";
      hit.evidence.push_back(std::move(evidence));
    }
    response.results.push_back(std::move(hit));
  }
  for (const char* field : {"lang", "country", "format", "topic", "year"}) {
    for (int v = 0; v < 10; ++v) {
      response.facets[field].push_back({field + std::to_string(v), static_cast<std::size_t>(v)});
    }
  }
  return response;
}

void BM_RenderSearchJson(benchmark::State& state) {
  const auto response = make_response();
  for (auto _ : state) {
    benchmark::DoNotOptimize(podium::search::to_json(response).dump());
  }
}
BENCHMARK(BM_RenderSearchJson)->Unit(benchmark::kMicrosecond);

}  // namespace
