// SPDX-License-Identifier: Apache-2.0
// The speaker profile page `/speakers/{id}` and its schema.org Person JSON-LD.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "podium/search/recommend.h"
#include "podium/search/search_types.h"

namespace podium::http::web {

// schema.org Person for the profile, built from the API's public JSON (search::to_json), so
// it holds self_id data only when the speaker's consent is "public".
nlohmann::json person_json_ld(const search::SpeakerProfile& profile);

// The whole profile page: bio, talks newest first, communities, links, the shortlist button
// and the JSON-LD block; and "Similar speakers" with their shared topics when `similar` has any.
std::string render_profile_page(const search::SpeakerProfile& profile, bool assets,
                                const search::SimilarResponse* similar = nullptr);

// The 404 page for an unknown speaker id (`id` as requested; escaped here).
std::string render_speaker_not_found_page(const std::string& id, bool assets);

}  // namespace podium::http::web
