// SPDX-License-Identifier: Apache-2.0
// The RFC 4180 reader: quoting, line ends, byte order mark, line numbers and its errors.
#include "podium/import/csv_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/test_util.h"

namespace podium::import {
namespace {

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const std::vector<CsvRow>& rows) {
  std::vector<Fields> out;
  for (const auto& row : rows) out.push_back(row.fields);
  return out;
}

struct GoodCase {
  const char* name;
  std::string text;
  std::vector<Fields> rows;
};

TEST(CsvReader, ReadsQuotingAndLineEnds) {
  const GoodCase cases[] = {
      {"plain", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}},
      {"no final line end", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}},
      {"CRLF", "a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}},
      {"CR only", "a,b\r1,2\r", {{"a", "b"}, {"1", "2"}}},
      {"byte order mark", "\xEF\xBB\xBFid,name\n", {{"id", "name"}}},
      {"comma in quotes", "\"Hopper, Grace\",x\n", {{"Hopper, Grace", "x"}}},
      {"doubled quotes", "\"say \"\"hi\"\"\",x\n", {{"say \"hi\"", "x"}}},
      {"line break in quotes", "\"one\ntwo\",x\n", {{"one\ntwo", "x"}}},
      {"CRLF in quotes becomes LF", "\"one\r\ntwo\",x\r\n", {{"one\ntwo", "x"}}},
      {"empty fields", ",,\n", {{"", "", ""}}},
      {"empty quoted field", "\"\",x\n", {{"", "x"}}},
      {"blank lines are skipped", "a\n\n\nb\n", {{"a"}, {"b"}}},
      {"blank after closing quote", "\"a\" ,b\n", {{"a", "b"}}},
      {"UTF-8", "Zo\xC3\xAB,Malm\xC3\xB6\n", {{"Zo\xC3\xAB", "Malm\xC3\xB6"}}},
  };
  for (const auto& c : cases) {
    Result<std::vector<CsvRow>> rows = parse_csv(c.text);
    ASSERT_OK(rows);
    EXPECT_EQ(fields_of(*rows), c.rows) << c.name;
  }
}

TEST(CsvReader, RowsKnowTheLineTheyStartOn) {
  Result<std::vector<CsvRow>> rows = parse_csv("h1,h2\n\"multi\nline\nfield\",x\n\nlast,row\n");
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].line, 1u);
  EXPECT_EQ((*rows)[1].line, 2u);
  EXPECT_EQ((*rows)[2].line, 6u);
}

struct BadCase {
  const char* name;
  std::string text;
  const char* message;
};

TEST(CsvReader, ReportsMalformedInputWithItsLine) {
  const BadCase cases[] = {
      {"unclosed quote", "a,b\nc,\"open\nmore\n",
       "line 2: a quoted field starts here and is never closed"},
      {"stray quote", "a,b\nc,d\"e\n",
       "line 2: a quote (\") inside a field that does not start with one; quote the whole field "
       "and double the quotes in it"},
      {"text after closing quote", "\"a\"b,c\n", "line 1: text after the closing quote of a field"},
      {"not UTF-8", "id,name\nx,Ren\xE9\n", "line 2: not UTF-8 text; save the file as CSV UTF-8"},
  };
  for (const auto& c : cases) {
    Result<std::vector<CsvRow>> rows = parse_csv(c.text);
    ASSERT_FALSE(rows.is_ok()) << c.name;
    EXPECT_EQ(rows.status().message(), c.message) << c.name;
  }
}

}  // namespace
}  // namespace podium::import
