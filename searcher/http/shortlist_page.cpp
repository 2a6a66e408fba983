// SPDX-License-Identifier: Apache-2.0
// Shortlist page frame. Nothing from the index is printed here; app.js writes shortlist entries
// with textContent only.
#include "shortlist_page.h"

#include "page_layout.h"

namespace podium::http::web {

std::string render_shortlist_page(bool assets) {
  std::string main =
      "<h1 class=\"page-title\">Shortlist</h1>\n"
      "<p class=\"lead\">Speakers you add from search results and profiles. The list is kept in "
      "this browser only: no account, nothing is sent to the server.</p>\n"
      "<noscript><p class=\"notice\">The shortlist needs JavaScript, because it is stored in "
      "your browser. Search and profiles work without it.</p></noscript>\n"
      "<div class=\"shortlist\" data-shortlist-root>\n"
      "<p class=\"empty\" data-shortlist-empty>Your shortlist is empty. <a href=\"/\">Find "
      "speakers</a> and choose “Add to shortlist”.</p>\n"
      "<div class=\"table-scroll\" data-shortlist-filled hidden>"
      "<table class=\"shortlist-table\"><caption class=\"visually-hidden\">Shortlisted "
      "speakers</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Headline</th>"
      "<th scope=\"col\">Location</th><th scope=\"col\">Languages</th><th scope=\"col\">"
      "<span class=\"visually-hidden\">Actions</span></th></tr></thead>"
      "<tbody data-shortlist-rows></tbody></table></div>\n"
      "<div class=\"shortlist-actions\" data-shortlist-filled hidden>"
      "<button type=\"button\" class=\"button primary\" data-export-csv>Download CSV</button> "
      "<button type=\"button\" class=\"button\" data-clear-shortlist>Clear shortlist</button>"
      "</div>\n"
      "<section class=\"lineup-summary\" aria-labelledby=\"summary-heading\" "
      "data-shortlist-filled hidden>\n<h2 id=\"summary-heading\">Lineup summary</h2>\n"
      "<label class=\"field-label\" for=\"lineup-text\">Plain text to paste into an email or "
      "a document</label>\n<textarea id=\"lineup-text\" rows=\"8\" readonly></textarea>\n"
      "<p><button type=\"button\" class=\"button\" data-copy-summary>Copy summary</button> "
      "<span class=\"copy-status\" role=\"status\" data-copy-status></span></p>\n"
      "</section>\n</div>";
  PageOptions page;
  page.title = "Shortlist";
  page.description = "Your speaker shortlist, kept in this browser.";
  page.current = NavItem::kShortlist;
  page.assets = assets;
  return render_page(page, main);
}

}  // namespace podium::http::web
