// SPDX-License-Identifier: Apache-2.0
// Escaping for the server-rendered web UI: HTML text and attributes, URL query components,
// link targets, search snippets and JSON inside <script> blocks. Every byte that comes from
// the index reaches a page through one of these functions.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace podium::http::web {

// Escapes & < > " ' so the result is safe as element text and inside a quoted attribute.
std::string html_escape(std::string_view text);

// Percent-encodes everything except the RFC 3986 unreserved characters; for one query
// parameter name or value.
std::string url_encode(std::string_view text);

// The escaped URL when `url` is an absolute http(s) URL (podium::is_valid_url), else empty:
// a `javascript:` or relative link from the data never becomes an href.
std::string safe_href(std::string_view url);

// A search snippet (HTML-escaped text with <mark>...</mark> around the matched words, as
// search::Evidence::snippet promises) made safe whatever it contains: the two mark tags are
// kept, character references (&amp; &lt; &#39; ...) are kept, every other <, >, ", ' and bare &
// is escaped, and an unclosed <mark> is closed.
std::string snippet_html(std::string_view snippet);

// `value` as JSON text that can sit inside <script type="application/ld+json">: <, > and & are
// written as \u003c, \u003e and \u0026, so no "</script>" or "<!--" can end the block early.
std::string json_for_script(const nlohmann::json& value);

// Plain text as HTML paragraphs: blank lines separate paragraphs, single newlines become <br>.
std::string text_paragraphs(std::string_view text);

// Appends <div><dt>label</dt><dd>text</dd></div> (text escaped) to a description list, or
// nothing when `text` is empty: a profile shows only the facts it has.
void append_meta_item(std::string& out, const char* label, std::string_view text);

}  // namespace podium::http::web
