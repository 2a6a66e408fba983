// SPDX-License-Identifier: Apache-2.0
#include "write_thread.h"

#include <algorithm>
#include <cerrno>

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace podium::http {

WriteThread::WriteThread() : thread_([this] { loop(); }) {
  pthread_setname_np(thread_.native_handle(), "podium-writer");
}

WriteThread::~WriteThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_one();
  thread_.join();
}

void WriteThread::run(std::function<void()> work) {
  std::packaged_task<void()> task(std::move(work));
  std::future<void> done = task.get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
  done.get();
}

void WriteThread::loop() {
  for (;;) {
    std::packaged_task<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to do
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
  }
}

void lower_thread_priority(int increment) {
  if (increment <= 0) return;
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  errno = 0;
  const int now = getpriority(PRIO_PROCESS, tid);
  if (errno != 0) return;
  // Best effort: a scheduler that refuses leaves the thread as it was, which is only slower.
  (void)setpriority(PRIO_PROCESS, tid, std::min(19, now + increment));
}

}  // namespace podium::http
