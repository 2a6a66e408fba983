// SPDX-License-Identifier: Apache-2.0
// A small XML reader, enough for the frab schedule.xml export: elements, attributes, text, CDATA,
// comments, processing instructions and a skipped DOCTYPE. No namespaces, no DTD entities, no
// validation; the five predefined entities and numeric character references are decoded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "podium/core/status.h"

namespace podium::import {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // in document order
  std::vector<XmlElement> children;
  std::string text;      // all character data directly inside this element, concatenated
  std::size_t line = 0;  // line of the start tag, 1-based

  // The first child called `child_name`, or nullptr.
  const XmlElement* child(std::string_view child_name) const;
  // All children called `child_name`, in document order.
  std::vector<const XmlElement*> children_named(std::string_view child_name) const;
  // The text of the first child called `child_name`; "" when there is none.
  std::string child_text(std::string_view child_name) const;
  // The value of attribute `attribute_name`; "" when absent.
  std::string attribute(std::string_view attribute_name) const;
};

// Parses a whole document and returns its root element. kInvalidArgument "line N: reason" for
// malformed XML (unclosed or mismatched tags, bad entities, text outside the root, nesting
// deeper than `max_depth`). Input must be UTF-8; a byte order mark is skipped.
Result<XmlElement> parse_xml(std::string_view text, int max_depth);

}  // namespace podium::import
