// SPDX-License-Identifier: Apache-2.0
// A progress bar on stderr for long ingests; silent unless stderr is a terminal and the work
// has already taken more than a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>

namespace podium::ingest {

class ProgressBar {
 public:
  // `enabled` is false when stderr is not a terminal or the user turned it off.
  ProgressBar(std::ostream& out, std::uint64_t total_bytes, bool enabled);
  ~ProgressBar();
  void update(std::uint64_t done_bytes, std::uint64_t records);
  // Erases the bar, if one was drawn.
  void clear();

 private:
  std::ostream& out_;
  std::uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace podium::ingest
