// SPDX-License-Identifier: Apache-2.0
// Packing of facet values into a value slot.
#include "podium/core/facet_values.h"

namespace podium {
namespace {

void append_clean(std::string& out, std::string_view text) {
  for (char c : text) out += (c == '\t' || c == '\n') ? ' ' : c;
}

}  // namespace

std::string encode_facets(const FacetValues& values) {
  std::string out;
  for (const auto& [field, value] : values) {
    append_clean(out, field);
    out += '\t';
    append_clean(out, value);
    out += '\n';
  }
  return out;
}

}  // namespace podium
