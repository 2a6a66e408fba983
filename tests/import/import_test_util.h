// SPDX-License-Identifier: Apache-2.0
// Helpers for the importer tests: run `podium-index import` in-process, and read what it emitted
// back through parse_record(), the validator every record has to pass.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "podium/core/records.h"

namespace podium::import::test {

struct ImportRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  std::vector<std::string> err_lines;  // err split at '\n'
};

// The absolute path of a fixture under tests/testdata/import/.
std::string fixture(std::string_view relative);

// Runs `podium-index import <args...>` through import_command(), capturing stdout and stderr.
ImportRun run_import_args(const std::vector<std::string>& args);

// Emitted JSON Lines parsed with parse_record(); a line that does not validate fails the test.
std::vector<Record> parse_emitted(const std::string& out);

// The speaker or talk with `id` among `records`; fails the test and returns an empty record when
// there is none.
Speaker speaker(const std::vector<Record>& records, const std::string& id);
Talk talk(const std::vector<Record>& records, const std::string& id);
// The ids of all records of `kind`, in order.
std::vector<std::string> ids(const std::vector<Record>& records, RecordKind kind);

// Imports a truncated JSON file `--from format` and checks the one rejection: exit code 1,
// "FILE: <what> not valid JSON: parse error at line 1, ..." and nothing emitted.
void expect_truncated_json_rejected(const std::string& format, const std::string& what);

// The summary line without its trailing time ("added 3, replaced 0, ..., warnings 0").
std::string counts(const std::string& summary_line);

}  // namespace podium::import::test
