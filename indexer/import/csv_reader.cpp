// SPDX-License-Identifier: Apache-2.0
// RFC 4180 CSV, with the leniencies spreadsheets need: any line end, optional final line end,
// a byte order mark, and blanks after a closing quote.
#include "podium/import/csv_reader.h"

#include "podium/core/validate.h"

namespace podium::import {
namespace {

// The first line that is not UTF-8. A line feed byte never occurs inside a UTF-8 sequence, so
// checking line by line finds it exactly.
std::size_t first_non_utf8_line(std::string_view text) {
  std::size_t line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!is_valid_utf8(text.substr(start, end - start))) return line;
    ++line;
    start = end + 1;
  }
  return line;
}

Status error(std::size_t line, const std::string& message) {
  return Status::invalid("line " + std::to_string(line) + ": " + message);
}

}  // namespace

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!is_valid_utf8(text)) {
    return error(first_non_utf8_line(text), "not UTF-8 text; save the file as CSV UTF-8");
  }
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  std::size_t line = 1;
  row.line = 1;
  bool in_quotes = false;
  bool after_quote = false;  // the field was quoted and its closing quote has been read
  bool row_has_content = false;
  std::size_t quote_line = 0;

  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
  };
  auto end_row = [&] {
    end_field();
    if (row_has_content) rows.push_back(std::move(row));
    row = CsvRow{};
    row.line = line;
    row_has_content = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        // A line break inside a field is kept as "\n", whatever the file's line ends are.
      } else {
        if (c == '\n' || c == '\r') ++line;
        field.push_back(c == '\r' ? '\n' : c);
      }
      continue;
    }
    if (c == ',') {
      row_has_content = true;
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_row();
    } else if (c == '"') {
      if (!field.empty() || after_quote) {
        return error(line,
                     "a quote (\") inside a field that does not start with one; quote the "
                     "whole field and double the quotes in it");
      }
      in_quotes = true;
      row_has_content = true;
      quote_line = line;
    } else if (after_quote) {
      if (c != ' ' && c != '\t') {
        return error(line, "text after the closing quote of a field");
      }
    } else {
      field.push_back(c);
      row_has_content = true;
    }
  }
  if (in_quotes) return error(quote_line, "a quoted field starts here and is never closed");
  if (row_has_content || !field.empty()) end_row();
  return rows;
}

}  // namespace podium::import
