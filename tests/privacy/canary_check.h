// SPDX-License-Identifier: Apache-2.0
// The raw-bytes check of the privacy suite: no canary value, in any letter case.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace podium::test {

inline std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Case-insensitive, so a lower-cased term or facet value is caught too.
inline void expect_no_canary(const std::string& what, const std::string& bytes,
                             const std::vector<std::string>& canaries) {
  const std::string haystack = lower_case(bytes);
  for (const auto& canary : canaries) {
    EXPECT_EQ(haystack.find(lower_case(canary)), std::string::npos)
        << what << " leaks " << canary << ":\n"
        << bytes.substr(0, 2000);
  }
}

}  // namespace podium::test
