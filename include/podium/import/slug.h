// SPDX-License-Identifier: Apache-2.0
// Ids that importers derive from names and from the sources' own ids. They must come out the same
// on every run, or a re-import would add records instead of finding nothing changed.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace podium::import {

// The slug of a name, as the corpora in ../shared/corpora build speaker ids: white space
// collapsed, accents folded to ASCII, lower case, every run of other characters turned into one
// '-'. A name with letters that do not fold to ASCII (Cyrillic, CJK, ...) gets "-" and 8 hex
// digits of the SHA-1 of the lower-cased name appended, so different such names stay apart;
// when nothing folds at all the slug is "u-" and 10 hex digits. "Łukasz Langa" -> "lukasz-langa".
// Returns "" only for an empty or all-white-space name.
// Input is expected in Unicode NFC (what the sources deliver); it is not normalized here.
std::string slug(std::string_view name);

// An id from `parts` joined by ':', e.g. make_id({"frab", "camp2019", "10386"}). Characters
// outside [A-Za-z0-9._-] inside a part become '-', so the result always passes is_valid_id()
// when no part is empty; an id over 128 bytes is cut and ends in a hash of the whole.
std::string make_id(std::initializer_list<std::string_view> parts);

}  // namespace podium::import
