// SPDX-License-Identifier: Apache-2.0
// The importers: one per source format, each turning a CfP tool's or spreadsheet's export into
// speakers and talks of the ingest model. docs/importers.md says which field lands where.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "podium/core/status.h"
#include "podium/import/record_collector.h"

namespace podium::import {

enum class Format { kFrab, kPretalx, kSessionize, kPyvideo, kCsv, kVtt, kSrt };

// "frab", "pretalx", "sessionize", "pyvideo", "csv", "vtt", "srt" -> Format; nullopt for anything
// else.
std::optional<Format> parse_format(std::string_view name);
const char* format_name(Format format);

// One source format. Not thread-safe; one importer per import run.
class Importer {
 public:
  virtual ~Importer() = default;

  // Expands command-line paths into the files this format reads, in a stable order: a file is
  // taken as it is (whatever its name); a directory is walked recursively for the format's files.
  // kIoError names a path that does not exist or cannot be listed.
  virtual Result<std::vector<std::string>> expand(const std::vector<std::string>& paths) const = 0;

  // Reads one file and adds its speakers and talks to `out`. Content that is not what the format
  // promises is reported to `out` (reject/warn) naming the file and the place in it, and the rest
  // of the file still goes in. Returns kIoError only when the file cannot be read.
  virtual Status import_file(const std::string& path, RecordCollector& out) = 0;

  // Called once after the last file, for what is best reported once rather than per file.
  virtual void finish(RecordCollector& /*out*/) {}
};

// frab/pretalx schedule export, JSON (schedule.json) or XML (schedule.xml), told apart by content.
std::unique_ptr<Importer> make_frab_importer();
// pretalx REST API pages: speakers and talks/submissions, in any mix.
std::unique_ptr<Importer> make_pretalx_importer();
// Sessionize "All Data" JSON.
std::unique_ptr<Importer> make_sessionize_importer();
// A pyvideo/data checkout: <event>/category.json + <event>/videos/*.json.
std::unique_ptr<Importer> make_pyvideo_importer();
// A spreadsheet of speakers as CSV with a header row (RFC 4180).
std::unique_ptr<Importer> make_csv_importer();

// The importer of `format`; nullptr for the transcript formats (kVtt, kSrt), which need the talk
// they attach to (podium/import/transcripts.h).
std::unique_ptr<Importer> make_importer(Format format);
// Whether `format` reads a transcript for one talk (--talk) rather than speakers and talks.
bool is_transcript_format(Format format);

// Whether `name` is a speaker field a CSV column can hold (the targets of --map), and the list of
// them for messages.
bool is_csv_field(std::string_view name);
std::string csv_field_list();

}  // namespace podium::import
