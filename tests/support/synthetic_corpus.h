// SPDX-License-Identifier: Apache-2.0
// A deterministic synthetic corpus in the ingest format, large enough for the matcher paths a
// hand-written sample never reaches (a boolean filter driving the match over a long OR), and
// query texts for it: long ORs of its words, with and without a quoted phrase and hyphenated
// compounds that the parser turns into phrases. The words are made up; nothing in it is data
// about people.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace podium::test {

struct SyntheticCorpus {
  std::size_t speakers = 0;
  std::size_t talks = 0;
  std::vector<std::string> queries;  // the first 200 titles, then 60 long ORs with a phrase
};

// Writes `talks` talks (and a third as many speakers) to `path`; the same seed gives the same
// file and queries.
SyntheticCorpus write_synthetic_corpus(const std::string& path, std::uint32_t seed,
                                       std::size_t talks);

}  // namespace podium::test
