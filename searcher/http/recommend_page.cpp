// SPDX-License-Identifier: Apache-2.0
// Recommend page. Says on the page that the ranking is a topic match, so nobody reads more
// into the order than there is.
#include "recommend_page.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>
#include <set>
#include <string_view>

#include "html_escape.h"
#include "page_layout.h"
#include "speaker_card.h"

namespace podium::http::web {
namespace {

// Words too common in event descriptions to say anything about a topic.
constexpr std::string_view kStopwords[] = {
    "a",    "about", "all",   "also", "an",    "and",     "are",      "as",      "at",
    "be",   "been",  "but",   "by",   "can",   "do",      "for",      "from",    "has",
    "have", "how",   "i",     "if",   "in",    "into",    "is",       "it",      "its",
    "join", "more",  "most",  "not",  "of",    "on",      "one",      "or",      "our",
    "out",  "so",    "some",  "talk", "talks", "than",    "that",     "the",     "their",
    "them", "there", "these", "they", "this",  "to",      "up",       "us",      "was",
    "we",   "were",  "what",  "when", "where", "which",   "who",      "why",     "will",
    "with", "would", "you",   "your", "event", "speaker", "speakers", "looking", "want",
};

bool is_stopword(std::string_view word) {
  return std::find(std::begin(kStopwords), std::end(kStopwords), word) != std::end(kStopwords);
}

// Letters, digits and any non-ASCII byte (so "zoë" and "東京" stay words).
bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

}  // namespace

RecommendForm parse_recommend_form(const QueryParams& params) {
  RecommendForm form;
  if (auto it = params.find("text"); it != params.end()) form.text = it->second;
  if (auto it = params.find("size"); it != params.end()) {
    int size = 0;
    const std::string& text = it->second;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), size);
    if (ec == std::errc() && ptr == text.data() + text.size()) {
      form.size = std::clamp(size, 1, kMaxLineupSize);
    }
  }
  return form;
}

std::string description_query(const std::string& text) {
  std::string query;
  std::set<std::string> seen;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::string word;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      // Keep inner hyphens ("on-device"); anything else ends the word.
      const bool inner_hyphen = c == '-' && !word.empty() && i + 1 < text.size() &&
                                is_word_byte(static_cast<unsigned char>(text[i + 1]));
      if (!is_word_byte(c) && !inner_hyphen) break;
      word += static_cast<char>(std::tolower(c));
      ++i;
    }
    if (word.empty() || is_stopword(word) || !seen.insert(word).second) continue;
    if (word.size() == 1 && static_cast<unsigned char>(word[0]) < 0x80) continue;
    if (query.size() + word.size() + 1 > kMaxQueryBytes) continue;
    if (!query.empty()) query += ' ';
    query += word;
  }
  return query;
}

std::string render_recommend_page(const RecommendForm& form, const std::string& query,
                                  const std::optional<Result<search::SearchResponse>>& result,
                                  bool assets) {
  std::string main = "<h1 class=\"page-title\">Recommend a lineup</h1>\n";
  main +=
      "<p class=\"lead\">Paste your event or session description. Podium suggests speakers "
      "whose talks and bios cover its topics.</p>\n";
  main +=
      "<form class=\"recommend-form\" method=\"post\" action=\"/recommend\">\n"
      "<label class=\"field-label\" for=\"text\">Event description</label>\n"
      "<textarea id=\"text\" name=\"text\" rows=\"8\" required "
      "placeholder=\"e.g. A one-day meetup on running machine learning in production for "
      "small teams: monitoring, feature stores, on-call.\">" +
      html_escape(form.text) + "</textarea>\n";
  main +=
      "<div class=\"form-row\"><label class=\"field-label\" for=\"size\">Number of "
      "speakers</label><select id=\"size\" name=\"size\">";
  for (int size : {3, 5, 8, 10, 12, 15, 20}) {
    main += "<option value=\"" + std::to_string(size) + "\"";
    if (size == form.size) main += " selected";
    main += ">" + std::to_string(size) + "</option>";
  }
  if (form.size != 3 && form.size != 5 && form.size != 8 && form.size != 10 && form.size != 12 &&
      form.size != 15 && form.size != 20) {
    main += "<option value=\"" + std::to_string(form.size) + "\" selected>" +
            std::to_string(form.size) + "</option>";
  }
  main +=
      "</select></div>\n<button type=\"submit\" class=\"button primary\">Recommend "
      "speakers</button>\n</form>\n";

  if (result) {
    main += "<section class=\"recommendations\" aria-labelledby=\"rec-heading\">\n";
    if (!result->is_ok()) {
      main +=
          "<h2 id=\"rec-heading\">No recommendations</h2><div class=\"notice error\" "
          "role=\"alert\"><p>" +
          html_escape(result->status().to_string()) + "</p></div>";
    } else if (query.empty()) {
      main +=
          "<h2 id=\"rec-heading\">No recommendations</h2><p class=\"notice\" role=\"status\">"
          "The description has no words to match on. Describe the topics of the event, "
          "e.g. “privacy engineering for mobile apps”.</p>";
    } else {
      const auto& response = **result;
      main += "<h2 id=\"rec-heading\">Suggested speakers</h2>\n";
      main += "<p class=\"notice\" role=\"status\"><strong>Topic match:</strong> these are the " +
              std::to_string(response.results.size()) +
              " speakers whose talks and bios share the most topics with your description (" +
              std::to_string(response.total) +
              " matched in all). Availability, fees and fit are for you to check.</p>\n";
      main += "<details class=\"query-used\"><summary>Words matched on</summary><p>" +
              html_escape(query) + "</p></details>\n";
      if (response.results.empty()) {
        main +=
            "<p>No speaker matches these topics. Try describing the event with more "
            "general words, or <a href=\"/\">search by topic</a>.</p>";
      } else {
        main += "<ol class=\"result-list\">\n";
        CardOptions card;
        card.heading_level = 3;
        card.evidence_heading = "Why: matching talks and bio passages";
        for (const auto& hit : response.results) {
          main += "<li>" + render_speaker_card(hit, card) + "</li>\n";
        }
        main += "</ol>\n";
      }
    }
    main += "</section>\n";
  }
  PageOptions page;
  page.title = "Recommend a lineup";
  page.description = "Paste an event description and get speaker suggestions.";
  page.current = NavItem::kRecommend;
  page.assets = assets;
  return render_page(page, main);
}

}  // namespace podium::http::web
