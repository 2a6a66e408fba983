// SPDX-License-Identifier: Apache-2.0
// What WebVTT and SubRip files share: lines and blank-line separated blocks, cue timings and cue
// text with its markup removed. Used by vtt.cpp and srt.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "podium/import/transcripts.h"

namespace podium::import::cues {

// A run of non-blank lines; `first_line` is the 1-based line number of lines[0].
struct Block {
  std::size_t first_line = 0;
  std::vector<std::string_view> lines;
};

// Splits text (a leading UTF-8 byte order mark dropped; LF, CRLF or CR line ends) into blocks
// separated by blank (or white-space-only) lines.
std::vector<Block> split_blocks(std::string_view text);

struct Timing {
  double start = 0;
  double end = 0;
};

// A timestamp: `[hh:]mm:ss<sep>ttt` (hours required unless `hours_optional`), `sep` one of
// `separators`. nullopt when malformed.
std::optional<double> parse_timestamp(std::string_view text, bool hours_optional,
                                      std::string_view separators);

// A cue timing line "<start> --> <end>[ settings]"; nullopt when malformed.
std::optional<Timing> parse_timing(std::string_view line, bool hours_optional,
                                   std::string_view separators);

// Cue text lines as one line of plain text: tags (`<v Speaker>`, `<i>`, `{\an8}`) removed, the
// common character references decoded, white space collapsed. May be empty.
std::string cue_text(const std::vector<std::string_view>& lines, std::size_t first);

// Reads the cue of `block` whose timing line is block.lines[timing_at] into `out`: the timing must
// be well formed, not end before it starts and not start before the cue above it
// (`previous_start`, moved on). Cue text that is empty after markup removal adds no cue. On an
// error, out.error and out.error_line are set and false is returned.
bool read_cue(const Block& block, std::size_t timing_at, bool hours_optional,
              std::string_view separators, double& previous_start, CueParse& out);

std::string_view trim(std::string_view text);

// A line as quoted in a message: trimmed, in double quotes, cut after 80 bytes.
std::string quoted(std::string_view line);

}  // namespace podium::import::cues
