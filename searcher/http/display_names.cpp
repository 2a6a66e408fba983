// SPDX-License-Identifier: Apache-2.0
// Small name tables for the languages and countries a speaker directory meets most often.
#include "display_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "podium/core/text_fold.h"

namespace podium::http::web {
namespace {

using Entry = std::pair<std::string_view, std::string_view>;

constexpr std::array kLanguages = {
    Entry{"af", "Afrikaans"},  Entry{"am", "Amharic"},    Entry{"ar", "Arabic"},
    Entry{"bn", "Bengali"},    Entry{"ca", "Catalan"},    Entry{"cs", "Czech"},
    Entry{"da", "Danish"},     Entry{"de", "German"},     Entry{"el", "Greek"},
    Entry{"en", "English"},    Entry{"es", "Spanish"},    Entry{"fa", "Persian"},
    Entry{"fi", "Finnish"},    Entry{"fil", "Filipino"},  Entry{"fr", "French"},
    Entry{"ga", "Irish"},      Entry{"gu", "Gujarati"},   Entry{"ha", "Hausa"},
    Entry{"haw", "Hawaiian"},  Entry{"he", "Hebrew"},     Entry{"hi", "Hindi"},
    Entry{"hu", "Hungarian"},  Entry{"id", "Indonesian"}, Entry{"ig", "Igbo"},
    Entry{"it", "Italian"},    Entry{"ja", "Japanese"},   Entry{"ko", "Korean"},
    Entry{"mi", "Māori"},      Entry{"mr", "Marathi"},    Entry{"ms", "Malay"},
    Entry{"nl", "Dutch"},      Entry{"no", "Norwegian"},  Entry{"pa", "Punjabi"},
    Entry{"pl", "Polish"},     Entry{"pt", "Portuguese"}, Entry{"qu", "Quechua"},
    Entry{"ro", "Romanian"},   Entry{"ru", "Russian"},    Entry{"sm", "Samoan"},
    Entry{"sv", "Swedish"},    Entry{"sw", "Swahili"},    Entry{"ta", "Tamil"},
    Entry{"te", "Telugu"},     Entry{"th", "Thai"},       Entry{"tl", "Tagalog"},
    Entry{"tr", "Turkish"},    Entry{"uk", "Ukrainian"},  Entry{"ur", "Urdu"},
    Entry{"vi", "Vietnamese"}, Entry{"yo", "Yoruba"},     Entry{"zh", "Chinese"},
    Entry{"zu", "Zulu"},
};

constexpr std::array kCountries = {
    Entry{"AE", "United Arab Emirates"},
    Entry{"AR", "Argentina"},
    Entry{"AT", "Austria"},
    Entry{"AU", "Australia"},
    Entry{"BD", "Bangladesh"},
    Entry{"BE", "Belgium"},
    Entry{"BR", "Brazil"},
    Entry{"CA", "Canada"},
    Entry{"CH", "Switzerland"},
    Entry{"CL", "Chile"},
    Entry{"CN", "China"},
    Entry{"CO", "Colombia"},
    Entry{"CZ", "Czechia"},
    Entry{"DE", "Germany"},
    Entry{"DK", "Denmark"},
    Entry{"EG", "Egypt"},
    Entry{"ES", "Spain"},
    Entry{"ET", "Ethiopia"},
    Entry{"FI", "Finland"},
    Entry{"FJ", "Fiji"},
    Entry{"FR", "France"},
    Entry{"GB", "United Kingdom"},
    Entry{"GH", "Ghana"},
    Entry{"GR", "Greece"},
    Entry{"ID", "Indonesia"},
    Entry{"IE", "Ireland"},
    Entry{"IL", "Israel"},
    Entry{"IN", "India"},
    Entry{"IT", "Italy"},
    Entry{"JP", "Japan"},
    Entry{"KE", "Kenya"},
    Entry{"KR", "South Korea"},
    Entry{"MA", "Morocco"},
    Entry{"MX", "Mexico"},
    Entry{"MY", "Malaysia"},
    Entry{"NG", "Nigeria"},
    Entry{"NL", "Netherlands"},
    Entry{"NO", "Norway"},
    Entry{"NZ", "New Zealand"},
    Entry{"PE", "Peru"},
    Entry{"PH", "Philippines"},
    Entry{"PK", "Pakistan"},
    Entry{"PL", "Poland"},
    Entry{"PT", "Portugal"},
    Entry{"RW", "Rwanda"},
    Entry{"SE", "Sweden"},
    Entry{"SG", "Singapore"},
    Entry{"TH", "Thailand"},
    Entry{"TR", "Türkiye"},
    Entry{"TW", "Taiwan"},
    Entry{"UA", "Ukraine"},
    Entry{"UG", "Uganda"},
    Entry{"US", "United States"},
    Entry{"VN", "Vietnam"},
    Entry{"WS", "Samoa"},
    Entry{"ZA", "South Africa"},
};

template <std::size_t N>
std::string_view lookup(const std::array<Entry, N>& table, std::string_view key) {
  for (const auto& [code, name] : table) {
    if (code == key) return name;
  }
  return {};
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

std::string language_name(std::string_view tag) {
  const std::string folded = ascii_lower(tag);
  const std::size_t dash = folded.find('-');
  const std::string_view language = std::string_view(folded).substr(0, dash);
  const std::string_view name = lookup(kLanguages, language);
  if (name.empty()) return std::string(tag);
  if (dash == std::string::npos) return std::string(name);
  // A region subtag (pt-BR) names a country; anything else (a script) is shown as written.
  const std::string subtag = upper(std::string_view(folded).substr(dash + 1));
  const std::string_view region = lookup(kCountries, subtag);
  return std::string(name) + " (" +
         (region.empty() ? std::string(tag.substr(dash + 1)) : std::string(region)) + ")";
}

std::string country_name(std::string_view code) {
  const std::string_view name = lookup(kCountries, upper(code));
  return name.empty() ? std::string(code) : std::string(name);
}

std::string filter_field_label(std::string_view field) {
  if (field == "lang") return "Language";
  if (field == "country") return "Country";
  if (field == "city") return "City";
  if (field == "remote") return "Remote talks";
  if (field == "format") return "Format";
  if (field == "community") return "Community";
  if (field == "topic") return "Topic";
  if (field == "year") return "Talk year";
  return std::string(field);
}

std::string filter_value_label(std::string_view field, std::string_view value) {
  if (field == "lang") return language_name(value);
  if (field == "country") return country_name(value);
  if (field == "remote") {
    if (value == "true") return "Yes";
    if (value == "false") return "No";
  }
  return std::string(value);
}

std::string joined(const std::vector<std::string>& values, std::string (*label)(std::string_view),
                   const char* separator) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += separator;
    out += label != nullptr ? label(value) : value;
  }
  return out;
}

}  // namespace podium::http::web
