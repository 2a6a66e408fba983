// SPDX-License-Identifier: Apache-2.0
// One `podium-index import` run: read every input with the format's importer, then send each
// record through parse_record() (the one validator) and either the BatchWriter (one atomic
// transaction, as for any batch) or stdout.
#include "podium/import/import_run.h"

#include <chrono>
#include <filesystem>
#include <iomanip>
#include <ostream>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "podium/core/record_json.h"
#include "podium/core/record_parser.h"
#include "podium/import/transcripts.h"
#include "podium/ingest/batch_writer.h"
#include "podium/ingest/ingest_run.h"

#include "../progress_bar.h"

namespace podium::import {
namespace {

using ingest::BatchSummary;
using ingest::BatchWriter;
using ingest::Diagnostic;
using ingest::ProgressBar;
using ingest::SourceRef;
using nlohmann::json;

SourceRef source_of(const Origin& origin) { return {origin.file, origin.line}; }

// The place inside the file plus the record field parse_record() named, e.g.
// "days[0].rooms.Hall A[3]: title".
std::string place(const Origin& origin, const std::string& field) {
  if (origin.path.empty()) return field;
  if (field.empty()) return origin.path;
  return origin.path + ": " + field;
}

std::string to_line(const ImportedRecord& item) {
  // Importers never set self_id: nothing in these sources is self-identification given with a
  // consent (docs/ingest-format.md), so kOmit only makes sure.
  const json record = std::visit(
      [](const auto& r) -> json {
        if constexpr (std::is_same_v<std::decay_t<decltype(r)>, Speaker>) {
          return to_json(r, SelfIdOutput::kOmit);
        } else {
          return to_json(r);
        }
      },
      item.record);
  // Invalid UTF-8 from a source becomes U+FFFD here instead of an exception; CSV and XML input
  // is checked for UTF-8 before, and JSON parsing guarantees it.
  return record.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::uint64_t file_size(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int emit_records(const ImportOptions& options, const std::vector<ImportedRecord>& records,
                 const std::vector<ImportIssue>& issues,
                 std::chrono::steady_clock::time_point start, std::ostream& out,
                 std::ostream& err) {
  std::size_t rejected = 0;
  std::size_t warnings = 0;
  for (const auto& issue : issues) {
    ++(issue.is_error ? rejected : warnings);
    err << Diagnostic{source_of(issue.where), issue.where.path, issue.message, issue.is_error}
               .to_string()
        << "\n";
  }
  std::vector<std::string> lines;
  std::size_t speakers = 0;
  std::size_t talks = 0;
  for (const auto& item : records) {
    std::string line = to_line(item);
    Result<ParsedRecord> parsed = parse_record(line);
    if (!parsed.is_ok()) {
      ++rejected;
      err << Diagnostic{source_of(item.origin), place(item.origin, parsed.status().field()),
                        parsed.status().message(), true}
                 .to_string()
          << "\n";
      continue;
    }
    ++(std::holds_alternative<Speaker>(item.record) ? speakers : talks);
    lines.push_back(std::move(line));
  }
  if (options.strict && rejected > 0) {
    err << "emitted nothing (--strict: " << rejected << " items rejected)\n";
    return ingest::kExitRejected;
  }
  for (const auto& line : lines) out << line << "\n";
  out.flush();
  err << "emitted " << speakers << " speakers, " << talks << " talks, rejected " << rejected
      << ", warnings " << warnings << ", " << std::fixed << std::setprecision(2)
      << seconds_since(start) << " s\n";
  if (!out) {
    err << "podium-index import: cannot write to stdout\n";
    return ingest::kExitIoError;
  }
  return rejected > 0 ? ingest::kExitRejected : ingest::kExitOk;
}

int index_records(const ImportOptions& options, const std::vector<ImportedRecord>& records,
                  const std::vector<ImportIssue>& issues, bool show_progress,
                  std::chrono::steady_clock::time_point start, std::ostream& out,
                  std::ostream& err) {
  auto sink = [&err](const Diagnostic& d) { err << d.to_string() << "\n"; };
  Result<std::unique_ptr<BatchWriter>> writer =
      BatchWriter::open(options.db_dir, {options.strict, options.dry_run}, sink);
  if (!writer.is_ok()) {
    err << "podium-index import: " << writer.status().message() << "\n";
    return ingest::kExitIoError;
  }
  for (const auto& issue : issues) {
    if (issue.is_error) {
      (*writer)->reject(source_of(issue.where), Status::invalid(issue.message, issue.where.path));
    } else {
      (*writer)->warn(source_of(issue.where), issue.where.path.empty()
                                                  ? issue.message
                                                  : issue.where.path + ": " + issue.message);
    }
  }
  ProgressBar progress(err, records.size(), show_progress);
  std::uint64_t done = 0;
  for (const auto& item : records) {
    Result<ParsedRecord> parsed = parse_record(to_line(item));
    if (!parsed.is_ok()) {
      (*writer)->reject(
          source_of(item.origin),
          Status::invalid(parsed.status().message(), place(item.origin, parsed.status().field())));
    } else if (Status added = (*writer)->add(*parsed, source_of(item.origin)); !added.is_ok()) {
      progress.clear();
      err << "podium-index import: " << added.message() << "; nothing was committed\n";
      return ingest::kExitIoError;
    }
    ++done;
    progress.update(done, done);
  }
  progress.clear();
  Result<BatchSummary> summary = (*writer)->finish();
  if (!summary.is_ok()) {
    err << "podium-index import: " << summary.status().message() << "; nothing was committed\n";
    return ingest::kExitIoError;
  }
  // The same summary line as run_ingest(), so scripts read both alike.
  out << "added " << summary->added << ", replaced " << summary->replaced << ", unchanged "
      << summary->unchanged << ", deleted " << summary->deleted << ", rejected "
      << summary->rejected << ", warnings " << summary->warnings << ", " << std::fixed
      << std::setprecision(2) << seconds_since(start) << " s";
  if (options.dry_run) {
    out << " (dry run: nothing written)";
  } else if (!summary->committed) {
    out << " (--strict: nothing committed because items were rejected)";
  }
  out << "\n";
  return summary->rejected > 0 ? ingest::kExitRejected : ingest::kExitOk;
}

}  // namespace

int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<Importer> importer;
  if (is_transcript_format(options.format)) {
    // The transcript joins the talk as stored; the whole talk then goes in again.
    Result<Talk> talk = load_indexed_talk(options.db_dir, options.talk_id);
    if (!talk.is_ok()) {
      err << "podium-index import: " << talk.status().message() << "\n";
      return talk.status().code() == StatusCode::kNotFound ? ingest::kExitRejected
                                                           : ingest::kExitIoError;
    }
    importer = options.format == Format::kVtt ? make_vtt_importer(std::move(talk).value())
                                              : make_srt_importer(std::move(talk).value());
  } else {
    importer = make_importer(options.format);
  }
  Result<std::vector<std::string>> files = importer->expand(options.paths);
  if (!files.is_ok()) {
    err << "podium-index import: " << files.status().message() << "\n";
    return ingest::kExitIoError;
  }
  const bool show_progress = options.progress && isatty(STDERR_FILENO) == 1;
  RecordCollector collector({options.merge_by_name, options.column_map});
  {
    std::uint64_t total = 0;
    for (const auto& file : *files) total += file_size(file);
    ProgressBar progress(err, total, show_progress);
    std::uint64_t done = 0;
    for (const auto& file : *files) {
      if (Status read = importer->import_file(file, collector); !read.is_ok()) {
        progress.clear();
        err << "podium-index import: " << read.message() << "; nothing was "
            << (options.emit ? "emitted" : "committed") << "\n";
        return ingest::kExitIoError;
      }
      done += file_size(file);
      progress.update(done, collector.record_count());
    }
  }
  importer->finish(collector);
  const std::vector<ImportedRecord> records = collector.finish();
  if (options.emit) return emit_records(options, records, collector.issues(), start, out, err);
  return index_records(options, records, collector.issues(), show_progress, start, out, err);
}

int import_command(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  const Result<ImportOptions> options = parse_import_options(argc, argv);
  if (!options.is_ok()) {
    err << "podium-index import: " << options.status().message() << "\n\n" << import_usage();
    return ingest::kExitUsage;
  }
  if (options->help) {
    out << import_usage();
    return ingest::kExitOk;
  }
  if (options->version) {
    out << "podium-index " PODIUM_VERSION "\n";
    return ingest::kExitOk;
  }
  return run_import(*options, out, err);
}

}  // namespace podium::import
