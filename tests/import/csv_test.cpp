// SPDX-License-Identifier: Apache-2.0
// Speaker spreadsheets: default columns, --map, byte order mark, CRLF and quoting, and the
// messages for malformed files (fixtures in tests/testdata/import/csv/).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "import_test_util.h"

namespace podium::import::test {
namespace {

TEST(CsvImport, MapsDefaultColumnsToSpeakerFields) {
  ImportRun run = run_import_args({"--from", "csv", "--emit", fixture("csv/speakers.csv")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Record> records = parse_emitted(run.out);
  // The file starts with a byte order mark and uses CRLF; the first column is still "id".
  EXPECT_EQ(ids(records, RecordKind::kSpeaker),
            (std::vector<std::string>{"amara-okonkwo", "zoe-lindqvist", "ben-example"}));
  const Speaker amara = speaker(records, "amara-okonkwo");
  EXPECT_EQ(amara.name, "Amara Okonkwo");
  EXPECT_EQ(amara.pronouns, "she/her");
  EXPECT_EQ(amara.headline, "Staff engineer, data platform");  // quoted comma
  // Quoted line break (CRLF in the file) and doubled quotes.
  EXPECT_EQ(amara.bio, "Builds data platforms.\nSpeaks about \"boring\" technology.");
  EXPECT_EQ(amara.topics, (std::vector<std::string>{"data engineering", "mlops"}));
  EXPECT_EQ(amara.languages, (std::vector<std::string>{"en", "fr"}));
  ASSERT_TRUE(amara.location.has_value());
  EXPECT_EQ(amara.location->city, "Lagos");
  EXPECT_EQ(amara.location->country, "NG");  // "ng", upper-cased
  EXPECT_EQ(amara.affiliation, "Example Data Ltd");
  EXPECT_EQ(amara.formats, (std::vector<std::string>{"talk", "workshop"}));
  EXPECT_EQ(amara.remote, true);  // "yes"
  EXPECT_EQ(amara.links, (std::vector<std::pair<std::string, std::string>>{
                             {"github", "https://github.com/amara-ok"},  // a bare handle
                             {"linkedin", "https://www.linkedin.com/in/amara-example"},
                             {"mastodon", "https://hachyderm.example/@amara"},  // @user@host
                             {"website", "https://amara.example.org"}}));

  // No id: the slug of the name. Languages written as names.
  const Speaker zoe = speaker(records, "zoe-lindqvist");
  EXPECT_EQ(zoe.languages, (std::vector<std::string>{"en", "de"}));
  EXPECT_EQ(zoe.remote, false);
  EXPECT_EQ(zoe.location->city, "Malmö");
}

TEST(CsvImport, NeverImportsEmail) {
  ImportRun run = run_import_args({"--from", "csv", "--emit", fixture("csv/speakers.csv")});
  EXPECT_EQ(run.out.find("amara@example.org"), std::string::npos);
  EXPECT_EQ(run.err_lines.size(), 1u) << run.err;  // and no warning about the column either
}

TEST(CsvImport, MapRenamesColumns) {
  const std::string file = fixture("csv/mapped.csv");
  ImportRun run = run_import_args({"--from", "csv", "--emit", "--map", "Full name=name", "--map",
                                   "short bio=bio", "--map", "Twitter handle=twitter", file});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<Record> records = parse_emitted(run.out);
  const Speaker grace = speaker(records, "grace-example");
  EXPECT_EQ(grace.bio, "Compilers and coffee.");
  EXPECT_EQ(grace.links, (std::vector<std::pair<std::string, std::string>>{
                             {"twitter", "https://twitter.com/grace_example"}}));
  EXPECT_EQ(speaker(records, "hopper-grace-jr").bio, "Says \"hi\".");
  ASSERT_EQ(run.err_lines.size(), 2u) << run.err;
  EXPECT_EQ(run.err_lines[0], file +
                                  ":1: warning: columns ignored (not a speaker field; use --map "
                                  "COLUMN=FIELD): \"E-Mail\", \"Shoe size\"");
}

TEST(CsvImport, MapToNothingIgnoresAColumnQuietly) {
  ImportRun run = run_import_args({"--from", "csv", "--emit", "--map", "Full name=name", "--map",
                                   "Short bio=bio", "--map", "Twitter handle=twitter", "--map",
                                   "E-Mail=", "--map", "Shoe size=", fixture("csv/mapped.csv")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err_lines.size(), 1u) << run.err;
}

struct MalformedCase {
  const char* file;
  std::vector<std::string> messages;  // after "<path>"
};

TEST(CsvImport, MalformedFilesNameFileAndLine) {
  const MalformedCase cases[] = {
      {"unclosed_quote.csv",
       {":3: not a CSV file: a quoted field starts here and is never closed"}},
      {"stray_quote.csv",
       {":2: not a CSV file: a quote (\") inside a field that does not start with one; quote the "
        "whole field and double the quotes in it"}},
      {"latin1.csv", {":2: not a CSV file: not UTF-8 text; save the file as CSV UTF-8"}},
      {"no_name_column.csv",
       {":1: not a speaker spreadsheet: no \"name\" column (the header has: id, Full name, bio; "
        "use --map COLUMN=name)"}},
      {"bad_rows.csv",
       {":4: remote: must be true, false, yes or no (got \"maybe\")",
        ":5: the row has 6 fields but the header has 5 columns",
        ":8: the row has neither an id nor a name",
        ":9: warning: id 'ok' is also on line 2; the rows are merged",
        // Caught by parse_record(), with the row's line.
        ":3: languages[1]: must be a BCP-47 code, e.g. \"en\"",
        ":7: id: must match [A-Za-z0-9._:-]{1,128}"}},
  };
  for (const auto& c : cases) {
    const std::string path = fixture(std::string("csv/") + c.file);
    ImportRun run = run_import_args({"--from", "csv", "--emit", path});
    EXPECT_EQ(run.exit_code, 1) << c.file;
    std::vector<std::string> expected;
    for (const auto& message : c.messages) expected.push_back(path + message);
    ASSERT_EQ(run.err_lines.size(), expected.size() + 1) << run.err;
    run.err_lines.pop_back();
    EXPECT_EQ(run.err_lines, expected) << c.file;
  }
}

TEST(CsvImport, GoodRowsOfABadFileStillGoIn) {
  ImportRun run = run_import_args({"--from", "csv", "--emit", fixture("csv/bad_rows.csv")});
  const std::vector<Record> records = parse_emitted(run.out);
  EXPECT_EQ(ids(records, RecordKind::kSpeaker), std::vector<std::string>{"ok"});
  EXPECT_EQ(speaker(records, "ok").links, (std::vector<std::pair<std::string, std::string>>{
                                              {"github", "https://github.com/olu-example"}}));
}

}  // namespace
}  // namespace podium::import::test
