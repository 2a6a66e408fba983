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

#include "display_names.h"
#include "html_escape.h"
#include "page_layout.h"
#include "speaker_card.h"

namespace podium::http::web {
namespace {

// Listings that can help the lineup: where organisers find more speakers, and travel grants.
std::string communities_section(const std::vector<search::CommunitySuggestion>& suggestions) {
  if (suggestions.empty()) return {};
  std::string out =
      "<section class=\"community-suggestions\" aria-labelledby=\"rec-communities\">\n"
      "<h2 id=\"rec-communities\">Communities to reach out to</h2>\n<ul>\n";
  for (const auto& s : suggestions) {
    const Community& c = s.community;
    out += "<li class=\"community-suggestion\"><strong>" + html_escape(c.name) + "</strong>";
    if (c.travel_grants) {
      out += *c.travel_grants ? " · <span class=\"travel-grants\">offers travel grants</span>"
                              : " · no travel grants";
    }
    std::string why;
    if (!s.matched_topics.empty()) why += "topics: " + joined(s.matched_topics);
    if (!s.matched_regions.empty()) {
      why += (why.empty() ? "" : "; ") + std::string("regions: ") + joined(s.matched_regions);
    }
    if (!why.empty()) out += "<br><span class=\"why\">Matches " + html_escape(why) + "</span>";
    out += "</li>\n";
  }
  return out + "</ul>\n</section>\n";
}

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

std::string render_recommend_page(const RecommendForm& form,
                                  const std::optional<Result<search::LineupResponse>>& result,
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
    const bool wordless = !result->is_ok() && result->status().field() == "event" &&
                          result->status().message() == search::kNoEventWordsMessage &&
                          result->status().code() == StatusCode::kInvalidArgument;
    if (wordless) {
      main +=
          "<h2 id=\"rec-heading\">No recommendations</h2><p class=\"notice\" role=\"status\">"
          "The description has no words to match on. Describe the topics of the event, "
          "e.g. “privacy engineering for mobile apps”.</p>";
    } else if (!result->is_ok()) {
      main +=
          "<h2 id=\"rec-heading\">No recommendations</h2><div class=\"notice error\" "
          "role=\"alert\"><p>" +
          html_escape(result->status().to_string()) + "</p></div>";
    } else {
      const auto& response = **result;
      main += "<h2 id=\"rec-heading\">Suggested speakers</h2>\n";
      std::vector<std::string> labels;
      for (const auto& s : response.subtopics) labels.push_back(s.label);
      main += "<p class=\"notice\" role=\"status\"><strong>Topic match:</strong> these " +
              std::to_string(response.lineup.size()) +
              " speakers together cover the subtopics of your description (chosen from " +
              std::to_string(response.candidates) +
              " matching speakers). Availability, fees and fit are for you to check.</p>\n";
      if (!labels.empty()) {
        main += "<p class=\"subtopics\">Subtopics found: " + html_escape(joined(labels)) + "</p>\n";
      }
      main += "<details class=\"query-used\"><summary>Words matched on</summary><p>" +
              html_escape(joined(response.terms)) + "</p></details>\n";
      if (response.lineup.empty()) {
        main +=
            "<p>No speaker matches these topics. Try describing the event with more "
            "general words, or <a href=\"/\">search by topic</a>.</p>";
      } else {
        main += "<ol class=\"result-list\">\n";
        CardOptions card;
        card.heading_level = 3;
        card.evidence_heading = "Why: matching talks and bio passages";
        for (const auto& member : response.lineup) {
          search::SpeakerHit hit;
          hit.speaker = member.speaker;
          hit.score = member.relevance;
          hit.talk_count = member.talk_count;
          hit.evidence = member.evidence;
          main += "<li>";
          if (!member.subtopics.empty()) {
            main += "<p class=\"covers\">Covers: " + html_escape(joined(member.subtopics)) + "</p>";
          }
          main += render_speaker_card(hit, card) + "</li>\n";
        }
        main += "</ol>\n";
      }
      main += communities_section(response.communities);
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
