// SPDX-License-Identifier: Apache-2.0
// Reading records back from the JSON stored with index documents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "podium/core/records.h"
#include "podium/core/status.h"

namespace podium {

// A speaker from a speaker document's data; `self_id_json` (kSlotSelfId, may be empty) restores
// the full self_id. Only the ingest writer and the diversity ranker pass it.
Result<Speaker> stored_speaker(std::string_view data, std::string_view self_id_json = {});
// `speaker` (as stored) with the full self_id of `self_id_json` (kSlotSelfId; empty: unchanged).
Result<Speaker> with_self_id(Speaker speaker, std::string_view self_id_json);
Result<Talk> stored_talk(std::string_view data);
// A talk document's tags alone (empty when it has none, or the data is not a talk's). The data
// was validated when it was indexed and is written by to_json(Talk), so the tags are read
// straight from the JSON: the diversity re-ranker needs them from up to 300 talks per search,
// and validating each whole record again cost a fifth of such a search.
std::vector<std::string> stored_talk_tags(std::string_view data);
Result<Community> stored_community(std::string_view data);

}  // namespace podium
