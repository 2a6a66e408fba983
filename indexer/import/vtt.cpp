// SPDX-License-Identifier: Apache-2.0
// WebVTT (https://www.w3.org/TR/webvtt1/) cues as a talk transcript: `--from vtt`.
#include <string>

#include "podium/import/transcripts.h"

#include "cue_parser.h"

namespace podium::import {
namespace {

// Whether a block starts with `keyword` as a word ("NOTE", "NOTE this", not "NOTES").
bool starts_with_keyword(std::string_view line, std::string_view keyword) {
  return line.substr(0, keyword.size()) == keyword &&
         (line.size() == keyword.size() || line[keyword.size()] == ' ' ||
          line[keyword.size()] == '\t');
}

}  // namespace

CueParse parse_webvtt(std::string_view text) {
  CueParse out;
  const std::vector<cues::Block> blocks = cues::split_blocks(text);
  if (blocks.empty() || blocks[0].first_line != 1 ||
      !starts_with_keyword(cues::trim(blocks[0].lines[0]), "WEBVTT")) {
    out.error = "not a WebVTT file: it does not start with \"WEBVTT\"";
    return out;
  }
  double previous_start = 0;
  // blocks[0] is the header ("WEBVTT" and any header lines).
  for (std::size_t b = 1; b < blocks.size(); ++b) {
    const cues::Block& block = blocks[b];
    const std::string_view head = cues::trim(block.lines[0]);
    if (starts_with_keyword(head, "NOTE") || starts_with_keyword(head, "STYLE") ||
        starts_with_keyword(head, "REGION")) {
      continue;
    }
    // An optional cue id comes before the timing.
    std::size_t timing_at = head.find("-->") != std::string_view::npos ? 0 : 1;
    if (timing_at == 1 &&
        (block.lines.size() < 2 || block.lines[1].find("-->") == std::string_view::npos)) {
      const std::size_t at = block.lines.size() < 2 ? 0 : 1;
      out.error_line = block.first_line + at;
      out.error = "expected a cue timing such as \"00:01.000 --> 00:04.000\", got " +
                  cues::quoted(block.lines[at]);
      return out;
    }
    if (!cues::read_cue(block, timing_at, true, ".", previous_start, out)) return out;
  }
  return out;
}

}  // namespace podium::import
