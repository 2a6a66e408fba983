// SPDX-License-Identifier: Apache-2.0
// A reader for CSV as spreadsheets export it (RFC 4180): comma-separated, fields optionally in
// double quotes, "" for a quote inside quotes, line breaks allowed inside quoted fields.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "podium/core/status.h"

namespace podium::import {

struct CsvRow {
  std::size_t line = 0;  // 1-based line on which the row starts
  std::vector<std::string> fields;
};

// Splits `text` into rows. A UTF-8 byte order mark at the start is skipped; CRLF, LF and CR line
// ends are accepted; a final line break is optional. Rows with no characters are left out.
// kInvalidArgument for a quoted field that is never closed or a stray quote, with the line number
// in the message ("line 4: ..."), and for text that is not UTF-8.
Result<std::vector<CsvRow>> parse_csv(std::string_view text);

}  // namespace podium::import
