// SPDX-License-Identifier: Apache-2.0
// The Index facade: argument checks, the handle pool, and Xapian errors turned into Status.
#include "podium/search/index.h"

#include <chrono>
#include <filesystem>

#include <xapian.h>

#include "database_pool.h"
#include "lineup.h"
#include "records_lookup.h"
#include "shard_set.h"
#include "similar_speakers.h"
#include "speaker_search.h"
#include "synonyms.h"

namespace podium::search {
namespace {

// Runs `work(lease)` on a pooled handle. A reader pinned to an old revision can get
// DatabaseModifiedError once a writer has committed twice more; reopen and retry (Xapian's
// documented remedy), since a search that yields the CPU to the write thread
// (ServerOptions::worker_nice) can see several small batches commit while it runs. A remote shard
// that failed leaves the handle unusable, so it is dropped and the next request connects afresh.
template <typename Work>
auto with_lease(DatabasePool& pool, Work work)
    -> decltype(work(std::declval<DatabasePool::Lease&>())) {
  // At least five attempts, and more while under two seconds: a burst of small commits ends,
  // and a request that waited for it still beats an error. Reopening can itself meet a revision
  // discarded under it, so it is inside the attempt.
  constexpr int kMinAttempts = 5;
  constexpr auto kRetryBudget = std::chrono::seconds(2);
  const auto start = std::chrono::steady_clock::now();
  try {
    for (int attempt = 1;; ++attempt) {
      try {
        DatabasePool::Lease lease = pool.acquire();
        try {
          if (attempt > 1) lease.reopen();
          return work(lease);
        } catch (const Xapian::NetworkError&) {
          lease.discard();
          throw;
        }
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt >= kMinAttempts && std::chrono::steady_clock::now() - start > kRetryBudget) {
          return Status(StatusCode::kUnavailable,
                        "the index changed faster than this request could read it; retry");
        }
      }
    }
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status(StatusCode::kUnavailable, "the index cannot be opened: " + e.get_msg());
  } catch (const Xapian::NetworkError& e) {
    return Status(StatusCode::kUnavailable, "a shard did not answer: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::internal("index error: " + e.get_description());
  }
}

template <typename Work>
auto with_database(DatabasePool& pool, Work work)
    -> decltype(work(std::declval<Xapian::Database&>())) {
  return with_lease(pool, [&](DatabasePool::Lease& lease) { return work(lease.db()); });
}

}  // namespace

const char* const kSpeakerFilterFields[8] = {"lang",   "country",   "city",  "remote",
                                             "format", "community", "topic", "year"};

bool is_speaker_filter_field(const std::string& field) {
  for (const char* known : kSpeakerFilterFields) {
    if (field == known) return true;
  }
  return false;
}

std::string default_synonyms_path() { return PODIUM_DATA_DIR "/synonyms.txt"; }

Index::Index(std::string path, ShardOptions shards, bool remote, std::unique_ptr<DatabasePool> pool,
             std::unique_ptr<Synonyms> synonyms)
    : path_(std::move(path)),
      shards_(std::move(shards)),
      remote_(remote),
      pool_(std::move(pool)),
      synonyms_(std::move(synonyms)) {}
Index::~Index() = default;

Result<std::unique_ptr<Index>> Index::open(const std::string& path, IndexOptions options,
                                           ShardOptions shards) {
  if (shards.remote_timeout_ms < 1) {
    return Status::invalid("must be at least 1 ms", "remote_timeout_ms");
  }
  Result<std::vector<ShardSpec>> specs = read_shard_specs(path);
  if (!specs.is_ok()) return specs.status();
  const bool remote = has_remote_shard(*specs);
  const RemoteTimeouts timeouts{shards.remote_timeout_ms, shards.remote_timeout_ms};
  const std::string spelling_path = shards.spelling_db_path;
  // Each handle re-reads the stub, so one opened after a replica's full copy uses the new copy.
  auto open_handle = [path, timeouts, spelling_path]() {
    Result<std::vector<ShardSpec>> now = read_shard_specs(path);
    if (!now.is_ok()) throw Xapian::DatabaseOpeningError(now.status().message());
    DatabasePool::Handle handle{
        open_shards(*now, timeouts), std::nullopt, stub_signature(path), {}};
    if (!spelling_path.empty()) handle.query_db = Xapian::Database(spelling_path);
    return handle;
  };
  try {
    DatabasePool::Handle probe = open_handle();
    (void)probe.db.get_doccount();
  } catch (const Xapian::Error& e) {
    return Status(StatusCode::kUnavailable,
                  "cannot open the index at '" + path + "': " + e.get_description());
  }
  auto synonyms = std::make_unique<Synonyms>();
  std::string synonyms_path = options.synonyms_path;
  std::error_code ec;
  if (synonyms_path.empty() && std::filesystem::exists(default_synonyms_path(), ec)) {
    synonyms_path = default_synonyms_path();
  }
  if (!synonyms_path.empty()) {
    Result<Synonyms> loaded = Synonyms::load(synonyms_path);
    if (!loaded.is_ok()) return loaded.status();
    *synonyms = std::move(loaded).value();
  }
  auto pool = std::make_unique<DatabasePool>(
      open_handle, [path]() { return stub_signature(path); },
      std::chrono::milliseconds(options.reopen_interval_ms));
  return std::unique_ptr<Index>(
      new Index(path, std::move(shards), remote, std::move(pool), std::move(synonyms)));
}

Result<SearchResponse> Index::search(const SearchRequest& request) const {
  if (request.k < 1 || request.k > kMaxK) {
    return Status::invalid("must be between 1 and " + std::to_string(kMaxK), "k");
  }
  if (request.offset < 0 || request.offset > kMaxOffset) {
    return Status::invalid("must be between 0 and " + std::to_string(kMaxOffset), "offset");
  }
  Result<SearchResponse> response = with_lease(*pool_, [&](DatabasePool::Lease& lease) {
    const SearchBackend backend{&lease.query_db(), remote_};
    return search_speakers(lease.db(), request, *synonyms_, backend);
  });
  if (response.is_ok() || !request.allow_partial ||
      response.status().code() != StatusCode::kUnavailable) {
    return response;
  }
  Result<SearchResponse> partial = search_reachable_shards(request);
  return partial.is_ok() ? partial : response;
}

Result<SearchResponse> Index::search_reachable_shards(const SearchRequest& request) const {
  Result<std::vector<ShardSpec>> specs = read_shard_specs(path_);
  if (!specs.is_ok()) return specs.status();
  const RemoteTimeouts timeouts{shards_.remote_timeout_ms, shards_.remote_timeout_ms};
  try {
    ReachableShards live = open_reachable_shards(*specs, timeouts);
    if (live.missing.size() == specs->size()) {
      return Status(StatusCode::kUnavailable, "no shard answered");
    }
    std::optional<Xapian::Database> query_db;
    if (!shards_.spelling_db_path.empty()) query_db = Xapian::Database(shards_.spelling_db_path);
    const SearchBackend backend{query_db ? &*query_db : &live.db, remote_};
    Result<SearchResponse> response = search_speakers(live.db, request, *synonyms_, backend);
    if (response.is_ok()) response->missing_shards = std::move(live.missing);
    return response;
  } catch (const Xapian::NetworkError& e) {
    return Status(StatusCode::kUnavailable, "a shard did not answer: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status(StatusCode::kUnavailable, "index error: " + e.get_description());
  }
}

Result<SpeakerProfile> Index::speaker(const std::string& id) const {
  return with_database(*pool_, [&](Xapian::Database& db) { return lookup_speaker(db, id); });
}

Result<TalkView> Index::talk(const std::string& id) const {
  return with_database(*pool_, [&](Xapian::Database& db) { return lookup_talk(db, id); });
}

Result<CommunityPage> Index::communities(const CommunityRequest& request) const {
  if (request.k < 1 || request.k > kMaxK) {
    return Status::invalid("must be between 1 and " + std::to_string(kMaxK), "k");
  }
  if (request.offset < 0 || request.offset > kMaxOffset) {
    return Status::invalid("must be between 0 and " + std::to_string(kMaxOffset), "offset");
  }
  return with_database(*pool_,
                       [&](Xapian::Database& db) { return search_communities(db, request); });
}

Result<SimilarResponse> Index::similar(const SimilarRequest& request) const {
  if (request.k < 1 || request.k > kMaxSimilar) {
    return Status::invalid("must be between 1 and " + std::to_string(kMaxSimilar), "k");
  }
  return with_database(*pool_, [&](Xapian::Database& db) { return similar_speakers(db, request); });
}

Result<LineupResponse> Index::recommend(const LineupRequest& request) const {
  if (request.event.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::invalid("must not be empty", "event");
  }
  if (request.event.size() > kMaxEventBytes) {
    return Status::invalid("is longer than " + std::to_string(kMaxEventBytes) + " bytes", "event");
  }
  if (request.size < 1 || request.size > kMaxLineupSize) {
    return Status::invalid("must be between 1 and " + std::to_string(kMaxLineupSize), "size");
  }
  if (request.communities < 0 || request.communities > kMaxLineupCommunities) {
    return Status::invalid("must be between 0 and " + std::to_string(kMaxLineupCommunities),
                           "communities");
  }
  if (!(request.coverage_lambda >= 0 && request.coverage_lambda <= 1)) {
    return Status::invalid("must be a number from 0 to 1", "coverage_lambda");
  }
  return with_database(*pool_, [&](Xapian::Database& db) {
    return recommend_lineup(db, request, *synonyms_, remote_);
  });
}

Result<IndexStats> Index::stats() const {
  return with_database(*pool_,
                       [&](Xapian::Database& db) -> Result<IndexStats> { return read_stats(db); });
}

}  // namespace podium::search
