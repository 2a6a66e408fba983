// SPDX-License-Identifier: Apache-2.0
// The engine floor's query: plain Xapian BM25 top-k over podium-floor-index's speaker
// documents, rendered as {"query", "total", "results": [{"id", "name", "score"}]}. Shared by
// its server and its in-process latency run, so both time the same work.
#pragma once

#include <string>

#include <xapian.h>

namespace podium::bench {

// Not thread-safe (Xapian objects are not): one per thread.
class FloorSearcher {
 public:
  // Throws Xapian::Error when the database cannot be opened.
  explicit FloorSearcher(const std::string& db_path);
  // The response body of GET /v1/search?q=text&k=k. Throws Xapian::Error (e.g. a bad query).
  std::string search_json(const std::string& text, int k);

 private:
  Xapian::Database db_;
  Xapian::QueryParser parser_;
};

}  // namespace podium::bench
