// SPDX-License-Identifier: Apache-2.0
// One podium-index run: read every input line, validate it, apply it, commit once.
#include "podium/ingest/ingest_run.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <ostream>

#include <unistd.h>

#include "podium/core/record_parser.h"
#include "podium/ingest/input_reader.h"

#include "progress_bar.h"

namespace podium::ingest {
namespace {

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

std::uint64_t total_size(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const auto& file : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) total += size;
  }
  return total;
}

}  // namespace

int run_ingest(const IndexOptions& options, std::ostream& out, std::ostream& err) {
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<std::string>> files = expand_input_paths(options.paths);
  if (!files.is_ok()) {
    err << "podium-index: " << files.status().message() << "\n";
    return kExitIoError;
  }
  auto sink = [&err](const Diagnostic& d) { err << d.to_string() << "\n"; };
  Result<std::unique_ptr<BatchWriter>> writer =
      BatchWriter::open(options.db_dir, {options.strict, options.dry_run, options.shards}, sink);
  if (!writer.is_ok()) {
    err << "podium-index: " << writer.status().message() << "\n";
    // A --shards that does not fit the directory is a usage error, not an I/O one.
    return writer.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitIoError;
  }
  ProgressBar progress(err, total_size(*files), options.progress && isatty(STDERR_FILENO) == 1);
  std::uint64_t done_bytes = 0;
  std::uint64_t records = 0;
  for (const auto& file : *files) {
    Result<std::unique_ptr<LineReader>> reader = LineReader::open(file, kMaxLineBytes);
    if (!reader.is_ok()) {
      progress.clear();
      err << "podium-index: " << reader.status().message() << "; nothing was committed\n";
      return kExitIoError;
    }
    InputLine line;
    bool any_record = false;
    while (true) {
      Result<bool> more = (*reader)->next(line);
      if (!more.is_ok()) {
        progress.clear();
        err << "podium-index: " << more.status().message() << "; nothing was committed\n";
        return kExitIoError;
      }
      if (!*more) break;
      const SourceRef where{file, line.number};
      if (line.too_long) {
        any_record = true;
        (*writer)->reject(
            where,
            Status::invalid("line is longer than the " + std::to_string(kMaxLineBytes >> 20) +
                            " MiB limit (" + std::to_string(line.length) + " bytes)"));
        continue;
      }
      if (is_blank(line.text)) continue;
      any_record = true;
      ++records;
      Result<ParsedRecord> parsed = parse_record(line.text);
      if (!parsed.is_ok()) {
        (*writer)->reject(where, parsed.status());
      } else if (Status added = (*writer)->add(*parsed, where); !added.is_ok()) {
        progress.clear();
        err << "podium-index: " << added.message() << "; nothing was committed\n";
        return kExitIoError;
      }
      progress.update(done_bytes + (*reader)->bytes_read(), records);
    }
    done_bytes += (*reader)->bytes_read();
    if (!any_record) (*writer)->warn(SourceRef{file, 0}, "file is empty");
  }
  progress.clear();
  Result<BatchSummary> summary = (*writer)->finish();
  if (!summary.is_ok()) {
    err << "podium-index: " << summary.status().message() << "; nothing was committed\n";
    return kExitIoError;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out << "added " << summary->added << ", replaced " << summary->replaced << ", unchanged "
      << summary->unchanged << ", deleted " << summary->deleted << ", rejected "
      << summary->rejected << ", warnings " << summary->warnings << ", " << std::fixed
      << std::setprecision(2) << seconds << " s";
  if (options.dry_run) {
    out << " (dry run: nothing written)";
  } else if (!summary->committed) {
    out << " (--strict: nothing committed because lines were rejected)";
  }
  out << "\n";
  return summary->rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace podium::ingest
