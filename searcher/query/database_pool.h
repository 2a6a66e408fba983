// SPDX-License-Identifier: Apache-2.0
// A pool of read-only Xapian database handles, one per concurrent user, because a Xapian
// object must not be used by two threads at once (Xapian docs/overview.rst, "Thread safety").
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace podium::search {

class DatabasePool {
 public:
  struct Handle {
    Xapian::Database db;
    // A local copy of the index for query parsing (spelling) when `db` has remote shards,
    // where Xapian 1.4 has no spelling data; empty: parse against `db`.
    std::optional<Xapian::Database> query_db;
    std::string signature;  // what `signature()` said when this handle was opened
    std::chrono::steady_clock::time_point last_reopen;
  };

  // `open` makes a new handle (may throw Xapian::Error); `signature` names the current set of
  // shards (the stub's text): a handle whose signature is out of date is replaced, not
  // reopened, because Database::reopen() never re-reads a stub (Xapian's replication.rst).
  // REQUIRES: `open` succeeded once (Index::open checks).
  DatabasePool(std::function<Handle()> open, std::function<std::string()> signature,
               std::chrono::milliseconds reopen_interval);

  // A borrowed handle, returned to the pool on destruction unless discarded.
  class Lease {
   public:
    Lease(DatabasePool& pool, std::unique_ptr<Handle> handle)
        : pool_(pool), handle_(std::move(handle)) {}
    ~Lease() { pool_.give_back(std::move(handle_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Xapian::Database& db() { return handle_->db; }
    Xapian::Database& query_db() { return handle_->query_db ? *handle_->query_db : handle_->db; }
    // Moves to the newest committed revision now.
    void reopen();
    // Drops the handle instead of returning it: after a NetworkError a remote connection is
    // unusable, and the next acquire() connects afresh (so a shard that returns is used again
    // without a restart).
    void discard() { handle_.reset(); }

   private:
    DatabasePool& pool_;
    std::unique_ptr<Handle> handle_;
  };

  // Borrows a handle, opening a new one when none is free. May throw Xapian::Error.
  Lease acquire();

 private:
  void give_back(std::unique_ptr<Handle> handle);

  std::function<Handle()> open_;
  std::function<std::string()> signature_;
  std::chrono::milliseconds reopen_interval_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Handle>> free_;
};

}  // namespace podium::search
