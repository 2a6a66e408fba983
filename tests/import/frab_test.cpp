// SPDX-License-Identifier: Apache-2.0
// frab schedule export, JSON and XML: where each field lands, ids, and the messages for
// malformed schedules (fixtures in tests/testdata/import/frab/).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "import_test_util.h"

namespace podium::import::test {
namespace {

std::vector<Record> emit_frab(const std::string& file, ImportRun* run_out = nullptr) {
  ImportRun run = run_import_args({"--from", "frab", "--emit", fixture("frab/" + file)});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  if (run_out != nullptr) *run_out = run;
  return parse_emitted(run.out);
}

TEST(FrabImport, MapsEventsToTalks) {
  const std::vector<Record> records = emit_frab("schedule.json");
  const Talk workshop = talk(records, "frab:democonf26:101");
  EXPECT_EQ(workshop.title, "Fuzzing for Everyone");
  // subtitle, abstract and description, joined.
  EXPECT_EQ(workshop.abstract,
            "Finding bugs before attackers do\n\nBring a laptop: we fuzz a small parser "
            "together.\n\nTwo hours of hands-on fuzzing with AFL++ and libFuzzer.");
  EXPECT_EQ(workshop.speakers, std::vector<std::string>{"frab:democonf26:7"});
  EXPECT_EQ(workshop.event, "DemoConf 2026");
  EXPECT_EQ(workshop.date, "2026-03-14");
  EXPECT_EQ(workshop.tags, (std::vector<std::string>{"Security", "workshop"}));
  EXPECT_EQ(workshop.language, "de");
  EXPECT_EQ(workshop.url, "https://schedule.democonf.example/2026/events/101.html");
  EXPECT_EQ(workshop.slides, "https://slides.example.org/fuzzing-101");

  const Talk lecture = talk(records, "frab:democonf26:102");
  EXPECT_EQ(lecture.abstract, "What fuzzing taught us about writing parsers.");  // no repeat
  EXPECT_EQ(lecture.language, "en");                                             // "English"
  EXPECT_EQ(lecture.speakers, (std::vector<std::string>{"frab:democonf26:7", "frab:democonf26:8"}));
  // An attachment written relative to frab's host, resolved with base_url.
  EXPECT_EQ(lecture.slides, "https://schedule.democonf.example/system/attachments/102/slides.pdf");

  const Talk keynote = talk(records, "frab:democonf26:103");
  EXPECT_EQ(keynote.date, "2026-03-15");  // no event date: the day's date
  EXPECT_EQ(keynote.tags, std::vector<std::string>{"Keynote"});
  EXPECT_EQ(keynote.language, "");  // "klingon!" is left out, with a warning
  EXPECT_EQ(keynote.video, "https://video.example.org/103");
}

TEST(FrabImport, MapsPersonsToSpeakersOncePerPerson) {
  const std::vector<Record> records = emit_frab("schedule.json");
  EXPECT_EQ(
      ids(records, RecordKind::kSpeaker),
      (std::vector<std::string>{"frab:democonf26:7", "frab:democonf26:8", "frab:democonf26:9"}));
  const Speaker zoe = speaker(records, "frab:democonf26:7");
  EXPECT_EQ(zoe.name, "Zoë Lindqvist");
  EXPECT_EQ(zoe.bio, "Security researcher and fuzzing enthusiast.");
  // Event types that name a format: "workshop", and "lecture" -> talk.
  EXPECT_EQ(zoe.formats, (std::vector<std::string>{"workshop", "talk"}));
  EXPECT_EQ(speaker(records, "frab:democonf26:9").formats, std::vector<std::string>{"keynote"});
  EXPECT_EQ(speaker(records, "frab:democonf26:8").bio, "");
}

TEST(FrabImport, ReportsSkippedEventsAndLeftOutValues) {
  ImportRun run;
  emit_frab("schedule.json", &run);
  const std::string file = fixture("frab/schedule.json");
  ASSERT_EQ(run.err_lines.size(), 3u) << run.err;
  EXPECT_EQ(counts(run.err_lines.back()), "emitted 3 speakers, 3 talks, rejected 0, warnings 2");
  run.err_lines.pop_back();
  EXPECT_EQ(run.err_lines,
            (std::vector<std::string>{
                file + ": warning: days[1].rooms.Hall A[0]: language: \"klingon!\" is not a "
                       "language code or name; left out",
                file + ": warning: days[1].rooms.Hall A[1]: event has no persons; skipped"}));
}

TEST(FrabImport, XmlFormGivesTheSameRecords) {
  std::vector<Record> from_json = emit_frab("schedule.json");
  const std::vector<Record> from_xml = emit_frab("schedule.xml");
  // The XML export has no biographies; everything else is the same.
  for (auto& record : from_json) {
    if (auto* s = std::get_if<Speaker>(&record)) s->bio.clear();
  }
  ASSERT_EQ(from_json.size(), from_xml.size());
  EXPECT_EQ(ids(from_json, RecordKind::kSpeaker), ids(from_xml, RecordKind::kSpeaker));
  EXPECT_EQ(ids(from_json, RecordKind::kTalk), ids(from_xml, RecordKind::kTalk));
  for (const auto& id : ids(from_json, RecordKind::kTalk)) {
    const Talk a = talk(from_json, id);
    const Talk b = talk(from_xml, id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.abstract, b.abstract);
    EXPECT_EQ(a.speakers, b.speakers);
    EXPECT_EQ(a.date, b.date);
    EXPECT_EQ(a.tags, b.tags);
    EXPECT_EQ(a.language, b.language);
    EXPECT_EQ(a.url, b.url);
    EXPECT_EQ(a.slides, b.slides);
    EXPECT_EQ(a.video, b.video);
  }
  EXPECT_EQ(speaker(from_xml, "frab:democonf26:7").name, "Zoë Lindqvist");  // &#235;
}

TEST(FrabImport, XmlMessagesCarryLineNumbers) {
  ImportRun run;
  emit_frab("schedule.xml", &run);
  ASSERT_FALSE(run.err_lines.empty());
  EXPECT_EQ(run.err_lines[0], fixture("frab/schedule.xml") +
                                  ":67: warning: days[1].rooms.Hall A[0]: language: \"klingon!\" "
                                  "is not a language code or name; left out");
}

TEST(FrabImport, PretalxExportUsesPretalxCodes) {
  const std::vector<Record> records = emit_frab("pretalx-schedule.json");
  // The same ids the pretalx API importer gives, so both imports meet.
  const Talk t = talk(records, "pretalx:T7QXKM");
  EXPECT_EQ(t.speakers, std::vector<std::string>{"pretalx:SPK7AB"});
  EXPECT_EQ(t.event, "PyCamp 2025");
  EXPECT_EQ(speaker(records, "pretalx:SPK7AB").bio, "Writes Python at work.");
}

struct MalformedCase {
  const char* file;
  std::vector<std::string> messages;  // after "<path>"
};

TEST(FrabImport, MalformedSchedulesNameFileAndPlace) {
  const MalformedCase cases[] = {
      {"not_frab.json", {": not a frab schedule: no \"schedule.conference\" object"}},
      {"talks.csv",
       {": not a frab schedule: not valid JSON: parse error at line 1, column 1: syntax error "
        "while parsing value - invalid literal; last read: 'i'"}},
      {"broken.xml",
       {": not a frab schedule: not well-formed XML: line 8: </room> does not close <event> "
        "(opened on line 6)"}},
      {"broken_events.json",
       {": days[0].rooms.Hall A[0].persons[0]: person has no \"public_name\" or \"name\"",
        ": days[0].rooms.Hall A[1]: an event must be an object",
        ": days[0].rooms.Hall A[2].title: must be a string",
        ": days[0].rooms.Hall A[4]: event has no \"id\"",
        ": days[1].rooms: must be an object of room name to events",
        // Caught by parse_record(), placed by the importer.
        ": days[0].rooms.Hall A[3]: title: must be 1..500 characters (got 0)"}},
  };
  for (const auto& c : cases) {
    const std::string path = fixture(std::string("frab/") + c.file);
    ImportRun run = run_import_args({"--from", "frab", "--emit", path});
    EXPECT_EQ(run.exit_code, 1) << c.file;
    std::vector<std::string> expected;
    for (const auto& message : c.messages) expected.push_back(path + message);
    ASSERT_EQ(run.err_lines.size(), expected.size() + 1) << run.err;
    run.err_lines.pop_back();  // the count line
    EXPECT_EQ(run.err_lines, expected) << c.file;
  }
}

TEST(FrabImport, GoodEventsOfABrokenScheduleStillGoIn) {
  ImportRun run = run_import_args({"--from", "frab", "--emit", fixture("frab/broken_events.json")});
  const std::vector<Record> records = parse_emitted(run.out);
  EXPECT_EQ(talk(records, "frab:broken:1").speakers, std::vector<std::string>{"frab:broken:6"});
  EXPECT_EQ(speaker(records, "frab:broken:6").name, "Grace Example");
}

}  // namespace
}  // namespace podium::import::test
