// SPDX-License-Identifier: Apache-2.0
// SHA-1, only to derive short stable suffixes of ids; it reproduces the corpora's speaker ids
// (../shared/corpora/README.md) and is not used for anything that needs a secure hash.
#pragma once

#include <string>
#include <string_view>

namespace podium::import {

// The SHA-1 digest of `data` as 40 lower-case hex digits (FIPS 180-4).
std::string sha1_hex(std::string_view data);

}  // namespace podium::import
