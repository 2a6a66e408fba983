// SPDX-License-Identifier: Apache-2.0
// SYNTHETIC self-identification for measuring diversity re-ranking (RANKING.md §4.2): each
// speaker record of a corpus gets, at random from a seed, an opt-in self_id with a gender drawn
// from a fixed distribution and a consent level (public or ranking). Nothing is inferred from a
// name, a photo, pronouns or any other field: the draw depends only on the seed and the
// speaker's id. The output describes no real person and must never be shown as if it did.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "podium/core/status.h"

namespace podium::eval {

struct SynthOptions {
  std::uint64_t seed = 1;
  std::string in_path;        // ingest-format .jsonl or .jsonl.gz
  std::string out_path;       // .jsonl: every input record, speakers with a synthetic self_id
  double opt_in = 0.7;        // share of speakers who self-identify at all
  double public_share = 0.3;  // of those, share with consent "public" (the rest "ranking")
  // Gender distribution among those who self-identify; weights sum to 1.
  std::vector<std::pair<std::string, double>> genders = {
      {"woman", 0.30}, {"man", 0.55}, {"non-binary", 0.10}, {"genderqueer", 0.05}};
};

struct SynthSummary {
  std::size_t records = 0;
  std::size_t speakers = 0;
  std::size_t self_identified = 0;
  std::size_t women_plus = 0;  // self_id.gender in the shipped "women+" set
};

// A uniform number in [0, 1) from the seed, a speaker id and a purpose ("opt-in", "gender",
// "consent"), so draws are independent of record order and of each other.
double synthetic_draw(std::uint64_t seed, const std::string& speaker_id, const std::string& what);

// Writes options.out_path; a speaker's existing self_id is replaced (or removed when the draw
// says the speaker does not opt in). kIoError / kInvalidArgument naming the file and line.
Result<SynthSummary> write_synthetic_attributes(const SynthOptions& options);

}  // namespace podium::eval
