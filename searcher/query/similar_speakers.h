// SPDX-License-Identifier: Apache-2.0
// Speakers similar to one speaker, by relevance feedback over their talks and profile.
#pragma once

#include <xapian.h>

#include "podium/core/status.h"
#include "podium/search/recommend.h"

namespace podium::search {

// REQUIRES: request.k within 1..kMaxSimilar (checked by Index). kNotFound for an unknown id.
// May throw Xapian::Error.
Result<SimilarResponse> similar_speakers(const Xapian::Database& db, const SimilarRequest& request);

}  // namespace podium::search
