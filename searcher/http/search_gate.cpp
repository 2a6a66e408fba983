// SPDX-License-Identifier: Apache-2.0
// A ticket gate: arrivals take numbers and go in strictly in order while fewer than the limit
// run. std::counting_semaphore would not promise the order.
#include "search_gate.h"

namespace podium::http {

SearchGate::SearchGate(int limit) : limit_(limit < 0 ? 0 : limit) {}

SearchGate::Pass::Pass(SearchGate& gate) : gate_(gate) { gate_.enter(); }

SearchGate::Pass::~Pass() { gate_.leave(); }

int SearchGate::waiting() const {
  std::lock_guard lock(mu_);
  return static_cast<int>(next_ticket_ - now_serving_);
}

void SearchGate::enter() {
  if (limit_ == 0) return;
  std::unique_lock lock(mu_);
  const std::uint64_t ticket = next_ticket_++;
  turn_.wait(lock, [&] { return ticket == now_serving_ && running_ < limit_; });
  ++now_serving_;
  ++running_;
  // The next ticket may be able to go in too.
  turn_.notify_all();
}

void SearchGate::leave() {
  if (limit_ == 0) return;
  {
    std::lock_guard lock(mu_);
    --running_;
  }
  turn_.notify_all();
}

}  // namespace podium::http
