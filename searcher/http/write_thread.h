// SPDX-License-Identifier: Apache-2.0
// The thread that runs admin writes. Request workers lower their scheduling priority
// (ServerOptions::worker_nice) and this thread keeps the process's, so on a machine busy with
// searches a batch still gets a core instead of a sixteenth of one: measured by bench/soak.sh,
// a 1,000-talk ingest that takes ~4 s alone took ~60 s behind 16 busy search workers.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace podium::http {

class WriteThread {
 public:
  WriteThread();
  ~WriteThread();  // finishes the queued work, then joins
  WriteThread(const WriteThread&) = delete;
  WriteThread& operator=(const WriteThread&) = delete;

  // Runs `work` on the write thread and waits for it; an exception it throws is rethrown here.
  void run(std::function<void()> work);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::packaged_task<void()>> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

// Adds `increment` (0..19) to the calling thread's nice value; Linux schedules threads, so this
// lowers only the caller. Unprivileged processes can always lower their own priority.
void lower_thread_priority(int increment);

}  // namespace podium::http
