// SPDX-License-Identifier: Apache-2.0
// Escaping helpers of the web UI. Tested by tests/web_render/html_escape_test.cpp.
#include "html_escape.h"

#include <array>
#include <cctype>

#include "podium/core/validate.h"

namespace podium::http::web {
namespace {

bool is_unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// Length of a character reference (&name; &#123; &#x1F;) at the start of `text`, or 0.
std::size_t reference_length(std::string_view text) {
  if (text.size() < 3 || text[0] != '&') return 0;
  std::size_t i = 1;
  if (text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_start = i;
    while (i < text.size() && i - digits_start < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) != 0
                : std::isdigit(static_cast<unsigned char>(text[i])) != 0)) {
      ++i;
    }
    if (i == digits_start) return 0;
  } else {
    while (i < text.size() && i < 32 && std::isalnum(static_cast<unsigned char>(text[i])) != 0) {
      ++i;
    }
    if (i == 1) return 0;
  }
  return i < text.size() && text[i] == ';' ? i + 1 : 0;
}

void append_escaped(std::string& out, char c) {
  switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
  }
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) append_escaped(out, c);
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string out;
  out.reserve(text.size() * 3);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string safe_href(std::string_view url) {
  if (!is_valid_url(url)) return {};
  return html_escape(url);
}

std::string snippet_html(std::string_view snippet) {
  static constexpr std::string_view kOpen = "<mark>";
  static constexpr std::string_view kClose = "</mark>";
  std::string out;
  out.reserve(snippet.size() + 16);
  bool open = false;
  std::size_t i = 0;
  while (i < snippet.size()) {
    const std::string_view rest = snippet.substr(i);
    if (!open && rest.starts_with(kOpen)) {
      out += kOpen;
      open = true;
      i += kOpen.size();
    } else if (open && rest.starts_with(kClose)) {
      out += kClose;
      open = false;
      i += kClose.size();
    } else if (const std::size_t ref = reference_length(rest); ref > 0) {
      out += rest.substr(0, ref);
      i += ref;
    } else {
      append_escaped(out, snippet[i]);
      ++i;
    }
  }
  if (open) out += kClose;
  return out;
}

std::string json_for_script(const nlohmann::json& value) {
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + 16);
  // Outside strings JSON has no <, > or &, so replacing them everywhere keeps the JSON equal.
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out += c;
    }
  }
  return out;
}

std::string text_paragraphs(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && (paragraph.front() == '\n' || paragraph.front() == ' ')) {
      paragraph.remove_prefix(1);
    }
    while (!paragraph.empty() && (paragraph.back() == '\n' || paragraph.back() == ' ')) {
      paragraph.remove_suffix(1);
    }
    if (!paragraph.empty()) {
      out += "<p>";
      std::size_t line_start = 0;
      while (true) {
        const std::size_t line_end = paragraph.find('\n', line_start);
        out += html_escape(paragraph.substr(line_start, line_end - line_start));
        if (line_end == std::string_view::npos) break;
        out += "<br>";
        line_start = line_end + 1;
      }
      out += "</p>\n";
    }
    start = end + 2;
  }
  return out;
}

void append_meta_item(std::string& out, const char* label, std::string_view text) {
  if (text.empty()) return;
  out += "<div><dt>";
  out += label;
  out += "</dt><dd>" + html_escape(text) + "</dd></div>";
}

}  // namespace podium::http::web
