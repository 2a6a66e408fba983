// SPDX-License-Identifier: Apache-2.0
// Per-client token buckets for the HTTP rate limit. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace podium::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Each client gets `burst` tokens, refilled at `per_second`; a request takes one.
  // REQUIRES: per_second > 0, burst >= 1.
  RateLimiter(double per_second, double burst);

  // 0 when `client` may go ahead (a token was taken); otherwise the whole seconds until a
  // token is back, for Retry-After (at least 1).
  int acquire(const std::string& client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last;
  };
  // Drops buckets that have refilled completely: they hold no state a fresh one would not.
  void prune(Clock::time_point now);

  const double per_second_;
  const double burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace podium::http
