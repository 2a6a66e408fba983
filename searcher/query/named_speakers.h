// SPDX-License-Identifier: Apache-2.0
// Speakers a query names in full ("Shai Berger", "Django and PostgreSQL - Carina C. Zona").
// Talk documents do not carry their speakers' names, so the talk run cannot see a name and a
// named speaker would lose to people whose talks mention one of its words.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace podium::search {

// The profile docids, among speaker documents matching `filter` and `text` (the query as ranked,
// so "Shai Berger -lisp" does not bring back a Shai Berger whose profile says lisp), of speakers
// with at least two
// name words of two letters or more, all of which are words of `query` (accents folded, case
// ignored; initials such as "C." need not be in the query). A one-word name never counts: many
// are also ordinary words. At most `limit`.
std::vector<Xapian::docid> named_speakers(const Xapian::Database& db, const std::string& query,
                                          const Xapian::Query& text, const Xapian::Query& filter,
                                          std::size_t limit = 20);

}  // namespace podium::search
