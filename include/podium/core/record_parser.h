// SPDX-License-Identifier: Apache-2.0
// Parses and validates one line of the ingest format into a Record. Every rule of
// docs/ingest-format.md is checked here, so the indexer, the HTTP admin API and the importers
// share one definition of "valid".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "podium/core/records.h"
#include "podium/core/status.h"

namespace podium {

// Limits on one input line, on top of the per-field limits of the format.
inline constexpr std::size_t kMaxLineBytes = 4 * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 32;

struct ParsedRecord {
  Record record;
  // Things that did not stop the record from going in, e.g. an unknown field that was ignored.
  std::vector<std::string> warnings;
};

// Whether JSON text nests arrays/objects deeper than `max_depth`, found by a scan before any
// parser sees it, so hostile input cannot make a recursive walk of the document run deep.
bool json_nesting_exceeds(std::string_view text, int max_depth);

// Parses one JSON Lines record. On failure the Status is kInvalidArgument; its field() names
// the offending field ("location.country", "speakers[2]") or is empty when the line as a whole
// is bad (not JSON, too long, too deep). Thread-safe.
Result<ParsedRecord> parse_record(std::string_view line);

// Parses a speaker's self_id object alone (JSON text), by the same rules as in a record.
Result<SelfId> parse_self_id(std::string_view text);

}  // namespace podium
