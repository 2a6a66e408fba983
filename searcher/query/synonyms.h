// SPDX-License-Identifier: Apache-2.0
// Synonyms and abbreviations of the field ("mlops" = "machine learning operations"), read from a
// data file we ship (data/synonyms.txt). Expansion happens in the searcher, not in the database,
// because Xapian's database synonyms are not available over the remote backend.
#pragma once

#include <string>
#include <vector>

#include "podium/core/status.h"

namespace podium::search {

class Synonyms {
 public:
  // One group per line, comma-separated, each entry one or more words:
  //   mlops, machine learning operations, ml ops
  // Blank lines and lines starting with '#' are ignored. kInvalidArgument names the line of a
  // malformed group; kIoError when the file cannot be read.
  static Result<Synonyms> load(const std::string& path);
  static Synonyms from_text(const std::string& text, const std::string& source_name);

  // The entries of every group that has an entry appearing in `words` (lower-case, accent-
  // folded query words, in order) as consecutive words, excluding the entries that appear.
  std::vector<std::string> expansions(const std::vector<std::string>& words) const;
  std::size_t group_count() const { return groups_.size(); }

 private:
  std::vector<std::vector<std::vector<std::string>>> groups_;  // group -> entry -> words
};

// Lower-cased, accent-folded words of a query, splitting at anything not a letter or digit.
std::vector<std::string> query_words(const std::string& text);

}  // namespace podium::search
