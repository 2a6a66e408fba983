// SPDX-License-Identifier: Apache-2.0
// Ranked speaker search over one database handle: retrieve, aggregate, page, add evidence.
#pragma once

#include <xapian.h>

#include "podium/core/status.h"
#include "podium/search/search_types.h"

namespace podium::search {

// REQUIRES: request.k and request.offset within their limits (checked by Index::search).
// May throw Xapian::Error (Index retries DatabaseModifiedError).
class Synonyms;

Result<SearchResponse> search_speakers(Xapian::Database& db, const SearchRequest& request,
                                       const Synonyms& synonyms);

}  // namespace podium::search
