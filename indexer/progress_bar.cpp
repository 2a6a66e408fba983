// SPDX-License-Identifier: Apache-2.0
// Terminal progress bar.
#include "progress_bar.h"

#include <algorithm>
#include <ostream>
#include <string>

namespace podium::ingest {

ProgressBar::ProgressBar(std::ostream& out, std::uint64_t total_bytes, bool enabled)
    : out_(out),
      total_(std::max<std::uint64_t>(total_bytes, 1)),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(std::uint64_t done_bytes, std::uint64_t records) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  constexpr int kWidth = 30;
  const double fraction =
      std::min(1.0, static_cast<double>(done_bytes) / static_cast<double>(total_));
  const int filled = static_cast<int>(fraction * kWidth);
  out_ << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
       << std::string(static_cast<std::size_t>(kWidth - filled), ' ') << "] "
       << static_cast<int>(fraction * 100) << "%  " << records << " records" << std::flush;
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  out_ << "\r" << std::string(60, ' ') << "\r" << std::flush;
  drawn_ = false;
}

}  // namespace podium::ingest
