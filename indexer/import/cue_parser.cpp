// SPDX-License-Identifier: Apache-2.0
// The shared part of the WebVTT and SubRip readers.
#include "cue_parser.h"

#include <array>
#include <utility>

namespace podium::import::cues {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// Reads exactly `count` digits (at least `count` when `at_least`) from `text` at `pos`.
std::optional<long> digits(std::string_view text, std::size_t& pos, std::size_t count,
                           bool at_least = false) {
  std::size_t end = pos;
  while (end < text.size() && is_digit(text[end]) && (at_least || end - pos < count)) ++end;
  if (end - pos < count || end - pos > 9) return std::nullopt;
  long value = 0;
  for (std::size_t i = pos; i < end; ++i) value = value * 10 + (text[i] - '0');
  pos = end;
  return value;
}

// Replaces the character references cue text uses; an unknown one stays as written.
std::string decode_references(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kReferences = {{
      {"&amp;", "&"},
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&apos;", "'"},
      {"&nbsp;", " "},
      {"&lrm;", ""},
      {"&rlm;", ""},
  }};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [reference, replacement] : kReferences) {
        if (text.substr(i, reference.size()) == reference) {
          out += replacement;
          i += reference.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && (is_space(text.front()) || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (is_space(text.back()) || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string quoted(std::string_view line) {
  line = trim(line);
  std::string out(line.substr(0, 80));
  if (line.size() > 80) out += "...";
  return "\"" + out + "\"";
}

std::vector<Block> split_blocks(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Block> blocks;
  Block current;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    ++line_number;
    pos = end;
    if (pos < text.size()) {
      const bool crlf = text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n';
      pos += crlf ? 2 : 1;
    }
    if (trim(line).empty()) {
      if (!current.lines.empty()) blocks.push_back(std::move(current));
      current = Block{};
      continue;
    }
    if (current.lines.empty()) current.first_line = line_number;
    current.lines.push_back(line);
  }
  if (!current.lines.empty()) blocks.push_back(std::move(current));
  return blocks;
}

std::optional<double> parse_timestamp(std::string_view text, bool hours_optional,
                                      std::string_view separators) {
  // Up to three numbers separated by ':', then the fraction.
  std::size_t pos = 0;
  std::array<long, 3> parts{};
  std::size_t count = 0;
  while (true) {
    const std::optional<long> value = digits(text, pos, count == 0 ? 1 : 2, count == 0);
    if (!value || count == 3) return std::nullopt;
    parts[count++] = *value;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      continue;
    }
    break;
  }
  if (count < 2 || (count == 2 && !hours_optional)) return std::nullopt;
  if (pos >= text.size() || separators.find(text[pos]) == std::string_view::npos) {
    return std::nullopt;
  }
  ++pos;
  const std::optional<long> millis = digits(text, pos, 3);
  if (!millis || pos != text.size()) return std::nullopt;
  const long hours = count == 3 ? parts[0] : 0;
  const long minutes = parts[count - 2];
  const long seconds = parts[count - 1];
  // Minutes and seconds are two digits under 60; hours of a two-part timestamp would be minutes.
  if (minutes > 59 || seconds > 59) return std::nullopt;
  if (count == 2 && parts[0] > 59) return std::nullopt;
  return static_cast<double>(hours * 3600 + minutes * 60 + seconds) +
         static_cast<double>(*millis) / 1000.0;
}

std::optional<Timing> parse_timing(std::string_view line, bool hours_optional,
                                   std::string_view separators) {
  const std::size_t arrow = line.find("-->");
  if (arrow == std::string_view::npos) return std::nullopt;
  const std::string_view left = trim(line.substr(0, arrow));
  std::string_view right = trim(line.substr(arrow + 3));
  // Cue settings ("align:start line:0") may follow the end time.
  std::size_t space = 0;
  while (space < right.size() && !is_space(right[space])) ++space;
  right = right.substr(0, space);
  const std::optional<double> start = parse_timestamp(left, hours_optional, separators);
  const std::optional<double> end = parse_timestamp(right, hours_optional, separators);
  if (!start || !end) return std::nullopt;
  return Timing{*start, *end};
}

std::string cue_text(const std::vector<std::string_view>& lines, std::size_t first) {
  std::string stripped;
  for (std::size_t i = first; i < lines.size(); ++i) {
    stripped += ' ';
    const std::string_view line = lines[i];
    for (std::size_t pos = 0; pos < line.size();) {
      const char c = line[pos];
      // <v Speaker>, <i>, <c.yellow>, <00:00:01.000>; SRT's {\an8} positioning codes.
      const char close = c == '<' ? '>' : (c == '{' && line.substr(pos, 2) == "{\\") ? '}' : '\0';
      if (close != '\0') {
        const std::size_t end = line.find(close, pos);
        if (end != std::string_view::npos) {
          pos = end + 1;
          continue;
        }
      }
      stripped += c;
      ++pos;
    }
  }
  const std::string decoded = decode_references(stripped);
  std::string out;
  for (char c : decoded) {
    if (is_space(c) || c == '\r') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool read_cue(const Block& block, std::size_t timing_at, bool hours_optional,
              std::string_view separators, double& previous_start, CueParse& out) {
  const std::string_view timing_line = block.lines[timing_at];
  const std::optional<Timing> timing = parse_timing(timing_line, hours_optional, separators);
  out.error_line = block.first_line + timing_at;
  if (!timing) {
    out.error = "bad cue timing " + quoted(timing_line);
    return false;
  }
  if (timing->end < timing->start) {
    out.error = "cue ends before it starts " + quoted(timing_line);
    return false;
  }
  if (timing->start < previous_start) {
    out.error = "cue starts before the cue above it " + quoted(timing_line);
    return false;
  }
  out.error_line = 0;
  previous_start = timing->start;
  std::string cue = cue_text(block.lines, timing_at + 1);
  if (!cue.empty()) out.cues.push_back({timing->start, std::move(cue)});
  return true;
}

}  // namespace podium::import::cues
