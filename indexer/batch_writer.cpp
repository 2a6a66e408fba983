// SPDX-License-Identifier: Apache-2.0
// The batch writer: records go into one Xapian transaction; speaker profile documents, which
// aggregate a speaker's talks, are rebuilt once per batch for the speakers it touched.
//
// Lookups never go to the writable database: reading a term there while the transaction holds
// changes makes Xapian flush pending postings for it. Instead the writer reads a snapshot (the
// last commit, opened read-only) and keeps what the batch itself did in memory, with the
// document ids it wrote.
#include "podium/ingest/batch_writer.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <unordered_map>

#include <unistd.h>
#include <xapian.h>

#include "podium/core/record_json.h"
#include "podium/core/schema.h"
#include "podium/core/stored_records.h"
#include "podium/ingest/document_builder.h"
#include "podium/ingest/shard_layout.h"

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

// What the batch did to one id: the document it now has (0: none) and the record (empty: none,
// or deleted in this batch).
template <typename T>
struct BatchEntry {
  Xapian::docid docid = 0;
  std::optional<T> record;
  SourceRef where;
  std::size_t order = 0;  // input position, so reports follow the input
};

}  // namespace

class BatchWriterImpl {
 public:
  // `in_memory`: the dry run's throwaway index, which has neither transactions nor spelling
  // data (both throw UnimplementedError there).
  // `shards`: the shards of a sharded index, which `db` combines (empty: one database).
  BatchWriterImpl(Xapian::WritableDatabase db, std::vector<Xapian::WritableDatabase> shards,
                  Xapian::Database snapshot, bool in_memory, BatchOptions options,
                  std::function<void(const Diagnostic&)> sink)
      : db_(std::move(db)),
        shards_(std::move(shards)),
        snapshot_(std::move(snapshot)),
        in_transaction_(!in_memory),
        options_(options),
        sink_(std::move(sink)),
        builder_(in_memory ? nullptr : &db_) {
    for (auto& shard : shards_) next_local_docid_.push_back(shard.get_lastdocid() + 1);
    if (!in_memory) {
      const std::string slots = snapshot_.get_metadata(schema::kMetadataFacetSlots);
      facet_slots_ = slots.empty() ? 0 : std::stoul(slots);
    }
  }

  ~BatchWriterImpl() {
    if (finished_ || !in_transaction_) return;
    try {
      db_.cancel_transaction();
    } catch (const Xapian::Error&) {
      // The transaction is discarded with the handle either way.
    }
  }

  Status add(const ParsedRecord& parsed, const SourceRef& where) {
    for (const auto& warning : parsed.warnings) warn(where, "", warning);
    ++input_order_;
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

  void warn(const SourceRef& where, const std::string& field, const std::string& message) {
    ++summary_.warnings;
    if (sink_) sink_(Diagnostic{where, field, message, false});
  }

  Result<BatchSummary> finish() {
    try {
      rebuild_speakers();
      report_undefined_references();
      if (options_.dry_run || (options_.strict && summary_.rejected > 0)) {
        if (in_transaction_) db_.cancel_transaction();
      } else {
        set_metadata_everywhere(schema::kMetadataLastCommit, utc_now_iso8601());
        set_metadata_everywhere(schema::kMetadataBatch, batch_id());
        set_metadata_everywhere(schema::kMetadataFacetSlots, std::to_string(facet_slots_));
        // Sharded: Xapian commits each shard in turn, so this is atomic per shard only.
        db_.commit_transaction();
        summary_.committed = true;
      }
      finished_ = true;
    } catch (const Xapian::Error& e) {
      return Status::io_error("database error: " + e.get_description());
    }
    return summary_;
  }

 private:
  // The snapshot's document for a unique term, if any.
  std::optional<Xapian::docid> in_snapshot(const std::string& unique_term) const {
    Xapian::PostingIterator it = snapshot_.postlist_begin(unique_term);
    if (it == snapshot_.postlist_end(unique_term)) return std::nullopt;
    return *it;
  }

  // The current document of a record: the batch's if it touched the id, else the snapshot's.
  template <typename Map>
  Xapian::docid current_docid(const Map& batch, RecordKind kind, const std::string& id) const {
    if (auto it = batch.find(id); it != batch.end()) return it->second.docid;
    return in_snapshot(schema::unique_term(kind, id)).value_or(0);
  }

  // Writes `doc` as the document of a record, replacing `docid` when it is not 0. In a
  // sharded index the document goes to the shard of `placement_key`; docids are Xapian's
  // global ones (local - 1) * shards + shard + 1, the same the snapshot over the stub uses, so a
  // document is created in shard s by writing the next unused global docid of s.
  Xapian::docid write(Xapian::docid docid, const Xapian::Document& doc,
                      std::string_view placement_key) {
    const auto n = static_cast<Xapian::docid>(shards_.size());
    if (n <= 1) {
      if (docid == 0) return db_.add_document(doc);
      db_.replace_document(docid, doc);
      return docid;
    }
    const auto shard = static_cast<Xapian::docid>(shard_of(placement_key, static_cast<int>(n)));
    if (docid != 0 && (docid - 1) % n == shard) {
      db_.replace_document(docid, doc);
      return docid;
    }
    // New, or its placement changed (a talk whose first speaker changed): move it.
    if (docid != 0) db_.delete_document(docid);
    const Xapian::docid global = (next_local_docid_[shard]++ - 1) * n + shard + 1;
    db_.replace_document(global, doc);
    return global;
  }

  void set_metadata_everywhere(const std::string& key, const std::string& value) {
    if (shards_.empty()) {
      db_.set_metadata(key, value);
      return;
    }
    for (auto& shard : shards_) shard.set_metadata(key, value);
  }

  // Unique enough to tell two batches apart: the time and this process.
  static std::string batch_id() {
    return utc_now_iso8601() + "/" + std::to_string(::getpid()) + "/" +
           std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  }

  std::optional<Talk> current_talk(const std::string& id) const {
    if (auto it = talks_.find(id); it != talks_.end()) return it->second.record;
    if (auto docid = in_snapshot(schema::unique_term(RecordKind::kTalk, id))) {
      Result<Talk> talk = stored_talk(snapshot_.get_document(*docid).get_data());
      if (talk.is_ok()) return std::move(talk).value();
    }
    return std::nullopt;
  }

  // The speaker as the snapshot has it (full self_id included), if any.
  std::optional<Speaker> snapshot_speaker(const std::string& id) const {
    if (auto docid = in_snapshot(schema::unique_term(RecordKind::kSpeaker, id))) {
      Xapian::Document doc = snapshot_.get_document(*docid);
      Result<Speaker> speaker = stored_speaker(doc.get_data(), doc.get_value(schema::kSlotSelfId));
      if (speaker.is_ok()) return std::move(speaker).value();
    }
    return std::nullopt;
  }

  std::optional<Community> current_community(const std::string& id) const {
    if (auto it = communities_.find(id); it != communities_.end()) return it->second.record;
    if (auto docid = in_snapshot(schema::unique_term(RecordKind::kCommunity, id))) {
      Result<Community> community = stored_community(snapshot_.get_document(*docid).get_data());
      if (community.is_ok()) return std::move(community).value();
    }
    return std::nullopt;
  }

  // The batch's entry for a speaker, loaded from the snapshot on first use. Speaker profile
  // documents are written only by rebuild_speakers(), so a non-zero docid is the snapshot's.
  BatchEntry<Speaker>& touch_speaker(const std::string& id) {
    auto [it, inserted] = speakers_.try_emplace(id);
    if (inserted) {
      it->second.record = snapshot_speaker(id);
      it->second.docid = in_snapshot(schema::unique_term(RecordKind::kSpeaker, id)).value_or(0);
    }
    return it->second;
  }

  void apply(const Speaker& speaker, const SourceRef& where) {
    BatchEntry<Speaker>& entry = touch_speaker(speaker.id);
    if (entry.record &&
        to_json(*entry.record, SelfIdOutput::kAlways) == to_json(speaker, SelfIdOutput::kAlways)) {
      ++summary_.unchanged;
      return;
    }
    ++(entry.record ? summary_.replaced : summary_.added);
    entry.record = speaker;
    entry.where = where;
    entry.order = input_order_;
    changed_speakers_.insert(speaker.id);
    affected_speakers_.insert(speaker.id);
  }

  void apply(const Talk& talk, const SourceRef& where) {
    const std::optional<Talk> previous = current_talk(talk.id);
    if (previous && to_json(*previous) == to_json(talk)) {
      ++summary_.unchanged;
      return;
    }
    ++(previous ? summary_.replaced : summary_.added);
    if (previous) affected_speakers_.insert(previous->speakers.begin(), previous->speakers.end());
    affected_speakers_.insert(talk.speakers.begin(), talk.speakers.end());
    const Xapian::docid docid = current_docid(talks_, RecordKind::kTalk, talk.id);
    talks_[talk.id] = {write(docid, builder_.talk(talk), talk_placement_key(talk)), talk, where,
                       input_order_};
  }

  void apply(const Community& community, const SourceRef& where) {
    const std::optional<Community> previous = current_community(community.id);
    if (previous && to_json(*previous) == to_json(community)) {
      ++summary_.unchanged;
      return;
    }
    ++(previous ? summary_.replaced : summary_.added);
    const Xapian::docid docid = current_docid(communities_, RecordKind::kCommunity, community.id);
    communities_[community.id] = {
        write(docid, builder_.community(community), "community:" + community.id), community, where,
        input_order_};
  }

  void apply(const Deletion& deletion, const SourceRef& where) {
    bool existed = false;
    Xapian::docid docid = 0;
    switch (deletion.kind) {
      case RecordKind::kSpeaker: {
        BatchEntry<Speaker>& entry = touch_speaker(deletion.id);
        existed = entry.record.has_value();
        docid = entry.docid;
        entry = {0, std::nullopt, where, input_order_};
        break;
      }
      case RecordKind::kTalk: {
        const std::optional<Talk> previous = current_talk(deletion.id);
        existed = previous.has_value();
        if (previous) {
          affected_speakers_.insert(previous->speakers.begin(), previous->speakers.end());
        }
        docid = current_docid(talks_, RecordKind::kTalk, deletion.id);
        talks_[deletion.id] = {0, std::nullopt, where, input_order_};
        break;
      }
      case RecordKind::kCommunity:
        existed = current_community(deletion.id).has_value();
        docid = current_docid(communities_, RecordKind::kCommunity, deletion.id);
        communities_[deletion.id] = {0, std::nullopt, where, input_order_};
        break;
    }
    if (!existed) {
      warn(where, "id",
           std::string("nothing to delete: no ") + record_kind_name(deletion.kind) + " '" +
               deletion.id + "'");
      return;
    }
    if (docid != 0) db_.delete_document(docid);
    ++summary_.deleted;
  }

  // Every talk naming `speaker_id` as the batch leaves the index.
  std::vector<Talk> talks_of(const std::string& speaker_id,
                             const std::multimap<std::string, const Talk*>& batch_by_speaker) {
    std::vector<Talk> out;
    const std::string term = schema::speaker_term(speaker_id);
    for (auto it = snapshot_.postlist_begin(term); it != snapshot_.postlist_end(term); ++it) {
      Xapian::Document doc = snapshot_.get_document(*it);
      if (talks_.contains(doc.get_value(schema::kSlotId))) continue;  // the batch's version wins
      Result<Talk> talk = stored_talk(doc.get_data());
      if (talk.is_ok()) out.push_back(std::move(talk).value());
    }
    auto [first, last] = batch_by_speaker.equal_range(speaker_id);
    for (auto it = first; it != last; ++it) out.push_back(*it->second);
    return out;
  }

  void rebuild_speakers() {
    std::multimap<std::string, const Talk*> batch_by_speaker;
    for (const auto& [id, entry] : talks_) {
      if (!entry.record) continue;
      for (const auto& speaker : entry.record->speakers) {
        batch_by_speaker.emplace(speaker, &*entry.record);
      }
    }
    for (const auto& id : affected_speakers_) {
      BatchEntry<Speaker>& entry = touch_speaker(id);
      if (!entry.record) continue;  // talks name a speaker not (yet) defined: reported below
      Xapian::Document doc = builder_.speaker(*entry.record, talks_of(id, batch_by_speaker));
      if (entry.docid != 0 &&
          snapshot_.get_document(entry.docid).get_value(schema::kSlotFingerprint) ==
              doc.get_value(schema::kSlotFingerprint)) {
        continue;
      }
      count_facet_slots(doc);
      entry.docid = write(entry.docid, doc, id);
    }
  }

  // A talk lives with its first speaker (docs/scaling.md, "Partitioning").
  static std::string talk_placement_key(const Talk& talk) {
    return talk.speakers.empty() ? "talk:" + talk.id : talk.speakers.front();
  }

  // Keeps kMetadataFacetSlots at least the number of positional facet slots any speaker uses.
  void count_facet_slots(const Xapian::Document& doc) {
    for (auto it = doc.values_begin(); it != doc.values_end(); ++it) {
      if (it.get_valueno() >= schema::kSlotFacetPosition0) {
        facet_slots_ =
            std::max<std::size_t>(facet_slots_, it.get_valueno() - schema::kSlotFacetPosition0 + 1);
      }
    }
  }

  bool speaker_defined(const std::string& id) const {
    if (auto it = speakers_.find(id); it != speakers_.end()) return it->second.record.has_value();
    return in_snapshot(schema::unique_term(RecordKind::kSpeaker, id)).has_value();
  }

  void report_undefined_references() {
    std::vector<const BatchEntry<Talk>*> talks;
    for (const auto& [id, entry] : talks_) {
      if (entry.record) talks.push_back(&entry);
    }
    std::sort(talks.begin(), talks.end(),
              [](const auto* a, const auto* b) { return a->order < b->order; });
    for (const auto* entry : talks) {
      const auto& speakers = entry->record->speakers;
      for (std::size_t i = 0; i < speakers.size(); ++i) {
        if (!speaker_defined(speakers[i])) {
          warn(entry->where, "speakers[" + std::to_string(i) + "]",
               "speaker '" + speakers[i] +
                   "' is not defined; the talk is kept and attaches when the speaker arrives");
        }
      }
    }
    std::vector<const BatchEntry<Speaker>*> speakers;
    for (const auto& id : changed_speakers_) {
      const BatchEntry<Speaker>& entry = speakers_.at(id);
      if (entry.record) speakers.push_back(&entry);
    }
    std::sort(speakers.begin(), speakers.end(),
              [](const auto* a, const auto* b) { return a->order < b->order; });
    for (const auto* entry : speakers) {
      const auto& communities = entry->record->communities;
      for (std::size_t i = 0; i < communities.size(); ++i) {
        if (!current_community(communities[i])) {
          warn(entry->where, "communities[" + std::to_string(i) + "]",
               "community '" + communities[i] + "' is not defined");
        }
      }
    }
  }

  Xapian::WritableDatabase db_;
  std::vector<Xapian::WritableDatabase> shards_;  // what db_ combines, when sharded
  std::vector<Xapian::docid> next_local_docid_;   // per shard
  std::size_t facet_slots_ = 0;
  Xapian::Database snapshot_;
  bool in_transaction_;  // false only for the dry run's in-memory index
  BatchOptions options_;
  std::function<void(const Diagnostic&)> sink_;
  DocumentBuilder builder_;
  BatchSummary summary_;
  bool finished_ = false;
  std::size_t input_order_ = 0;
  // What this batch did, by id.
  std::map<std::string, BatchEntry<Speaker>> speakers_;
  std::set<std::string> changed_speakers_;  // speaker records this batch wrote
  std::unordered_map<std::string, BatchEntry<Talk>> talks_;
  std::map<std::string, BatchEntry<Community>> communities_;
  std::set<std::string> affected_speakers_;
};

namespace {

// Shards whose last batch differs were left by a crash between shard commits. Writing goes on
// (the new batch commits everywhere); the warning says how to complete the interrupted batch.
Status check_shards_agree(const std::vector<std::string>& shard_paths, const std::string& db_dir,
                          const std::function<void(const Diagnostic&)>& sink) {
  std::set<std::string> batches;
  for (const auto& path : shard_paths) {
    batches.insert(Xapian::Database(path).get_metadata(schema::kMetadataBatch));
  }
  if (batches.size() > 1 && sink) {
    sink(Diagnostic{{db_dir, 0},
                    "shards",
                    "the shards disagree about the last batch (a batch was interrupted between "
                    "shard commits); re-run that batch to complete it",
                    false});
  }
  return Status::ok();
}

}  // namespace

BatchWriter::BatchWriter(std::unique_ptr<BatchWriterImpl> impl) : impl_(std::move(impl)) {}
BatchWriter::~BatchWriter() = default;

Result<std::unique_ptr<BatchWriter>> BatchWriter::open(
    const std::string& db_dir, BatchOptions options, std::function<void(const Diagnostic&)> sink) {
  try {
    Xapian::WritableDatabase db;
    std::vector<Xapian::WritableDatabase> shards;
    Xapian::Database snapshot;  // no sub-databases: an empty index
    std::error_code ec;
    bool in_memory = false;
    if (options.dry_run && !std::filesystem::exists(db_dir, ec)) {
      // A dry run must not create anything: validate against an empty in-memory index. It is
      // thrown away, so it needs no transaction (that backend has none) and no spelling data.
      // Pinned by BatchWriter.DryRunCreatesNoDatabase.
      db = Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
      in_memory = true;
    } else {
      Result<ShardLayout> layout = options.dry_run ? detect_shard_layout(db_dir)
                                                   : prepare_shard_layout(db_dir, options.shards);
      if (!layout.is_ok()) return layout.status();
      if (layout->shards == 0) {
        db = Xapian::WritableDatabase(db_dir, Xapian::DB_CREATE_OR_OPEN);
      } else {
        // One handle per shard (each takes its shard's write lock), combined into one.
        for (const auto& path : layout->shard_paths) {
          shards.emplace_back(path, Xapian::DB_CREATE_OR_OPEN);
          db.add_database(shards.back());
        }
      }
      // Opened after the write locks are held, so no other writer can commit in between.
      snapshot = Xapian::Database(db_dir);
      if (Status agreed = check_shards_agree(layout->shard_paths, db_dir, sink); !agreed.is_ok()) {
        return agreed;
      }
      // Inside a transaction Xapian does not auto-commit every XAPIAN_FLUSH_THRESHOLD changes,
      // which is what makes a large batch atomic.
      db.begin_transaction(true);
    }
    return std::unique_ptr<BatchWriter>(new BatchWriter(
        std::make_unique<BatchWriterImpl>(std::move(db), std::move(shards), std::move(snapshot),
                                          in_memory, options, std::move(sink))));
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
