// SPDX-License-Identifier: Apache-2.0
// Records as JSON, in the ingest format's own shape: used for the data stored with each index
// document and as the base of API responses.
#pragma once

#include <nlohmann/json.hpp>

#include "podium/core/records.h"

namespace podium {

// What to do with a speaker's self_id when writing JSON.
enum class SelfIdOutput {
  kOmit,        // never written
  kPublicOnly,  // written only when its consent is "public" (the rule for anything shown)
  kAlways,      // written whatever the consent: only for data that never leaves the library
};

nlohmann::json to_json(const Speaker& speaker, SelfIdOutput self_id);
nlohmann::json to_json(const SelfId& self_id);
nlohmann::json to_json(const Talk& talk);
nlohmann::json to_json(const Community& community);

}  // namespace podium
