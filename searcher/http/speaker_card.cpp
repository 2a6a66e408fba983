// SPDX-License-Identifier: Apache-2.0
// Result cards. Every value from the index goes through html_escape, and snippets through
// snippet_html, which keeps only the <mark> tags of the search library.
#include "speaker_card.h"

#include "display_names.h"
#include "html_escape.h"

namespace podium::http::web {
namespace {

std::string evidence_item(const std::string& speaker_id, const search::Evidence& e) {
  std::string out = "<li class=\"evidence-item\">";
  if (e.kind == "talk") {
    out += "<span class=\"evidence-title\"><a href=\"" + html_escape(profile_url(speaker_id)) +
           "#talk-" + html_escape(url_encode(e.talk_id)) + "\">" + html_escape(e.title) + "</a>";
    if (e.date.size() >= 4) {
      out += " <span class=\"evidence-date\">(" + html_escape(e.date.substr(0, 4)) + ")</span>";
    }
    out += "</span>";
  } else {
    out += "<span class=\"evidence-title\">From the bio</span>";
  }
  if (!e.snippet.empty()) out += "<p class=\"snippet\">" + snippet_html(e.snippet) + "</p>";
  if (!e.matched_tag_snippets.empty()) {
    // A talk found by its tags alone has no marked words above; say which tags matched.
    out += "<p class=\"evidence-tags\">Tagged ";
    for (std::size_t i = 0; i < e.matched_tag_snippets.size(); ++i) {
      if (i > 0) out += ", ";
      out += snippet_html(e.matched_tag_snippets[i]);
    }
    out += "</p>";
  }
  out += "</li>";
  return out;
}

}  // namespace

std::string profile_url(const std::string& speaker_id) {
  return "/speakers/" + url_encode(speaker_id);
}

std::string location_text(const Speaker& speaker) {
  if (!speaker.location) return {};
  std::string out = speaker.location->city;
  if (!speaker.location->country.empty()) {
    if (!out.empty()) out += ", ";
    out += country_name(speaker.location->country);
  }
  return out;
}

std::string render_shortlist_button(const Speaker& speaker) {
  std::string out = "<button type=\"button\" class=\"shortlist-toggle\" hidden";
  const auto attr = [&out](const char* name, const std::string& value) {
    out += ' ';
    out += name;
    out += "=\"" + html_escape(value) + '"';
  };
  attr("data-id", speaker.id);
  attr("data-name", speaker.name);
  attr("data-pronouns", speaker.pronouns);
  attr("data-headline", speaker.headline);
  attr("data-location", location_text(speaker));
  attr("data-languages", joined(speaker.languages, &language_name));
  attr("data-topics", joined(speaker.topics, nullptr, "; "));
  attr("data-url", profile_url(speaker.id));
  out += " aria-pressed=\"false\">Add to shortlist</button>";
  return out;
}

std::string render_speaker_card(const search::SpeakerHit& hit, const CardOptions& options) {
  const Speaker& s = hit.speaker;
  const std::string heading_id = "speaker-" + html_escape(s.id);
  const std::string h = "h" + std::to_string(options.heading_level);
  const std::string sub_h = "h" + std::to_string(options.heading_level + 1);
  std::string out =
      "<article class=\"card speaker-card\" aria-labelledby=\"" + heading_id + "\">\n";
  out += "<div class=\"card-head\"><" + h + " class=\"card-title\" id=\"" + heading_id +
         "\"><a class=\"result-link\" href=\"" + html_escape(profile_url(s.id)) + "\">" +
         html_escape(s.name) + "</a></" + h + ">";
  if (!s.pronouns.empty()) {
    out += " <span class=\"pronouns\">(" + html_escape(s.pronouns) + ")</span>";
  }
  out += "</div>\n";
  if (!s.headline.empty()) out += "<p class=\"headline\">" + html_escape(s.headline) + "</p>\n";
  out += "<dl class=\"meta\">";
  append_meta_item(out, "Location", location_text(s));
  append_meta_item(out, "Languages", joined(s.languages, &language_name));
  append_meta_item(out, "Formats", joined(s.formats));
  if (s.remote) append_meta_item(out, "Remote", *s.remote ? "Yes" : "No");
  append_meta_item(out, "Talks", std::to_string(hit.talk_count));
  out += "</dl>\n";
  if (!hit.evidence.empty()) {
    out += "<section class=\"evidence\" aria-label=\"Evidence for " + html_escape(s.name) + "\">";
    if (!options.evidence_heading.empty()) {
      out += "<" + sub_h + " class=\"evidence-heading\">" + html_escape(options.evidence_heading) +
             "</" + sub_h + ">";
    }
    out += "<ul class=\"evidence-list\">";
    for (const auto& e : hit.evidence) out += evidence_item(s.id, e);
    out += "</ul></section>\n";
  }
  out += "<div class=\"card-actions\">" + render_shortlist_button(s) + "</div>\n";
  out += "</article>\n";
  return out;
}

}  // namespace podium::http::web
