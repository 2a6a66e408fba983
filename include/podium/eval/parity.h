// SPDX-License-Identifier: Apache-2.0
// Parity of two indexes holding the same data in different layouts (one database and its
// shards, local or remote): the same request must give the same speakers in the same order.
#pragma once

#include <cstddef>
#include <string>

#include "podium/search/search_types.h"

namespace podium::eval {

struct ParityCheck {
  bool same = true;
  std::string difference;  // the first difference, for the report; empty when same
};

// Compares the totals, did_you_mean and the top `k` results (ids and order) of two responses.
// Scores are compared too, with a relative tolerance for floating-point summation order: a score
// that differs more shows a statistic computed per shard, even where the order happens to agree.
ParityCheck compare_responses(const search::SearchResponse& expected,
                              const search::SearchResponse& actual, std::size_t k);

}  // namespace podium::eval
