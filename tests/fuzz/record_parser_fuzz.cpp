// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: one ingest line through parse_record, the parser every writer shares (the
// indexer, the admin API and the importers). Beyond "no crash, no sanitizer report", a record
// that parses must survive its own JSON form: the stored document data is read back by the same
// parser, so a record that cannot be re-read would be lost from the index.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "podium/core/record_json.h"
#include "podium/core/record_parser.h"

namespace {

std::string stored_form(const podium::Record& record) {
  return std::visit(
      [](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, podium::Speaker>) {
          return podium::to_json(value, podium::SelfIdOutput::kAlways).dump();
        } else if constexpr (std::is_same_v<T, podium::Deletion>) {
          return {};
        } else {
          return podium::to_json(value).dump();
        }
      },
      record);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const auto parsed = podium::parse_record(line);
  if (!parsed.is_ok()) return 0;
  const std::string stored = stored_form(parsed.value().record);
  if (stored.empty()) return 0;
  if (!podium::parse_record(stored).is_ok()) std::abort();  // a valid record must re-read
  return 0;
}
