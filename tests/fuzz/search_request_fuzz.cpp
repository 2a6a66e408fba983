// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: what a client sends to /v1/search and /v1/communities. The input is read
// twice: whole, as a POST body, and as an URL query string ("k=10&q=..."), split the way the
// server hands parameters over. Whatever parses must be inside the documented limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "podium/http/request_parsing.h"

namespace {

podium::http::QueryParams split_query_string(std::string_view text) {
  podium::http::QueryParams params;
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) {
      params.emplace(std::string(pair), std::string());
    } else {
      params.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
  return params;
}

void check_limits(const podium::search::SearchRequest& request) {
  if (request.query.size() > podium::http::kMaxQueryBytes) std::abort();
  if (request.k < 1 || request.k > podium::search::kMaxK) std::abort();
  if (request.offset < 0 || request.offset > podium::search::kMaxOffset) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (const auto body = podium::http::parse_search_body(text); body.is_ok()) {
    check_limits(body.value());
  }
  const podium::http::QueryParams params = split_query_string(text);
  if (const auto get = podium::http::parse_search_params(params); get.is_ok()) {
    check_limits(get.value());
  }
  (void)podium::http::parse_community_params(params);
  return 0;
}
