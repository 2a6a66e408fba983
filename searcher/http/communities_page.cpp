// SPDX-License-Identifier: Apache-2.0
// Community listings page: a GET form, result cards whose region/topic/type chips are links
// that filter the listing, and previous/next paging.
#include "communities_page.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "display_names.h"
#include "html_escape.h"
#include "page_layout.h"

namespace podium::http::web {
namespace {

constexpr std::array<const char*, 5> kTypes = {"conference", "festival", "meetup", "network",
                                               "workshop"};

void append_param(std::string& url, const char* name, const std::string& value) {
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += name;
  url += '=';
  url += url_encode(value);
}

int to_int(const std::string& text, int fallback) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && ptr == text.data() + text.size() ? value : fallback;
}

std::string region_label(const std::string& region) {
  if (region == "global") return "Global";
  // Two upper-case letters are a country code; anything else is a city.
  if (region.size() == 2 && std::isupper(static_cast<unsigned char>(region[0])) != 0 &&
      std::isupper(static_cast<unsigned char>(region[1])) != 0) {
    return country_name(region);
  }
  return region;
}

std::string chip(const CommunityPageState& filter, const std::string& text,
                 const std::string& aria_label) {
  return "<li><a class=\"chip\" href=\"" + html_escape(communities_url(filter)) +
         "\" aria-label=\"" + html_escape(aria_label) + "\">" + html_escape(text) + "</a></li>";
}

std::string community_card(const Community& c) {
  std::string out = "<article class=\"card community-card\" aria-labelledby=\"community-" +
                    html_escape(c.id) + "\">";
  const std::string href = safe_href(c.url);
  out += "<h2 class=\"card-title\" id=\"community-" + html_escape(c.id) + "\">";
  if (href.empty()) {
    out += html_escape(c.name);
  } else {
    out += "<a href=\"" + href + "\" rel=\"nofollow noopener\">" + html_escape(c.name) + "</a>";
  }
  out += "</h2>";
  std::string facts = c.type;
  if (!c.colocated_with.empty()) {
    facts += (facts.empty() ? "" : " · ") + ("co-located with " + c.colocated_with);
  }
  if (c.travel_grants && *c.travel_grants)
    facts += (facts.empty() ? "" : " · ") + std::string("travel grants");
  if (!facts.empty()) out += "<p class=\"muted\">" + html_escape(facts) + "</p>";
  if (!c.description.empty()) out += "<p>" + html_escape(c.description) + "</p>";
  std::string chips;
  for (const auto& region : c.regions) {
    CommunityPageState filter;
    filter.regions = {region};
    chips += chip(filter, region_label(region), "Communities in " + region_label(region));
  }
  for (const auto& topic : c.topics) {
    CommunityPageState filter;
    filter.topics = {topic};
    chips += chip(filter, topic, "Communities on " + topic);
  }
  if (!chips.empty()) out += "<ul class=\"chips\">" + chips + "</ul>";
  out += "<p class=\"card-actions\"><a href=\"/?community=" + html_escape(url_encode(c.id)) +
         "\">Speakers in this community<span class=\"visually-hidden\">: " + html_escape(c.name) +
         "</span></a></p>";
  out += "</article>\n";
  return out;
}

std::string filter_form(const CommunityPageState& state) {
  const auto first = [](const std::vector<std::string>& values) {
    return values.empty() ? std::string() : values.front();
  };
  std::string out =
      "<form class=\"community-form\" method=\"get\" action=\"/communities\" role=\"search\" "
      "aria-label=\"Community search\">\n<div class=\"form-grid\">"
      "<div><label class=\"field-label\" for=\"cq\">Search</label><input type=\"search\" "
      "id=\"cq\" name=\"q\" value=\"" +
      html_escape(state.q) +
      "\" placeholder=\"e.g. mentoring, NLP\"></div>"
      "<div><label class=\"field-label\" for=\"region\">Region</label><input type=\"text\" "
      "id=\"region\" name=\"region\" value=\"" +
      html_escape(first(state.regions)) +
      "\" placeholder=\"global, DE, Nairobi\" aria-describedby=\"region-hint\"><span "
      "class=\"hint\" id=\"region-hint\">“global”, a country code or a city</span></div>"
      "<div><label class=\"field-label\" for=\"topic\">Topic</label><input type=\"text\" "
      "id=\"topic\" name=\"topic\" value=\"" +
      html_escape(first(state.topics)) +
      "\"></div>"
      "<div><label class=\"field-label\" for=\"type\">Type</label><select id=\"type\" "
      "name=\"type\"><option value=\"\">Any type</option>";
  for (const char* type : kTypes) {
    out += "<option value=\"";
    out += type;
    out += '"';
    if (first(state.types) == type) out += " selected";
    out += '>';
    out += type;
    out += "</option>";
  }
  out +=
      "</select></div></div>\n<div class=\"form-options\"><input type=\"checkbox\" "
      "id=\"travel_grants\" name=\"travel_grants\" value=\"true\"";
  if (state.travel_grants && *state.travel_grants) out += " checked";
  out +=
      "><label for=\"travel_grants\">Offers travel grants</label></div>\n"
      "<button type=\"submit\" class=\"button primary\">Find communities</button>\n</form>\n";
  return out;
}

}  // namespace

ParsedCommunityPage parse_community_page(const QueryParams& params) {
  ParsedCommunityPage page;
  CommunityPageState& state = page.state;
  QueryParams api;
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    if (name == "region" || name == "topic" || name == "type") {
      auto& values = name == "region"  ? state.regions
                     : name == "topic" ? state.topics
                                       : state.types;
      if (std::find(values.begin(), values.end(), value) != values.end()) continue;
      values.push_back(value);
      api.emplace(name, value);
    } else if (name == "q" || name == "k" || name == "offset" || name == "travel_grants") {
      if (api.count(name) > 0) continue;
      api.emplace(name, value);
      if (name == "q") state.q = value;
      if (name == "k") state.k = to_int(value, state.k);
      if (name == "offset") state.offset = to_int(value, state.offset);
      if (name == "travel_grants") {
        if (value == "true" || value == "1" || value == "on") state.travel_grants = true;
        if (value == "false" || value == "0" || value == "off") state.travel_grants = false;
      }
    }
  }
  page.request = parse_community_params(api);
  return page;
}

std::string communities_url(const CommunityPageState& state) {
  std::string url = "/communities";
  if (!state.q.empty()) append_param(url, "q", state.q);
  for (const auto& v : state.regions) append_param(url, "region", v);
  for (const auto& v : state.topics) append_param(url, "topic", v);
  for (const auto& v : state.types) append_param(url, "type", v);
  if (state.travel_grants)
    append_param(url, "travel_grants", *state.travel_grants ? "true" : "false");
  if (state.k != 20) append_param(url, "k", std::to_string(state.k));
  if (state.offset > 0) append_param(url, "offset", std::to_string(state.offset));
  return url;
}

std::string render_communities_page(const CommunityPageState& state,
                                    const Result<search::CommunityPage>& result, bool assets) {
  std::string main =
      "<h1 class=\"page-title\">Communities</h1>\n<p class=\"lead\">Networks, "
      "meetups and conferences where you can meet and invite speakers.</p>\n";
  main += filter_form(state);
  if (!result.is_ok()) {
    main +=
        "<div class=\"notice error\" role=\"alert\"><h2>This listing could not be "
        "shown</h2><p>" +
        html_escape(result.status().to_string()) +
        "</p><p><a href=\"/communities\">Show "
        "all communities</a>.</p></div>\n";
  } else {
    const search::CommunityPage& listing = *result;
    main +=
        "<section class=\"results\" aria-labelledby=\"communities-heading\">\n<h2 "
        "id=\"communities-heading\" class=\"visually-hidden\">Listings</h2>\n";
    main += "<p class=\"summary\" role=\"status\">" + std::to_string(listing.total) +
            (listing.total == 1 ? " community" : " communities") + "</p>\n";
    if (listing.results.empty()) {
      main +=
          "<div class=\"empty\"><p>No community matches. Try fewer filters or "
          "<a href=\"/communities\">show all communities</a>.</p></div>";
    } else {
      main += "<div class=\"card-grid\">";
      for (const auto& c : listing.results) main += community_card(c);
      main += "</div>\n";
    }
    const auto k = static_cast<std::size_t>(state.k);
    const auto offset = static_cast<std::size_t>(state.offset);
    if (offset > 0 || offset + k < listing.total) {
      main += "<nav class=\"pagination\" aria-label=\"Listing pages\"><ul>";
      if (offset > 0) {
        CommunityPageState previous = state;
        previous.offset = offset > k ? static_cast<int>(offset - k) : 0;
        main += "<li><a rel=\"prev\" href=\"" + html_escape(communities_url(previous)) +
                "\">← Previous</a></li>";
      }
      if (offset + k < listing.total) {
        CommunityPageState next = state;
        next.offset = static_cast<int>(offset + k);
        main += "<li><a rel=\"next\" href=\"" + html_escape(communities_url(next)) +
                "\">Next →</a></li>";
      }
      main += "</ul></nav>\n";
    }
    main += "</section>\n";
  }
  PageOptions page;
  page.title = "Communities";
  page.description = "Community listings to find and reach speakers through.";
  page.current = NavItem::kCommunities;
  page.assets = assets;
  return render_page(page, main);
}

}  // namespace podium::http::web
