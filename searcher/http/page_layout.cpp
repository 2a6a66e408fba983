// SPDX-License-Identifier: Apache-2.0
// Page frame of the web UI: landmarks (header/nav/main/footer) and a skip link for keyboard use.
#include "page_layout.h"

#include <array>

#include "html_escape.h"

namespace podium::http::web {
namespace {

struct NavLink {
  NavItem item;
  const char* href;
  const char* label;
};

constexpr std::array kNav = {
    NavLink{NavItem::kSearch, "/", "Find speakers"},
    NavLink{NavItem::kRecommend, "/recommend", "Recommend a lineup"},
    NavLink{NavItem::kCommunities, "/communities", "Communities"},
    NavLink{NavItem::kShortlist, "/shortlist", "Shortlist"},
};

}  // namespace

std::string render_page(const PageOptions& options, std::string_view main_html) {
  std::string out;
  out.reserve(main_html.size() + 2048);
  out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(options.title) + " · Podium</title>\n";
  if (!options.description.empty()) {
    out += "<meta name=\"description\" content=\"" + html_escape(options.description) + "\">\n";
  }
  if (options.assets) {
    out += "<link rel=\"stylesheet\" href=\"/static/style.css\">\n";
    out += "<script src=\"/static/app.js\" defer></script>\n";
  }
  if (!options.json_ld.empty()) {
    out += "<script type=\"application/ld+json\">" + options.json_ld + "</script>\n";
  }
  out += "</head>\n<body>\n";
  out += "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n";
  out += "<header class=\"site-header\"><div class=\"wrap header-row\">\n";
  out +=
      "<a class=\"brand\" href=\"/\">Podium<span class=\"brand-tag\"> speaker search</span></a>\n";
  out += "<nav aria-label=\"Main\"><ul class=\"nav-list\">\n";
  for (const NavLink& link : kNav) {
    out += "<li><a href=\"";
    out += link.href;
    out += '"';
    if (link.item == options.current) out += " aria-current=\"page\"";
    out += '>';
    out += link.label;
    if (link.item == NavItem::kShortlist) {
      out += " <span class=\"shortlist-count\" data-shortlist-count hidden></span>";
    }
    out += "</a></li>\n";
  }
  out += "</ul></nav>\n</div></header>\n";
  out += "<main id=\"main\" tabindex=\"-1\"><div class=\"wrap\">\n";
  out += main_html;
  out += "\n</div></main>\n";
  out +=
      "<footer class=\"site-footer\"><div class=\"wrap\"><p>Podium is an open-source speaker "
      "search. Profiles come from public listings; self-identification is shown only where "
      "a speaker made it public. <a href=\"/openapi.json\">JSON API</a></p></div></footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

std::string render_message_page(const PageOptions& options, std::string_view heading,
                                std::string_view message, std::string_view next_html) {
  std::string main = "<section class=\"message\" aria-labelledby=\"message-heading\">\n";
  main += "<h1 id=\"message-heading\">" + html_escape(heading) + "</h1>\n";
  main += "<p class=\"error-text\" role=\"alert\">" + html_escape(message) + "</p>\n";
  main += next_html;
  main += "</section>";
  return render_page(options, main);
}

}  // namespace podium::http::web
