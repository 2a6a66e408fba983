// SPDX-License-Identifier: Apache-2.0
// The JSON forms of search results, profiles, talks, listings and stats, shared by the HTTP API
// and `podium-search --json`, so both print the same bytes.
//
// Consent: every speaker passes through to_json(..., SelfIdOutput::kPublicOnly); nothing here
// reads the ranking-only self_id slot (tests/privacy/consent_leak_test.cpp checks every endpoint).
#pragma once

#include <nlohmann/json.hpp>

#include "podium/search/recommend.h"
#include "podium/search/search_types.h"

namespace podium::search {

nlohmann::json to_json(const SearchResponse& response);
nlohmann::json to_json(const SpeakerHit& hit);
nlohmann::json to_json(const SpeakerProfile& profile);
nlohmann::json to_json(const TalkView& view);
nlohmann::json to_json(const CommunityPage& page);
nlohmann::json to_json(const IndexStats& stats);
nlohmann::json to_json(const SimilarResponse& response);
nlohmann::json to_json(const LineupResponse& response);

}  // namespace podium::search
