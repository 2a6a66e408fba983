// SPDX-License-Identifier: Apache-2.0
#include "rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace podium::http {
namespace {

// Above this many clients, full buckets are dropped, so many addresses cannot grow the map
// without bound.
constexpr std::size_t kPruneAbove = 10000;

}  // namespace

RateLimiter::RateLimiter(double per_second, double burst)
    : per_second_(per_second), burst_(std::max(1.0, burst)) {}

int RateLimiter::acquire(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mu_);
  if (buckets_.size() > kPruneAbove) prune(now);
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& bucket = it->second;
  if (!inserted) {
    const double elapsed = std::chrono::duration<double>(now - bucket.last).count();
    bucket.tokens = std::min(burst_, bucket.tokens + std::max(0.0, elapsed) * per_second_);
    bucket.last = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return 0;
  }
  const double wait = (1.0 - bucket.tokens) / per_second_;
  return std::max(1, static_cast<int>(std::ceil(wait)));
}

void RateLimiter::prune(Clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) {
    const double elapsed = std::chrono::duration<double>(now - entry.second.last).count();
    return entry.second.tokens + elapsed * per_second_ >= burst_;
  });
}

}  // namespace podium::http
