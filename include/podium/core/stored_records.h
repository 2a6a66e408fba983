// SPDX-License-Identifier: Apache-2.0
// Reading records back from the JSON stored with index documents.
#pragma once

#include <string_view>

#include "podium/core/records.h"
#include "podium/core/status.h"

namespace podium {

// A speaker from a speaker document's data; `self_id_json` (kSlotSelfId, may be empty) restores
// the full self_id. Only the ingest writer and the diversity ranker pass it.
Result<Speaker> stored_speaker(std::string_view data, std::string_view self_id_json = {});
Result<Talk> stored_talk(std::string_view data);
Result<Community> stored_community(std::string_view data);

}  // namespace podium
