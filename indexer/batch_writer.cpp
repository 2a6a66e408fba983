// SPDX-License-Identifier: Apache-2.0
// The batch writer: records go into one Xapian transaction; speaker profile documents, which
// aggregate a speaker's talks, are rebuilt once per batch for the speakers it touched.
#include "podium/ingest/batch_writer.h"

#include <ctime>
#include <filesystem>

#include <xapian.h>

#include "podium/core/record_json.h"
#include "podium/core/schema.h"
#include "podium/core/stored_records.h"
#include "podium/ingest/document_builder.h"

namespace podium::ingest {

std::string Diagnostic::to_string() const {
  std::string out = where.file;
  if (where.line > 0) out += ":" + std::to_string(where.line);
  out += ": ";
  if (!is_error) out += "warning: ";
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

namespace {

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

class BatchWriterImpl {
 public:
  BatchWriterImpl(Xapian::WritableDatabase db, BatchOptions options,
                  std::function<void(const Diagnostic&)> sink)
      : db_(std::move(db)), options_(options), sink_(std::move(sink)), builder_(&db_) {}

  Status add(const ParsedRecord& parsed, const SourceRef& where) {
    for (const auto& warning : parsed.warnings) warn(where, "", warning);
    try {
      std::visit([&](const auto& record) { apply(record, where); }, parsed.record);
    } catch (const Xapian::Error& e) {
      return Status::io_error("database error: " + e.get_description());
    }
    return Status::ok();
  }

  void reject(const SourceRef& where, const Status& why) {
    ++summary_.rejected;
    if (sink_) sink_(Diagnostic{where, why.field(), why.message(), true});
  }

  Result<BatchSummary> finish() {
    try {
      rebuild_speakers();
      report_undefined_references();
      if (options_.dry_run || (options_.strict && summary_.rejected > 0)) {
        db_.cancel_transaction();
      } else {
        db_.set_metadata(schema::kMetadataLastCommit, utc_now_iso8601());
        db_.commit_transaction();
        summary_.committed = true;
      }
      finished_ = true;
    } catch (const Xapian::Error& e) {
      return Status::io_error("database error: " + e.get_description());
    }
    return summary_;
  }

  ~BatchWriterImpl() {
    if (finished_) return;
    try {
      db_.cancel_transaction();
    } catch (const Xapian::Error&) {
      // The transaction is discarded with the handle either way.
    }
  }

  void warn(const SourceRef& where, const std::string& field, const std::string& message) {
    ++summary_.warnings;
    if (sink_) sink_(Diagnostic{where, field, message, false});
  }

 private:
  std::optional<Xapian::docid> find(const std::string& unique_term) {
    Xapian::PostingIterator it = db_.postlist_begin(unique_term);
    if (it == db_.postlist_end(unique_term)) return std::nullopt;
    return *it;
  }

  std::vector<std::string> speakers_of_stored_talk(Xapian::docid docid) {
    std::vector<std::string> out;
    const std::string joined = db_.get_document(docid).get_value(schema::kSlotSpeakers);
    std::size_t start = 0;
    while (start < joined.size()) {
      std::size_t end = joined.find('\n', start);
      if (end == std::string::npos) end = joined.size();
      out.push_back(joined.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  // The speaker as stored (full self_id included), if any.
  std::optional<Speaker> stored_speaker_record(const std::string& id) {
    auto docid = find(schema::unique_term(RecordKind::kSpeaker, id));
    if (!docid) return std::nullopt;
    Xapian::Document doc = db_.get_document(*docid);
    Result<Speaker> speaker = stored_speaker(doc.get_data(), doc.get_value(schema::kSlotSelfId));
    if (!speaker.is_ok()) return std::nullopt;
    return std::move(speaker).value();
  }

  bool speaker_exists(const std::string& id) {
    if (pending_speakers_.contains(id)) return true;
    if (deleted_speakers_.contains(id)) return false;
    return find(schema::unique_term(RecordKind::kSpeaker, id)).has_value();
  }

  void apply(const Speaker& speaker, const SourceRef& where) {
    const std::string full = to_json(speaker, SelfIdOutput::kAlways).dump();
    std::optional<std::string> previous;
    if (auto it = pending_speakers_.find(speaker.id); it != pending_speakers_.end()) {
      previous = to_json(it->second, SelfIdOutput::kAlways).dump();
    } else if (!deleted_speakers_.contains(speaker.id)) {
      if (auto stored = stored_speaker_record(speaker.id)) {
        previous = to_json(*stored, SelfIdOutput::kAlways).dump();
      }
    }
    if (previous && *previous == full) {
      ++summary_.unchanged;
      return;
    }
    ++(previous ? summary_.replaced : summary_.added);
    pending_speakers_[speaker.id] = speaker;
    deleted_speakers_.erase(speaker.id);
    affected_speakers_.insert(speaker.id);
    batch_speakers_[speaker.id] = where;
  }

  void apply(const Talk& talk, const SourceRef& where) {
    const std::string term = schema::unique_term(RecordKind::kTalk, talk.id);
    const std::string data = to_json(talk).dump();
    batch_talks_[talk.id] = where;
    if (auto docid = find(term)) {
      if (db_.get_document(*docid).get_data() == data) {
        ++summary_.unchanged;
        return;
      }
      for (auto& id : speakers_of_stored_talk(*docid)) affected_speakers_.insert(std::move(id));
      ++summary_.replaced;
    } else {
      ++summary_.added;
    }
    for (const auto& id : talk.speakers) affected_speakers_.insert(id);
    db_.replace_document(term, builder_.talk(talk));
  }

  void apply(const Community& community, const SourceRef&) {
    const std::string term = schema::unique_term(RecordKind::kCommunity, community.id);
    const std::string data = to_json(community).dump();
    if (auto docid = find(term)) {
      if (db_.get_document(*docid).get_data() == data) {
        ++summary_.unchanged;
        return;
      }
      ++summary_.replaced;
    } else {
      ++summary_.added;
    }
    db_.replace_document(term, builder_.community(community));
  }

  void apply(const Deletion& deletion, const SourceRef& where) {
    const std::string term = schema::unique_term(deletion.kind, deletion.id);
    bool existed = false;
    if (deletion.kind == RecordKind::kSpeaker) {
      existed = speaker_exists(deletion.id);
      pending_speakers_.erase(deletion.id);
      deleted_speakers_.insert(deletion.id);
      batch_speakers_.erase(deletion.id);
    } else if (auto docid = find(term)) {
      existed = true;
      if (deletion.kind == RecordKind::kTalk) {
        for (auto& id : speakers_of_stored_talk(*docid)) affected_speakers_.insert(std::move(id));
        batch_talks_.erase(deletion.id);
      }
    }
    if (!existed) {
      warn(where, "id",
           std::string("nothing to delete: no ") + record_kind_name(deletion.kind) + " '" +
               deletion.id + "'");
      return;
    }
    if (find(term)) db_.delete_document(term);
    ++summary_.deleted;
  }

  void rebuild_speakers() {
    for (const auto& id : affected_speakers_) {
      if (deleted_speakers_.contains(id)) continue;
      std::optional<Speaker> speaker;
      if (auto it = pending_speakers_.find(id); it != pending_speakers_.end()) {
        speaker = it->second;
      } else {
        speaker = stored_speaker_record(id);
      }
      if (!speaker) continue;  // talks name a speaker not (yet) defined: reported below
      std::vector<Talk> talks;
      const std::string talk_term = schema::speaker_term(id);
      for (auto it = db_.postlist_begin(talk_term); it != db_.postlist_end(talk_term); ++it) {
        Result<Talk> talk = stored_talk(db_.get_document(*it).get_data());
        if (talk.is_ok()) talks.push_back(std::move(talk).value());
      }
      Xapian::Document doc = builder_.speaker(*speaker, talks);
      const std::string term = schema::unique_term(RecordKind::kSpeaker, id);
      if (auto docid = find(term)) {
        if (db_.get_document(*docid).get_value(schema::kSlotFingerprint) ==
            doc.get_value(schema::kSlotFingerprint)) {
          continue;
        }
      }
      db_.replace_document(term, doc);
    }
  }

  void report_undefined_references() {
    for (const auto& [talk_id, where] : batch_talks_) {
      auto docid = find(schema::unique_term(RecordKind::kTalk, talk_id));
      if (!docid) continue;
      const std::vector<std::string> speakers = speakers_of_stored_talk(*docid);
      for (std::size_t i = 0; i < speakers.size(); ++i) {
        if (!find(schema::unique_term(RecordKind::kSpeaker, speakers[i]))) {
          warn(where, "speakers[" + std::to_string(i) + "]",
               "speaker '" + speakers[i] +
                   "' is not defined; the talk is kept and attaches when the speaker arrives");
        }
      }
    }
    for (const auto& [id, where] : batch_speakers_) {
      const Speaker& speaker = pending_speakers_.at(id);
      for (std::size_t i = 0; i < speaker.communities.size(); ++i) {
        if (!find(schema::unique_term(RecordKind::kCommunity, speaker.communities[i]))) {
          warn(where, "communities[" + std::to_string(i) + "]",
               "community '" + speaker.communities[i] + "' is not defined");
        }
      }
    }
  }

  Xapian::WritableDatabase db_;
  BatchOptions options_;
  std::function<void(const Diagnostic&)> sink_;
  DocumentBuilder builder_;
  BatchSummary summary_;
  bool finished_ = false;
  std::map<std::string, Speaker> pending_speakers_;
  std::set<std::string> deleted_speakers_;
  std::set<std::string> affected_speakers_;
  std::map<std::string, SourceRef> batch_speakers_;
  std::map<std::string, SourceRef> batch_talks_;
};

BatchWriter::BatchWriter(std::unique_ptr<BatchWriterImpl> impl) : impl_(std::move(impl)) {}
BatchWriter::~BatchWriter() = default;

Result<std::unique_ptr<BatchWriter>> BatchWriter::open(
    const std::string& db_dir, BatchOptions options, std::function<void(const Diagnostic&)> sink) {
  try {
    Xapian::WritableDatabase db;
    std::error_code ec;
    if (options.dry_run && !std::filesystem::exists(db_dir, ec)) {
      // A dry run must not create anything: validate against an empty in-memory index.
      db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    } else {
      db = Xapian::WritableDatabase(db_dir, Xapian::DB_CREATE_OR_OPEN);
    }
    // Inside a transaction Xapian does not auto-commit every XAPIAN_FLUSH_THRESHOLD changes,
    // which is what makes a large batch atomic.
    db.begin_transaction(true);
    return std::unique_ptr<BatchWriter>(new BatchWriter(
        std::make_unique<BatchWriterImpl>(std::move(db), options, std::move(sink))));
  } catch (const Xapian::DatabaseLockError& e) {
    return Status(StatusCode::kConflict,
                  db_dir + ": another writer is updating this index (" + e.get_msg() + ")");
  } catch (const Xapian::Error& e) {
    return Status::io_error(db_dir + ": cannot open the index for writing: " + e.get_description());
  }
}

Status BatchWriter::add(const ParsedRecord& parsed, const SourceRef& where) {
  return impl_->add(parsed, where);
}
void BatchWriter::reject(const SourceRef& where, const Status& why) { impl_->reject(where, why); }
void BatchWriter::warn(const SourceRef& where, const std::string& message) {
  impl_->warn(where, "", message);
}
Result<BatchSummary> BatchWriter::finish() { return impl_->finish(); }

}  // namespace podium::ingest
