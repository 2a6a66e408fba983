// SPDX-License-Identifier: Apache-2.0
// A pool of read-only Xapian database handles, one per concurrent user, because a Xapian
// object must not be used by two threads at once (Xapian docs/overview.rst, "Thread safety").
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

namespace podium::search {

class DatabasePool {
 public:
  // REQUIRES: the database at `path` opened once successfully (Index::open checks).
  DatabasePool(std::string path, std::chrono::milliseconds reopen_interval);

  struct Handle {
    Xapian::Database db;
    std::chrono::steady_clock::time_point last_reopen;
  };

  // A borrowed handle, returned to the pool on destruction.
  class Lease {
   public:
    Lease(DatabasePool& pool, std::unique_ptr<Handle> handle)
        : pool_(pool), handle_(std::move(handle)) {}
    ~Lease() { pool_.give_back(std::move(handle_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Xapian::Database& db() { return handle_->db; }
    // Moves to the newest committed revision now.
    void reopen();

   private:
    DatabasePool& pool_;
    std::unique_ptr<Handle> handle_;
  };

  // Borrows a handle, opening a new one when none is free. May throw Xapian::Error.
  Lease acquire();

 private:
  void give_back(std::unique_ptr<Handle> handle);

  std::string path_;
  std::chrono::milliseconds reopen_interval_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Handle>> free_;
};

}  // namespace podium::search
