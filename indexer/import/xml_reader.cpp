// SPDX-License-Identifier: Apache-2.0
// The XML reader: one pass with an explicit stack of open elements, so deep input cannot
// exhaust the call stack.
#include "xml_reader.h"

#include <cstdint>

#include "podium/core/utf8.h"

namespace podium::import {

const XmlElement* XmlElement::child(std::string_view child_name) const {
  for (const auto& c : children) {
    if (c.name == child_name) return &c;
  }
  return nullptr;
}

std::vector<const XmlElement*> XmlElement::children_named(std::string_view child_name) const {
  std::vector<const XmlElement*> out;
  for (const auto& c : children) {
    if (c.name == child_name) out.push_back(&c);
  }
  return out;
}

std::string XmlElement::child_text(std::string_view child_name) const {
  const XmlElement* c = child(child_name);
  return c == nullptr ? std::string() : c->text;
}

std::string XmlElement::attribute(std::string_view attribute_name) const {
  for (const auto& [key, value] : attributes) {
    if (key == attribute_name) return value;
  }
  return {};
}

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

class Parser {
 public:
  Parser(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }

  Result<XmlElement> parse() {
    while (pos_ < text_.size()) {
      Status step = text_[pos_] == '<' ? markup() : character_data();
      if (!step.is_ok()) return step;
    }
    if (!open_.empty()) {
      const XmlElement& top = open_.back();
      return fail("<" + top.name + "> (opened on line " + std::to_string(top.line) +
                  ") is not closed at the end of the document");
    }
    if (!has_root_) return fail("no root element");
    return std::move(root_);
  }

 private:
  Status fail(const std::string& message) const {
    return Status::invalid("line " + std::to_string(line_) + ": " + message);
  }

  bool starts_with(std::string_view prefix) const {
    return text_.substr(pos_, prefix.size()) == prefix;
  }

  void advance(std::size_t count) {
    for (std::size_t i = 0; i < count && pos_ < text_.size(); ++i) {
      if (text_[pos_++] == '\n') ++line_;
    }
  }

  // Moves past `terminator`; false when it never comes.
  bool skip_past(std::string_view terminator) {
    const auto end = text_.find(terminator, pos_);
    if (end == std::string_view::npos) return false;
    advance(end + terminator.size() - pos_);
    return true;
  }

  void skip_spaces() {
    while (pos_ < text_.size() && is_space(text_[pos_])) advance(1);
  }

  std::string name() {
    const std::size_t start = pos_;
    if (pos_ < text_.size() && is_name_start(text_[pos_])) {
      while (pos_ < text_.size() && is_name_char(text_[pos_])) ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }

  Status markup() {
    const std::size_t start_line = line_;
    if (starts_with("<?")) {
      if (!skip_past("?>")) return fail("processing instruction is not closed");
      return Status::ok();
    }
    if (starts_with("<!--")) {
      if (!skip_past("-->"))
        return fail("comment (from line " + std::to_string(start_line) + ") is not closed");
      return Status::ok();
    }
    if (starts_with("<![CDATA[")) {
      if (open_.empty()) return fail("CDATA outside the root element");
      advance(9);
      const auto end = text_.find("]]>", pos_);
      if (end == std::string_view::npos) return fail("CDATA section is not closed");
      open_.back().text.append(text_.substr(pos_, end - pos_));
      advance(end + 3 - pos_);
      return Status::ok();
    }
    if (starts_with("<!DOCTYPE")) return doctype();
    if (starts_with("</")) return end_tag();
    return start_tag();
  }

  Status doctype() {
    int brackets = 0;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      advance(1);
      if (c == '[') ++brackets;
      if (c == ']') --brackets;
      if (c == '>' && brackets <= 0) return Status::ok();
    }
    return fail("DOCTYPE is not closed");
  }

  Status start_tag() {
    advance(1);
    XmlElement element;
    element.line = line_;
    element.name = name();
    if (element.name.empty()) return fail("'<' that does not start a tag (write &lt; in text)");
    while (true) {
      skip_spaces();
      if (pos_ >= text_.size()) return fail("<" + element.name + "> tag is not closed");
      if (starts_with("/>")) {
        advance(2);
        return close(std::move(element));
      }
      if (text_[pos_] == '>') {
        advance(1);
        break;
      }
      std::string key = name();
      if (key.empty()) {
        return fail("unexpected '" + std::string(1, text_[pos_]) + "' in <" + element.name + ">");
      }
      skip_spaces();
      if (pos_ >= text_.size() || text_[pos_] != '=') {
        return fail("attribute '" + key + "' of <" + element.name + "> has no value");
      }
      advance(1);
      skip_spaces();
      if (pos_ >= text_.size() || (text_[pos_] != '"' && text_[pos_] != '\'')) {
        return fail("value of attribute '" + key + "' is not quoted");
      }
      const char quote = text_[pos_];
      advance(1);
      const auto end = text_.find(quote, pos_);
      if (end == std::string_view::npos)
        return fail("value of attribute '" + key + "' is not closed");
      std::string raw(text_.substr(pos_, end - pos_));
      if (raw.find('<') != std::string::npos) {
        return fail("'<' in the value of attribute '" + key + "'");
      }
      Result<std::string> value = decode(raw);
      if (!value.is_ok()) return value.status();
      advance(end + 1 - pos_);
      element.attributes.emplace_back(std::move(key), std::move(value).value());
    }
    if (static_cast<int>(open_.size()) >= max_depth_) {
      return fail("elements are nested deeper than " + std::to_string(max_depth_) + " levels");
    }
    if (open_.empty() && has_root_) return fail("a second root element <" + element.name + ">");
    open_.push_back(std::move(element));
    return Status::ok();
  }

  Status end_tag() {
    advance(2);
    const std::string closing = name();
    skip_spaces();
    if (pos_ >= text_.size() || text_[pos_] != '>') return fail("</" + closing + "> is not closed");
    advance(1);
    if (open_.empty()) return fail("</" + closing + "> closes nothing");
    if (open_.back().name != closing) {
      return fail("</" + closing + "> does not close <" + open_.back().name + "> (opened on line " +
                  std::to_string(open_.back().line) + ")");
    }
    XmlElement element = std::move(open_.back());
    open_.pop_back();
    return close(std::move(element));
  }

  Status close(XmlElement element) {
    if (!open_.empty()) {
      open_.back().children.push_back(std::move(element));
    } else if (has_root_) {
      return fail("a second root element <" + element.name + ">");
    } else {
      root_ = std::move(element);
      has_root_ = true;
    }
    return Status::ok();
  }

  Status character_data() {
    const auto end = text_.find('<', pos_);
    const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
    const std::string_view raw = text_.substr(pos_, stop - pos_);
    if (open_.empty()) {
      for (char c : raw) {
        if (!is_space(c)) return fail("text outside the root element");
      }
      advance(stop - pos_);
      return Status::ok();
    }
    Result<std::string> decoded = decode(raw);
    if (!decoded.is_ok()) return decoded.status();
    open_.back().text += *decoded;
    advance(stop - pos_);
    return Status::ok();
  }

  // Decodes entity and character references in `raw`, which starts at the current position.
  Result<std::string> decode(std::string_view raw) const {
    std::string out;
    out.reserve(raw.size());
    std::size_t line = line_;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\n') ++line;
      if (raw[i] != '&') {
        out.push_back(raw[i]);
        continue;
      }
      const auto semicolon = raw.find(';', i);
      auto bad = [&](const std::string& what) {
        return Status::invalid("line " + std::to_string(line) + ": " + what);
      };
      if (semicolon == std::string_view::npos || semicolon - i > 12) {
        return bad("'&' that does not start an entity (write &amp;)");
      }
      const std::string_view entity = raw.substr(i + 1, semicolon - i - 1);
      if (entity == "amp") {
        out.push_back('&');
      } else if (entity == "lt") {
        out.push_back('<');
      } else if (entity == "gt") {
        out.push_back('>');
      } else if (entity == "quot") {
        out.push_back('"');
      } else if (entity == "apos") {
        out.push_back('\'');
      } else if (entity.size() > 1 && entity[0] == '#') {
        const bool hex = entity[1] == 'x' || entity[1] == 'X';
        const std::string_view digits = entity.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        bool valid = !digits.empty();
        for (char c : digits) {
          int digit = -1;
          if (c >= '0' && c <= '9') digit = c - '0';
          if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
          if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
          if (digit < 0 || cp > 0x10FFFF) {
            valid = false;
            break;
          }
          cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(digit);
        }
        if (!valid || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          return bad("invalid character reference &" + std::string(entity) + ";");
        }
        append_utf8(out, static_cast<char32_t>(cp));
      } else {
        return bad("unknown entity &" + std::string(entity) + ";");
      }
      i = semicolon;
    }
    return out;
  }

  std::string_view text_;
  int max_depth_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::vector<XmlElement> open_;
  XmlElement root_;
  bool has_root_ = false;
};

}  // namespace

Result<XmlElement> parse_xml(std::string_view text, int max_depth) {
  return Parser(text, max_depth).parse();
}

}  // namespace podium::import
