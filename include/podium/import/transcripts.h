// SPDX-License-Identifier: Apache-2.0
// Transcripts from subtitle files: WebVTT (`--from vtt`) and SubRip (`--from srt`) cues parsed into
// the ingest model's TranscriptCue list, and attached to a talk that is already in the index.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "podium/core/records.h"
#include "podium/core/status.h"
#include "podium/import/importers.h"

namespace podium::import {

// What a subtitle file holds, or where it went wrong. `line` is 1-based; 0 when the whole file is
// wrong (not the format it claims), and then `message` says so in one line.
struct CueParse {
  std::vector<TranscriptCue> cues;
  std::size_t error_line = 0;
  std::string error;  // empty when the file parsed
  bool ok() const { return error.empty(); }
};

// WebVTT: "WEBVTT" header, cues `[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt` with optional ids; NOTE,
// STYLE and REGION blocks are skipped, tags (`<v Speaker>`, `<i>`) stripped, entities decoded.
CueParse parse_webvtt(std::string_view text);
// SubRip: numbered cues, `hh:mm:ss,ttt --> hh:mm:ss,ttt`, tags stripped.
CueParse parse_srt(std::string_view text);

// The talk `talk_id` as stored in the index at `db_dir` (opened read-only). kNotFound when there
// is no such talk; kIoError when the index cannot be opened or read.
Result<Talk> load_indexed_talk(const std::string& db_dir, const std::string& talk_id);

// Importers for --from vtt / srt: the one file given becomes `talk`'s transcript (replacing any it
// had), and the whole talk record is added to the collector. A malformed file is one rejected item
// naming the file and line.
std::unique_ptr<Importer> make_vtt_importer(Talk talk);
std::unique_ptr<Importer> make_srt_importer(Talk talk);

}  // namespace podium::import
