// SPDX-License-Identifier: Apache-2.0
// The read side of a Podium index: search, profiles, talks, communities and stats.
#pragma once

#include <memory>
#include <string>

#include "podium/core/status.h"
#include "podium/search/recommend.h"
#include "podium/search/search_types.h"

namespace podium::search {

class DatabasePool;

class Synonyms;

// The synonyms file shipped with Podium (data/synonyms.txt in the source tree).
std::string default_synonyms_path();

struct IndexOptions {
  // A handle that has not looked for new commits for this long does so before its next use,
  // so a running server sees what podium-index committed within about this time.
  int reopen_interval_ms = 200;
  // Synonym groups for query expansion; empty: default_synonyms_path() if that file exists,
  // else none. A path that is given must be readable.
  std::string synonyms_path;
};

// Options for an index whose stub lists remote shards (docs/scaling.md).
struct ShardOptions {
  // Remote shards (stub lines "remote HOST:PORT"): each operation and each connection attempt
  // gives up after this long, so a shard that is down or stuck costs a request about this much
  // and answers kUnavailable (HTTP 503), never a hang.
  int remote_timeout_ms = 5000;
  // A local copy of the index (a replica, or a stub over local copies of the shards) to parse
  // queries against when the index has remote shards: Xapian 1.4 keeps spelling data local
  // only. Empty: no spelling suggestions from remote shards.
  std::string spelling_db_path;
};

// Thread-safe: each call borrows its own Xapian database handle from a pool (Xapian objects
// must not be shared between threads) and retries once when the revision it was reading has
// been discarded by a concurrent commit.
class Index {
 public:
  // Opens the database at `path`: a directory, or a stub (file, or directory with XAPIANDB)
  // listing local and remote shards. kUnavailable if it cannot.
  static Result<std::unique_ptr<Index>> open(const std::string& path, IndexOptions options = {},
                                             ShardOptions shards = {});
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  // kInvalidArgument for a query the parser cannot take or out-of-range paging.
  Result<SearchResponse> search(const SearchRequest& request) const;
  // kNotFound for an unknown id.
  Result<SpeakerProfile> speaker(const std::string& id) const;
  Result<TalkView> talk(const std::string& id) const;
  Result<CommunityPage> communities(const CommunityRequest& request) const;
  // Speakers with related expertise (relevance feedback over the speaker's talks and profile),
  // without the speaker. kInvalidArgument for k out of range, kNotFound for an unknown id.
  Result<SimilarResponse> similar(const SimilarRequest& request) const;
  // A lineup covering an event's subtopics, and community listings for it. kInvalidArgument
  // (naming the field) for an empty or wordless event, a size, communities or coverage_lambda
  // out of range, or a bad filter.
  Result<LineupResponse> recommend(const LineupRequest& request) const;
  Result<IndexStats> stats() const;

 private:
  Index(std::string path, ShardOptions shards, bool remote, std::unique_ptr<DatabasePool> pool,
        std::unique_ptr<Synonyms> synonyms);
  // With allow_partial: searches the shards that answer, without the pool.
  Result<SearchResponse> search_reachable_shards(const SearchRequest& request) const;

  std::string path_;
  ShardOptions shards_;
  bool remote_;  // the index has a remote shard
  std::unique_ptr<DatabasePool> pool_;
  std::unique_ptr<Synonyms> synonyms_;
};

}  // namespace podium::search
