// SPDX-License-Identifier: Apache-2.0
// The frame every web UI page shares: head, skip link, header with the main navigation, main,
// footer. Pages render only what goes inside <main>.
#pragma once

#include <string>
#include <string_view>

namespace podium::http::web {

enum class NavItem { kNone, kSearch, kRecommend, kCommunities, kShortlist };

struct PageOptions {
  std::string title;        // plain text; escaped here
  std::string description;  // plain text for <meta name="description">; empty: none
  NavItem current = NavItem::kNone;
  // Link /static/style.css and /static/app.js. Off when the server has no web root: the page
  // is complete without them (plain HTML forms and links).
  bool assets = true;
  // A JSON-LD document already passed through json_for_script(); empty: none.
  std::string json_ld;
};

// The whole HTML document around `main_html` (trusted HTML built by the page renderers).
std::string render_page(const PageOptions& options, std::string_view main_html);

// A page that reports a problem in words: a heading, the message (plain text) and an optional
// trusted HTML block with what to do next.
std::string render_message_page(const PageOptions& options, std::string_view heading,
                                std::string_view message, std::string_view next_html = {});

}  // namespace podium::http::web
