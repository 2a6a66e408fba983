// SPDX-License-Identifier: Apache-2.0
// Command-line options of `podium-index import`.
#include <sstream>

#include <boost/program_options.hpp>

#include "podium/core/command_line.h"
#include "podium/import/import_run.h"

namespace podium::import {
namespace {

namespace po = boost::program_options;

constexpr const char* kFormatList = "frab, pretalx, sessionize, pyvideo, csv, vtt, srt";

po::options_description visible_options() {
  po::options_description options("Options");
  options.add_options()  //
      ("from", po::value<std::string>(),
       "input format: frab, pretalx, sessionize, pyvideo, csv, vtt, srt")  //
      ("talk", po::value<std::string>(),
       "vtt, srt: id of the indexed talk the transcript is for")                      //
      ("emit", "write the records as JSON Lines to stdout instead of indexing them")  //
      ("db", po::value<std::string>(),
       "index directory (created if missing); not with --emit, except vtt/srt")  //
      ("strict", "if any item is rejected, commit (or emit) nothing")            //
      ("dry-run", "validate against the index and report; write nothing")        //
      ("map", po::value<std::vector<std::string>>()->composing(),
       "csv: COLUMN=FIELD reads column COLUMN as speaker field FIELD (repeatable); "
       "COLUMN= ignores it")  //
      ("merge-by-name",
       "speaker ids are the slug of the name, so one name in two sources is one speaker")  //
      ("no-progress", "no progress bar, even on a terminal")                               //
      ("help,h", "show this help")                                                         //
      ("version", "show the version");
  return options;
}

Result<std::pair<std::string, std::string>> parse_mapping(const std::string& text) {
  const auto eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0) {
    return Status::invalid("--map '" + text + "': expected COLUMN=FIELD", "map");
  }
  std::string field = text.substr(eq + 1);
  if (!field.empty() && !is_csv_field(field)) {
    return Status::invalid(
        "--map '" + text + "': unknown field '" + field + "' (fields: " + csv_field_list() + ")",
        "map");
  }
  return std::make_pair(text.substr(0, eq), field);
}

}  // namespace

std::string import_usage() {
  std::ostringstream out;
  out << "Usage: podium-index import --from FORMAT (--db DIR | --emit) [options] PATH...\n"
      << "Translates CfP tool exports and spreadsheets into speakers and talks and indexes them\n"
      << "like any other batch (or, with --emit, writes them as JSON Lines to stdout).\n"
      << "Formats: frab (schedule.json / schedule.xml), pretalx (API pages), sessionize (All\n"
      << "Data JSON), pyvideo (a pyvideo/data checkout), csv (a speaker spreadsheet),\n"
      << "vtt / srt (subtitles: the transcript of the indexed talk --talk ID; --db is read\n"
      << "for the talk even with --emit).\n"
      << "Exit codes: 0 ok, 1 some items rejected, 2 bad usage, 3 unreadable input or database "
         "error.\n\n"
      << visible_options();
  return out.str();
}

Result<ImportOptions> parse_import_options(int argc, const char* const* argv) {
  po::options_description all = visible_options();
  all.add_options()("path", po::value<std::vector<std::string>>(), "input");
  Result<po::variables_map> parsed = parse_command_line(argc, argv, all, "path");
  if (!parsed.is_ok()) return parsed.status();
  const po::variables_map& vm = *parsed;
  ImportOptions options;
  options.help = vm.count("help") > 0;
  options.version = vm.count("version") > 0;
  if (options.help || options.version) return options;
  if (!vm.count("from")) {
    return Status::invalid(std::string("the option '--from' is required (") + kFormatList + ")",
                           "from");
  }
  const std::string from = vm["from"].as<std::string>();
  const std::optional<Format> format = parse_format(from);
  if (!format) {
    return Status::invalid("--from: unknown format '" + from + "' (" + kFormatList + ")", "from");
  }
  options.format = *format;
  options.emit = vm.count("emit") > 0;
  if (vm.count("db")) options.db_dir = vm["db"].as<std::string>();
  options.strict = vm.count("strict") > 0;
  options.dry_run = vm.count("dry-run") > 0;
  options.progress = vm.count("no-progress") == 0;
  options.merge_by_name = vm.count("merge-by-name") > 0;
  const bool transcript = is_transcript_format(options.format);
  if (vm.count("talk")) {
    if (!transcript) return Status::invalid("--talk applies to --from vtt and srt only", "talk");
    options.talk_id = vm["talk"].as<std::string>();
  } else if (transcript) {
    return Status::invalid(std::string("the option '--talk' is required for --from ") + from +
                               " (the id of the talk the transcript belongs to)",
                           "talk");
  }
  if (transcript && options.db_dir.empty()) {
    return Status::invalid(
        std::string("the option '--db' is required for --from ") + from +
            ": the talk is read from the index (with --emit the index is only read)",
        "db");
  }
  if (options.emit && !options.db_dir.empty() && !transcript) {
    return Status::invalid("--emit writes to stdout; it takes no '--db'", "db");
  }
  if (options.emit && options.dry_run) {
    return Status::invalid("--emit writes no index, so --dry-run has nothing to hold back",
                           "dry-run");
  }
  if (!options.emit && options.db_dir.empty()) {
    return Status::invalid("the option '--db' is required (or --emit)", "db");
  }
  if (vm.count("map")) {
    if (options.format != Format::kCsv) {
      return Status::invalid("--map applies to --from csv only", "map");
    }
    for (const auto& text : vm["map"].as<std::vector<std::string>>()) {
      auto mapping = parse_mapping(text);
      if (!mapping.is_ok()) return mapping.status();
      options.column_map.push_back(std::move(mapping).value());
    }
  }
  if (vm.count("path")) options.paths = vm["path"].as<std::vector<std::string>>();
  if (options.paths.empty()) return Status::invalid("no input PATH given", "path");
  return options;
}

}  // namespace podium::import
