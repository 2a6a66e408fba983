// SPDX-License-Identifier: Apache-2.0
// SubRip (.srt) cues as a talk transcript: `--from srt`.
#include <string>

#include "podium/import/transcripts.h"

#include "cue_parser.h"

namespace podium::import {
namespace {

bool is_number(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

CueParse parse_srt(std::string_view text) {
  CueParse out;
  const std::vector<cues::Block> blocks = cues::split_blocks(text);
  if (blocks.empty()) {
    out.error = "not an SRT file: it holds no cues";
    return out;
  }
  double previous_start = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const cues::Block& block = blocks[b];
    // "12" (the cue number), then the timing; files without numbers are read too.
    const bool numbered = is_number(cues::trim(block.lines[0]));
    const std::size_t timing_at = numbered ? 1 : 0;
    const bool has_timing = timing_at < block.lines.size() &&
                            block.lines[timing_at].find("-->") != std::string_view::npos;
    if (!has_timing) {
      if (b == 0) {
        out.error =
            "not an SRT file: it does not start with a numbered cue such as \"1\" and "
            "\"00:00:01,000 --> 00:00:04,000\"";
        return out;
      }
      const std::size_t at = std::min(timing_at, block.lines.size() - 1);
      out.error_line = block.first_line + at;
      out.error = (numbered ? "expected a cue timing such as \"00:00:01,000 --> 00:00:04,000\", "
                              "got "
                            : "expected a cue number, got ") +
                  cues::quoted(block.lines[at]);
      return out;
    }
    // SRT writes a comma before the milliseconds; a dot is common enough to accept.
    if (!cues::read_cue(block, timing_at, false, ",.", previous_start, out)) return out;
  }
  return out;
}

}  // namespace podium::import
