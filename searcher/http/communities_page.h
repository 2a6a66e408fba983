// SPDX-License-Identifier: Apache-2.0
// The community listings page `/communities`: networks, meetups and conferences to reach
// speakers through, searchable and filterable (q, region, topic, type, travel_grants).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "podium/core/status.h"
#include "podium/http/request_parsing.h"
#include "podium/search/search_types.h"

namespace podium::http::web {

struct CommunityPageState {
  std::string q;
  std::vector<std::string> regions;
  std::vector<std::string> topics;
  std::vector<std::string> types;
  std::optional<bool> travel_grants;
  int k = 20;
  int offset = 0;
};

// The state and the listing request of a `/communities` URL; empty values count as absent,
// unknown parameters are ignored, and the request fails as /v1/communities would.
struct ParsedCommunityPage {
  CommunityPageState state;
  Result<search::CommunityRequest> request = Status::invalid("not parsed");
};
ParsedCommunityPage parse_community_page(const QueryParams& params);

// "/communities?q=...&region=...": the state as a URL, defaults left out.
std::string communities_url(const CommunityPageState& state);

std::string render_communities_page(const CommunityPageState& state,
                                    const Result<search::CommunityPage>& result, bool assets);

}  // namespace podium::http::web
