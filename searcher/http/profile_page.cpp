// SPDX-License-Identifier: Apache-2.0
// Profile page. Consent: self-identification is read only from the API's public JSON
// (SelfIdOutput::kPublicOnly inside search::to_json), never from the Speaker struct, for both
// the visible page and the JSON-LD (tests/web_render/consent_render_test.cpp).
#include "profile_page.h"

#include <algorithm>

#include "podium/core/validate.h"
#include "podium/search/response_json.h"

#include "display_names.h"
#include "html_escape.h"
#include "page_layout.h"
#include "speaker_card.h"

namespace podium::http::web {
namespace {

using nlohmann::json;

// "woman; black, lgbtq+" from the public self_id JSON; empty when there is none.
std::string self_id_text(const json& public_profile) {
  if (!public_profile.contains("self_id")) return {};
  const json& self_id = public_profile["self_id"];
  std::string out = self_id.value("gender", "");
  if (self_id.contains("groups") && self_id["groups"].is_array()) {
    std::string groups;
    for (const auto& g : self_id["groups"]) {
      if (!g.is_string()) continue;
      if (!groups.empty()) groups += ", ";
      groups += g.get<std::string>();
    }
    if (!groups.empty()) out += (out.empty() ? "" : "; ") + groups;
  }
  return out;
}

std::string talk_item(const Talk& talk) {
  std::string out = "<li class=\"talk\" id=\"talk-" + html_escape(talk.id) + "\">";
  out += "<h3 class=\"talk-title\">" + html_escape(talk.title) + "</h3>";
  std::string meta;
  const auto add = [&meta](const std::string& text) {
    if (text.empty()) return;
    if (!meta.empty()) meta += " · ";
    meta += html_escape(text);
  };
  add(talk.event);
  if (!talk.date.empty())
    meta += (meta.empty() ? "" : " · ") + ("<time datetime=\"" + html_escape(talk.date) + "\">" +
                                           html_escape(talk.date) + "</time>");
  if (!talk.language.empty()) add(language_name(talk.language));
  if (!meta.empty()) out += "<p class=\"talk-meta\">" + meta + "</p>";
  if (!talk.abstract.empty()) out += "<p class=\"abstract\">" + html_escape(talk.abstract) + "</p>";
  std::string links;
  const auto link = [&links, &talk](const std::string& url, const char* label) {
    const std::string href = safe_href(url);
    if (href.empty()) return;
    links += "<li><a href=\"" + href + "\" rel=\"nofollow noopener\">" + label +
             "<span class=\"visually-hidden\"> of “" + html_escape(talk.title) +
             "”</span></a></li>";
  };
  link(talk.video, "Video");
  link(talk.slides, "Slides");
  link(talk.url, "Talk page");
  if (!links.empty()) out += "<ul class=\"talk-links\">" + links + "</ul>";
  if (!talk.tags.empty())
    out += "<p class=\"tags\">Tags: " + html_escape(joined(talk.tags)) + "</p>";
  out += "</li>\n";
  return out;
}

std::string community_item(const search::CommunityRef& ref) {
  std::string out = "<li>";
  if (!ref.community) return out + html_escape(ref.id) + "</li>";
  const Community& c = *ref.community;
  const std::string href = safe_href(c.url);
  if (href.empty()) {
    out += html_escape(c.name);
  } else {
    out += "<a href=\"" + href + "\" rel=\"nofollow noopener\">" + html_escape(c.name) + "</a>";
  }
  std::string details = c.type;
  if (!c.regions.empty()) details += (details.empty() ? "" : ", ") + joined(c.regions);
  if (!details.empty()) out += " <span class=\"muted\">(" + html_escape(details) + ")</span>";
  out += "</li>";
  return out;
}

}  // namespace

json person_json_ld(const search::SpeakerProfile& profile) {
  // The same public JSON /v1/speakers/{id} returns: self_id only with consent "public".
  const json pub = search::to_json(profile);
  const Speaker& s = profile.speaker;
  json out = {{"@context", "https://schema.org"},
              {"@type", "Person"},
              {"identifier", s.id},
              {"name", s.name},
              {"url", profile_url(s.id)}};
  if (!s.headline.empty()) out["jobTitle"] = s.headline;
  if (!s.bio.empty()) out["description"] = s.bio;
  if (!s.affiliation.empty()) {
    out["affiliation"] = {{"@type", "Organization"}, {"name", s.affiliation}};
  }
  if (s.location && (!s.location->city.empty() || !s.location->country.empty())) {
    json address = {{"@type", "PostalAddress"}};
    if (!s.location->city.empty()) address["addressLocality"] = s.location->city;
    if (!s.location->country.empty()) address["addressCountry"] = s.location->country;
    out["homeLocation"] = {{"@type", "Place"}, {"address", address}};
  }
  if (!s.languages.empty()) out["knowsLanguage"] = s.languages;
  if (!s.topics.empty()) out["knowsAbout"] = s.topics;
  json same_as = json::array();
  for (const auto& [label, url] : s.links) {
    if (is_valid_url(url)) same_as.push_back(url);
  }
  if (!same_as.empty()) out["sameAs"] = same_as;
  if (pub.contains("self_id")) {
    const std::string gender = pub["self_id"].value("gender", "");
    if (!gender.empty()) out["gender"] = gender;
  }
  return out;
}

std::string render_profile_page(const search::SpeakerProfile& profile, bool assets,
                                const search::SimilarResponse* similar) {
  const Speaker& s = profile.speaker;
  const json pub = search::to_json(profile);
  std::string main = "<article class=\"profile\" aria-labelledby=\"profile-name\">\n";
  main +=
      "<header class=\"profile-head\"><p class=\"breadcrumb\"><a href=\"/\">← Back to "
      "search</a></p>\n<div class=\"card-head\"><h1 id=\"profile-name\">" +
      html_escape(s.name) + "</h1>";
  if (!s.pronouns.empty()) {
    main += " <span class=\"pronouns\">(" + html_escape(s.pronouns) + ")</span>";
  }
  main += "</div>\n";
  if (!s.headline.empty()) main += "<p class=\"headline\">" + html_escape(s.headline) + "</p>\n";
  main += "<dl class=\"meta\">";
  append_meta_item(main, "Affiliation", s.affiliation);
  append_meta_item(main, "Location", location_text(s));
  append_meta_item(main, "Languages", joined(s.languages, &language_name));
  append_meta_item(main, "Formats", joined(s.formats));
  if (s.remote) append_meta_item(main, "Remote talks", *s.remote ? "Yes" : "No");
  append_meta_item(main, "Travel", s.travel);
  append_meta_item(main, "Topics", joined(s.topics));
  if (const std::string self_id = self_id_text(pub); !self_id.empty()) {
    append_meta_item(main, "Self-identification", self_id + " (shared publicly by the speaker)");
  }
  append_meta_item(main, "Profile updated", s.updated);
  main += "</dl>\n<div class=\"card-actions\">" + render_shortlist_button(s) + "</div>\n";
  main += "</header>\n";

  if (!s.bio.empty()) {
    main +=
        "<section class=\"profile-section\" aria-labelledby=\"bio-heading\"><h2 "
        "id=\"bio-heading\">About</h2>\n<div class=\"bio\">" +
        text_paragraphs(s.bio) + "</div></section>\n";
  }

  std::vector<Talk> talks = profile.talks;
  // Newest first (the library already orders them so; a stable sort keeps its ties).
  std::stable_sort(talks.begin(), talks.end(),
                   [](const Talk& a, const Talk& b) { return a.date > b.date; });
  main +=
      "<section class=\"profile-section\" aria-labelledby=\"talks-heading\"><h2 "
      "id=\"talks-heading\">Talks (" +
      std::to_string(talks.size()) + ")</h2>\n";
  if (talks.empty()) {
    main += "<p>No talks listed yet.</p>";
  } else {
    main += "<ol class=\"talk-list\">\n";
    for (const auto& talk : talks) main += talk_item(talk);
    main += "</ol>";
  }
  main += "</section>\n";

  if (!profile.communities.empty()) {
    main +=
        "<section class=\"profile-section\" aria-labelledby=\"communities-heading\"><h2 "
        "id=\"communities-heading\">Communities</h2><ul class=\"plain-list\">";
    for (const auto& ref : profile.communities) main += community_item(ref);
    main += "</ul></section>\n";
  }

  std::string links;
  for (const auto& [label, url] : s.links) {
    const std::string href = safe_href(url);
    if (href.empty()) continue;
    links += "<li><a href=\"" + href + "\" rel=\"nofollow noopener\">" + html_escape(label) +
             "</a></li>";
  }
  if (!links.empty()) {
    main +=
        "<section class=\"profile-section\" aria-labelledby=\"links-heading\"><h2 "
        "id=\"links-heading\">Links</h2><ul class=\"plain-list\">" +
        links + "</ul></section>\n";
  }
  if (similar != nullptr && !similar->results.empty()) {
    main +=
        "<section class=\"profile-section\" aria-labelledby=\"similar-heading\"><h2 "
        "id=\"similar-heading\">Similar speakers</h2><ul class=\"plain-list similar-speakers\">";
    for (const auto& hit : similar->results) {
      main += "<li><a href=\"" + html_escape(profile_url(hit.speaker.id)) + "\">" +
              html_escape(hit.speaker.name) + "</a>";
      const std::vector<std::string>& reason =
          hit.shared_topics.empty() ? hit.shared_terms : hit.shared_topics;
      if (!reason.empty()) {
        std::vector<std::string> shown(reason.begin(),
                                       reason.begin() + std::min<long>(4, std::ssize(reason)));
        main += " <span class=\"why\">(" + html_escape(joined(shown)) + ")</span>";
      }
      main += "</li>";
    }
    main += "</ul></section>\n";
  }
  main += "</article>";

  PageOptions page;
  page.title = s.name;
  page.description = s.headline.empty() ? s.name + ", speaker" : s.name + ": " + s.headline;
  page.assets = assets;
  page.json_ld = json_for_script(person_json_ld(profile));
  return render_page(page, main);
}

std::string render_speaker_not_found_page(const std::string& id, bool assets) {
  PageOptions page;
  page.title = "Speaker not found";
  page.assets = assets;
  return render_message_page(page, "Speaker not found",
                             "There is no speaker with the id “" + id + "”.",
                             "<p><a href=\"/\">Search for speakers</a> or <a href=\"/" +
                                 std::string("communities\">browse communities</a>.</p>"));
}

}  // namespace podium::http::web
