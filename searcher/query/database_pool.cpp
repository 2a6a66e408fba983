// SPDX-License-Identifier: Apache-2.0
// Database handle pool with periodic reopen.
#include "database_pool.h"

namespace podium::search {

DatabasePool::DatabasePool(std::function<Handle()> open, std::function<std::string()> signature,
                           std::chrono::milliseconds reopen_interval)
    : open_(std::move(open)), signature_(std::move(signature)), reopen_interval_(reopen_interval) {}

DatabasePool::Lease DatabasePool::acquire() {
  std::unique_ptr<Handle> handle;
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      handle = std::move(free_.back());
      free_.pop_back();
    }
  }
  const auto now = std::chrono::steady_clock::now();
  if (handle && now - handle->last_reopen >= reopen_interval_) {
    if (signature_() != handle->signature) {
      handle.reset();  // the shards changed (e.g. a replica's full copy): open afresh
    } else {
      // reopen() is cheap when nothing changed: it only re-reads the revision.
      handle->db.reopen();
      if (handle->query_db) handle->query_db->reopen();
      handle->last_reopen = now;
    }
  }
  if (!handle) {
    handle = std::make_unique<Handle>(open_());
    handle->last_reopen = now;
  }
  return Lease(*this, std::move(handle));
}

void DatabasePool::Lease::reopen() {
  handle_->db.reopen();
  if (handle_->query_db) handle_->query_db->reopen();
  handle_->last_reopen = std::chrono::steady_clock::now();
}

void DatabasePool::give_back(std::unique_ptr<Handle> handle) {
  if (!handle) return;
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(handle));
}

}  // namespace podium::search
