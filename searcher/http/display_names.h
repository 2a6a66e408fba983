// SPDX-License-Identifier: Apache-2.0
// Human-readable names for the codes the index stores (BCP-47 languages, ISO 3166-1 countries,
// facet fields), so organizers read "German", not "de". Unknown codes are shown as they are.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace podium::http::web {

// "German" for "de", "Portuguese (Brazil)" for "pt-br"; the code itself when unknown.
std::string language_name(std::string_view tag);
// "Germany" for "DE"; the code itself when unknown.
std::string country_name(std::string_view code);
// The heading of a speaker filter field ("Language" for "lang").
std::string filter_field_label(std::string_view field);
// A filter value as shown: language and country names, "Yes"/"No" for remote.
std::string filter_value_label(std::string_view field, std::string_view value);

// `values` joined by `separator`, each shown through `label` when one is given
// (joined(languages, &language_name) gives "German, Portuguese (Brazil)"). Plain text.
std::string joined(const std::vector<std::string>& values,
                   std::string (*label)(std::string_view) = nullptr, const char* separator = ", ");

}  // namespace podium::http::web
