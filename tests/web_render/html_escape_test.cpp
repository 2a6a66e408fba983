// SPDX-License-Identifier: Apache-2.0
// Escaping helpers of the web UI: every byte from the index reaches a page through these.
#include "html_escape.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "display_names.h"

namespace podium::http::web {
namespace {

TEST(HtmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(html_escape(R"(<a href="x" title='y'>&</a>)"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(html_escape("Zoë 東京"), "Zoë 東京");
  EXPECT_EQ(html_escape(""), "");
}

TEST(UrlEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(url_encode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(url_encode("a b&c=d/e?f#g"), "a%20b%26c%3Dd%2Fe%3Ff%23g");
  EXPECT_EQ(url_encode("\"><"), "%22%3E%3C");
  EXPECT_EQ(url_encode("ë"), "%C3%AB");
}

TEST(SafeHref, LinksOnlyAbsoluteHttpUrls) {
  EXPECT_EQ(safe_href("https://example.org/a?b=1&c=2"), "https://example.org/a?b=1&amp;c=2");
  EXPECT_EQ(safe_href("http://example.org/"), "http://example.org/");
  for (const char* bad : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x",
                          "/relative", "//evil.example", "vbscript:x", "", "https://"}) {
    EXPECT_EQ(safe_href(bad), "") << bad;
  }
}

TEST(SnippetHtml, KeepsMarksAndEscapesEverythingElse) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"plain <mark>word</mark> text", "plain <mark>word</mark> text"},
      {"&lt;script&gt; stays &amp; escaped", "&lt;script&gt; stays &amp; escaped"},
      {"&#39;quoted&#39; &#x27;hex&#x27;", "&#39;quoted&#39; &#x27;hex&#x27;"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"<mark onclick=x>a</mark>", "&lt;mark onclick=x&gt;a&lt;/mark&gt;"},
      {"<MARK>a</MARK>", "&lt;MARK&gt;a&lt;/MARK&gt;"},
      {"bare & ampersand", "bare &amp; ampersand"},
      {"&notanentity", "&amp;notanentity"},
      {"\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"},
      {"<mark>unclosed", "<mark>unclosed</mark>"},
      {"</mark>stray", "&lt;/mark&gt;stray"},
      {"<mark><mark>nested</mark>", "<mark>&lt;mark&gt;nested</mark>"},
  };
  for (const auto& c : cases) EXPECT_EQ(snippet_html(c.in), c.out) << c.in;
}

TEST(JsonForScript, CannotEndTheScriptBlockAndStaysEqualJson) {
  const nlohmann::json value = {{"bio", "</script><script>alert(1)</script> <!-- & -->"},
                                {"list", {"<", ">", "&"}}};
  const std::string text = json_for_script(value);
  EXPECT_EQ(text.find('<'), std::string::npos);
  EXPECT_EQ(text.find('>'), std::string::npos);
  EXPECT_EQ(text.find('&'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(text), value);
}

TEST(TextParagraphs, SplitsOnBlankLinesAndEscapes) {
  EXPECT_EQ(text_paragraphs("One <b>\nline two\n\nPara & two\n\n\n"),
            "<p>One &lt;b&gt;<br>line two</p>\n<p>Para &amp; two</p>\n");
  EXPECT_EQ(text_paragraphs(""), "");
  EXPECT_EQ(text_paragraphs("\n\n"), "");
}

TEST(AppendMetaItem, EscapesTheTextAndSkipsAnEmptyOne) {
  std::string out;
  append_meta_item(out, "Affiliation", "R&D <Lab>");
  EXPECT_EQ(out, "<div><dt>Affiliation</dt><dd>R&amp;D &lt;Lab&gt;</dd></div>");
  append_meta_item(out, "Travel", "");
  EXPECT_EQ(out, "<div><dt>Affiliation</dt><dd>R&amp;D &lt;Lab&gt;</dd></div>");
}

TEST(Joined, JoinsValuesThroughTheirLabels) {
  const std::vector<std::string> languages = {"de", "pt-BR"};
  EXPECT_EQ(joined(languages), "de, pt-BR");
  EXPECT_EQ(joined(languages, &language_name), "German, Portuguese (Brazil)");
  EXPECT_EQ(joined({"mlops", "privacy"}, nullptr, "; "), "mlops; privacy");
  EXPECT_EQ(joined({}), "");
}

}  // namespace
}  // namespace podium::http::web
