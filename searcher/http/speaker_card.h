// SPDX-License-Identifier: Apache-2.0
// One speaker as a result card (search and recommend pages), and the shortlist button that
// cards and profiles share.
#pragma once

#include <string>

#include "podium/core/records.h"
#include "podium/search/search_types.h"

namespace podium::http::web {

struct CardOptions {
  // Heading shown above the evidence; empty: a heading only screen readers get.
  std::string evidence_heading;
  int heading_level = 2;  // of the speaker's name
};

// The card of one search hit. Reads only public speaker fields (never self_id), so a
// ranking-only self-identification cannot reach it (tests/web_render/consent_render_test.cpp).
std::string render_speaker_card(const search::SpeakerHit& hit, const CardOptions& options = {});

// "München, Germany"; empty when the speaker gave no location.
std::string location_text(const Speaker& speaker);

// The add/remove shortlist button, carrying what the shortlist page and its CSV export show.
// Rendered hidden: app.js reveals it, since the shortlist lives in localStorage.
std::string render_shortlist_button(const Speaker& speaker);

// "/speakers/<id>" with the id percent-encoded.
std::string profile_url(const std::string& speaker_id);

}  // namespace podium::http::web
