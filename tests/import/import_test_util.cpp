// SPDX-License-Identifier: Apache-2.0
// Importer test helpers.
#include "import_test_util.h"

#include <sstream>

#include <gtest/gtest.h>

#include "podium/core/record_parser.h"
#include "podium/import/import_run.h"

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::import::test {

std::string fixture(std::string_view relative) {
  return std::string(PODIUM_IMPORT_TESTDATA) + "/" + std::string(relative);
}

ImportRun run_import_args(const std::vector<std::string>& args) {
  std::vector<const char*> argv = {"import"};
  for (const auto& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out;
  std::ostringstream err;
  ImportRun run;
  run.exit_code = import_command(static_cast<int>(argv.size()), argv.data(), out, err);
  run.out = out.str();
  run.err = err.str();
  run.err_lines = podium::test::split_lines(run.err);
  return run;
}

void expect_truncated_json_rejected(const std::string& format, const std::string& what) {
  podium::test::TempDir dir;
  const std::string truncated = dir.file("truncated.json");
  podium::test::write_file(truncated, "{\"results\": [{\"code\": ");
  ImportRun run = run_import_args({"--from", format, "--emit", truncated});
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.err_lines.size(), 2u) << run.err;  // the rejection, then the summary
  const std::string expected =
      truncated + ": " + what + ": not valid JSON: parse error at line 1, ";
  EXPECT_EQ(run.err_lines[0].rfind(expected, 0), 0u) << run.err_lines[0];
  EXPECT_TRUE(run.out.empty()) << run.out;
}

std::vector<Record> parse_emitted(const std::string& out) {
  std::vector<Record> records;
  for (const auto& line : podium::test::split_lines(out)) {
    Result<ParsedRecord> parsed = parse_record(line);
    EXPECT_TRUE(parsed.is_ok()) << line << "\n -> " << parsed.status().to_string();
    if (!parsed.is_ok()) continue;
    EXPECT_TRUE(parsed->warnings.empty()) << line;
    records.push_back(std::move(parsed->record));
  }
  return records;
}

Speaker speaker(const std::vector<Record>& records, const std::string& id) {
  for (const auto& record : records) {
    if (const auto* s = std::get_if<Speaker>(&record); s != nullptr && s->id == id) return *s;
  }
  ADD_FAILURE() << "no speaker '" << id << "' was emitted";
  return {};
}

Talk talk(const std::vector<Record>& records, const std::string& id) {
  for (const auto& record : records) {
    if (const auto* t = std::get_if<Talk>(&record); t != nullptr && t->id == id) return *t;
  }
  ADD_FAILURE() << "no talk '" << id << "' was emitted";
  return {};
}

std::vector<std::string> ids(const std::vector<Record>& records, RecordKind kind) {
  std::vector<std::string> out;
  for (const auto& record : records) {
    if (kind_of(record) == kind) out.push_back(id_of(record));
  }
  return out;
}

std::string counts(const std::string& summary_line) {
  const auto warnings = summary_line.find("warnings ");
  if (warnings == std::string::npos) return summary_line;
  const auto comma = summary_line.find(',', warnings);
  return summary_line.substr(0, comma);
}

}  // namespace podium::import::test
