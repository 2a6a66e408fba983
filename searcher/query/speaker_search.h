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

// How a sharded index is searched (docs/scaling.md).
struct SearchBackend {
  // The database queries are parsed against (spelling suggestions): a local copy of the index
  // when `db` has remote shards, which have no spelling data in Xapian 1.4; null: `db`.
  const Xapian::Database* query_db = nullptr;
  // `db` has a remote shard: only Xapian's built-in match spies can run there.
  bool remote = false;
};

Result<SearchResponse> search_speakers(Xapian::Database& db, const SearchRequest& request,
                                       const Synonyms& synonyms, const SearchBackend& backend = {});

}  // namespace podium::search
