// SPDX-License-Identifier: Apache-2.0
// Builds a real on-disk index from test data files, for search, HTTP and privacy tests.
// Header-only: a test area that includes it links podium_ingest.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "podium/ingest/ingest_run.h"

namespace podium::test {

// Ingests `files` into `db_dir` with podium-index's own code path; fails the test on a rejected
// line or an I/O error, printing what the indexer said.
inline void ingest_files(const std::string& db_dir, const std::vector<std::string>& files) {
  ingest::IndexOptions options;
  options.db_dir = db_dir;
  options.paths = files;
  options.progress = false;
  std::ostringstream out;
  std::ostringstream err;
  const int code = ingest::run_ingest(options, out, err);
  ASSERT_EQ(code, ingest::kExitOk) << out.str() << err.str();
}

}  // namespace podium::test
