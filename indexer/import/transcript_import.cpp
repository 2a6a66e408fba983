// SPDX-License-Identifier: Apache-2.0
// `--from vtt` / `--from srt`: a subtitle file becomes the transcript of a talk already in the
// index. The talk is read back from the index and goes in again whole, through parse_record() and
// the batch writer like any other imported record.
#include <utility>

#include <xapian.h>

#include "podium/core/schema.h"
#include "podium/core/stored_records.h"
#include "podium/import/transcripts.h"

#include "import_util.h"

namespace podium::import {

Result<Talk> load_indexed_talk(const std::string& db_dir, const std::string& talk_id) {
  try {
    Xapian::Database db(db_dir);
    const std::string term = schema::unique_term(RecordKind::kTalk, talk_id);
    Xapian::PostingIterator it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) {
      return Status::not_found("no talk with id \"" + talk_id + "\" in the index " + db_dir);
    }
    Result<Talk> talk = stored_talk(db.get_document(*it).get_data());
    if (!talk.is_ok())
      return Status::io_error("talk \"" + talk_id + "\": " + talk.status().message());
    return talk;
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::io_error("cannot open the index " + db_dir + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::io_error("cannot read the index " + db_dir + ": " + e.get_description());
  }
}

namespace {

using CueParser = CueParse (*)(std::string_view);

class TranscriptImporter : public Importer {
 public:
  TranscriptImporter(Talk talk, CueParser parse, std::string_view extension)
      : talk_(std::move(talk)), parse_(parse), extension_(extension) {}

  Result<std::vector<std::string>> expand(const std::vector<std::string>& paths) const override {
    return expand_paths(paths, {extension_});
  }

  Status import_file(const std::string& path, RecordCollector& out) override {
    if (attached_) {
      out.reject({path, 0, ""}, "a talk has one transcript: give one file per import (talk \"" +
                                    talk_.id + "\" takes the first)");
      return Status::ok();
    }
    Result<std::optional<std::string>> text = read_input(path, out);
    if (!text.is_ok()) return text.status();
    if (!*text) return Status::ok();
    CueParse parsed = parse_(**text);
    if (!parsed.ok()) {
      out.reject({path, parsed.error_line, ""}, parsed.error);
      return Status::ok();
    }
    if (parsed.cues.empty()) {
      out.reject({path, 0, ""}, "the file has no cues with text");
      return Status::ok();
    }
    Talk talk = talk_;
    talk.transcript = std::move(parsed.cues);
    out.add_talk(std::move(talk), {path, 0, ""});
    attached_ = true;
    return Status::ok();
  }

 private:
  Talk talk_;
  CueParser parse_;
  std::string_view extension_;
  bool attached_ = false;
};

}  // namespace

std::unique_ptr<Importer> make_vtt_importer(Talk talk) {
  return std::make_unique<TranscriptImporter>(std::move(talk), parse_webvtt, ".vtt");
}

std::unique_ptr<Importer> make_srt_importer(Talk talk) {
  return std::make_unique<TranscriptImporter>(std::move(talk), parse_srt, ".srt");
}

}  // namespace podium::import
