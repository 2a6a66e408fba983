// SPDX-License-Identifier: Apache-2.0
// Format names and the importer factory.
#include "podium/import/importers.h"

#include <array>
#include <utility>

namespace podium::import {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 7> kFormats = {{
    {"frab", Format::kFrab},
    {"pretalx", Format::kPretalx},
    {"sessionize", Format::kSessionize},
    {"pyvideo", Format::kPyvideo},
    {"csv", Format::kCsv},
    {"vtt", Format::kVtt},
    {"srt", Format::kSrt},
}};

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [known, format] : kFormats) {
    if (known == name) return format;
  }
  return std::nullopt;
}

const char* format_name(Format format) {
  for (const auto& [known, f] : kFormats) {
    if (f == format) return known.data();
  }
  return "unknown";
}

std::unique_ptr<Importer> make_importer(Format format) {
  switch (format) {
    case Format::kFrab:
      return make_frab_importer();
    case Format::kPretalx:
      return make_pretalx_importer();
    case Format::kSessionize:
      return make_sessionize_importer();
    case Format::kPyvideo:
      return make_pyvideo_importer();
    case Format::kCsv:
      return make_csv_importer();
    case Format::kVtt:
    case Format::kSrt:
      return nullptr;
  }
  return nullptr;
}

bool is_transcript_format(Format format) {
  return format == Format::kVtt || format == Format::kSrt;
}

}  // namespace podium::import
