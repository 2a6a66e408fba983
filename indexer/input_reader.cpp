// SPDX-License-Identifier: Apache-2.0
// Path expansion and bounded line reading over zlib (which reads plain files too).
#include "podium/ingest/input_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <zlib.h>

namespace podium::ingest {
namespace {

namespace fs = std::filesystem;

bool is_input_file_name(const std::string& name) {
  return name.ends_with(".jsonl") || name.ends_with(".jsonl.gz");
}

Status collect_directory(const fs::path& dir, std::vector<std::string>& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Status::io_error(dir.string() + ": cannot read directory: " + ec.message());
  std::vector<std::string> files;
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::io_error(dir.string() + ": cannot read directory: " + ec.message());
    std::error_code type_ec;
    if (it->is_regular_file(type_ec) && is_input_file_name(it->path().filename().string())) {
      files.push_back(it->path().string());
    }
  }
  if (ec) return Status::io_error(dir.string() + ": cannot read directory: " + ec.message());
  std::sort(files.begin(), files.end());
  out.insert(out.end(), files.begin(), files.end());
  return Status::ok();
}

}  // namespace

Result<std::vector<std::string>> expand_input_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return Status::io_error(path + ": no such file or directory");
    }
    if (fs::is_directory(status)) {
      Status collected = collect_directory(path, out);
      if (!collected.is_ok()) return collected;
    } else {
      out.push_back(path);
    }
  }
  return out;
}

LineReader::LineReader(void* handle, std::string path, std::size_t max_bytes)
    : handle_(handle), path_(std::move(path)), max_bytes_(max_bytes) {}

LineReader::~LineReader() { gzclose(static_cast<gzFile>(handle_)); }

Result<std::unique_ptr<LineReader>> LineReader::open(const std::string& path,
                                                     std::size_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::io_error(path + ": is a directory");
  errno = 0;
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::io_error(
        path + ": cannot open: " + (errno != 0 ? std::strerror(errno) : "out of memory"));
  }
  gzbuffer(file, 256 * 1024);
  return std::unique_ptr<LineReader>(new LineReader(file, path, max_bytes));
}

Status LineReader::fill() {
  if (pos_ > 0) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  constexpr unsigned kChunk = 256 * 1024;
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kChunk);
  auto* file = static_cast<gzFile>(handle_);
  const int n = gzread(file, buffer_.data() + old_size, kChunk);
  if (n < 0) {
    int code = 0;
    const char* message = gzerror(file, &code);
    buffer_.resize(old_size);
    return Status::io_error(path_ +
                            ": read error: " + (code == Z_ERRNO ? std::strerror(errno) : message));
  }
  buffer_.resize(old_size + static_cast<std::size_t>(n));
  if (n == 0) {
    // gzread just returns 0 when a gzip stream is cut short; only gzerror() == Z_BUF_ERROR
    // says so (zlib.h, gzread). Pinned by LineReader.TruncatedGzipIsAReadError.
    int code = Z_OK;
    gzerror(file, &code);
    if (code == Z_BUF_ERROR) {
      return Status::io_error(path_ + ": read error: compressed data ends early (truncated file)");
    }
    eof_ = true;
  }
  return Status::ok();
}

Result<bool> LineReader::next(InputLine& line) {
  line.text.clear();
  line.too_long = false;
  line.length = 0;
  std::size_t scan_from = pos_;
  while (true) {
    const std::size_t newline = buffer_.find('\n', scan_from);
    if (newline != std::string::npos) {
      const std::size_t length = newline - pos_;
      line.length += length;
      if (!line.too_long) line.text.assign(buffer_, pos_, length);
      pos_ = newline + 1;
      break;
    }
    // A line longer than the limit is dropped as it streams by, so a 50 MB line costs no
    // more memory than the limit.
    if (buffer_.size() - pos_ > max_bytes_) {
      line.too_long = true;
      line.length += buffer_.size() - pos_;
      pos_ = buffer_.size();
    }
    if (eof_) {
      if (pos_ >= buffer_.size() && line.length == 0 && !line.too_long) return false;
      const std::size_t length = buffer_.size() - pos_;
      line.length += length;
      if (!line.too_long) line.text.assign(buffer_, pos_, length);
      pos_ = buffer_.size();
      break;
    }
    const std::size_t scanned = buffer_.size() - pos_;
    Status filled = fill();
    if (!filled.is_ok()) return filled;
    scan_from = pos_ + scanned;
  }
  if (line.too_long || line.length > max_bytes_) {
    line.too_long = true;
    line.text.clear();
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  line.number = ++line_number_;
  return true;
}

std::uint64_t LineReader::bytes_read() const {
  const z_off_t offset = gzoffset(static_cast<gzFile>(handle_));
  return offset < 0 ? 0 : static_cast<std::uint64_t>(offset);
}

Status for_each_valid_record(
    const std::string& path, std::size_t max_bytes,
    const std::function<void(const InputLine& line, const ParsedRecord& parsed)>& visit) {
  Result<std::unique_ptr<LineReader>> reader = LineReader::open(path, max_bytes);
  if (!reader.is_ok()) return reader.status();
  InputLine line;
  while (true) {
    Result<bool> more = (*reader)->next(line);
    if (!more.is_ok()) return more.status();
    if (!*more) return Status::ok();
    if (line.too_long) continue;
    Result<ParsedRecord> parsed = parse_record(line.text);
    if (parsed.is_ok()) visit(line, *parsed);
  }
}

}  // namespace podium::ingest
