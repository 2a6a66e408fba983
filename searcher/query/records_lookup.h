// SPDX-License-Identifier: Apache-2.0
// Reading single records and listings by id: profiles, talks, communities, index stats.
#pragma once

#include <xapian.h>

#include "podium/core/status.h"
#include "podium/search/search_types.h"

namespace podium::search {

Result<SpeakerProfile> lookup_speaker(Xapian::Database& db, const std::string& id);
Result<TalkView> lookup_talk(Xapian::Database& db, const std::string& id);
Result<CommunityPage> search_communities(Xapian::Database& db, const CommunityRequest& request);
IndexStats read_stats(Xapian::Database& db);

}  // namespace podium::search
