// SPDX-License-Identifier: Apache-2.0
// Seeded synthetic self_id for evaluation corpora. See the header: synthetic, never inferred.
#include "podium/eval/synthetic_attributes.h"

#include <fstream>

#include <nlohmann/json.hpp>

#include "podium/core/record_parser.h"
#include "podium/core/stable_hash.h"
#include "podium/ingest/input_reader.h"
#include "podium/search/diversity.h"

namespace podium::eval {

double synthetic_draw(std::uint64_t seed, const std::string& speaker_id, const std::string& what) {
  // The seed is spread first (times the golden ratio) so that seeds 1, 2, 3 start far apart.
  const std::uint64_t h = stable_hash(seed * 0x9e3779b97f4a7c15ULL, what + '\n' + speaker_id);
  return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);  // 53 bits
}

Result<SynthSummary> write_synthetic_attributes(const SynthOptions& options) {
  auto reader = ingest::LineReader::open(options.in_path, kMaxLineBytes);
  if (!reader.is_ok()) return reader.status();
  std::ofstream out(options.out_path);
  if (!out) return Status::io_error(options.out_path + ": cannot write");
  const std::set<std::string>& women_plus = []() -> const std::set<std::string>& {
    static const std::set<std::string> empty;
    const auto& sets = search::shipped_value_sets();
    auto it = sets.find("women+");
    return it == sets.end() ? empty : it->second;
  }();
  SynthSummary summary;
  ingest::InputLine line;
  while (true) {
    Result<bool> more = (*reader)->next(line);
    if (!more.is_ok()) return more.status();
    if (!*more) break;
    if (line.too_long || line.text.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json record = nlohmann::json::parse(line.text, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      return Status::invalid(options.in_path + ":" + std::to_string(line.number) +
                             ": not a JSON object");
    }
    ++summary.records;
    if (record.value("kind", "") == "speaker" && record.contains("id") &&
        record["id"].is_string() && !record.value("deleted", false)) {
      ++summary.speakers;
      const std::string id = record["id"];
      record.erase("self_id");
      if (synthetic_draw(options.seed, id, "opt-in") < options.opt_in) {
        const double g = synthetic_draw(options.seed, id, "gender");
        std::string gender = options.genders.empty() ? "" : options.genders.back().first;
        double cumulative = 0;
        for (const auto& [value, weight] : options.genders) {
          cumulative += weight;
          if (g < cumulative) {
            gender = value;
            break;
          }
        }
        const bool is_public = synthetic_draw(options.seed, id, "consent") < options.public_share;
        record["self_id"] = {{"gender", gender}, {"consent", is_public ? "public" : "ranking"}};
        ++summary.self_identified;
        if (women_plus.count(gender)) ++summary.women_plus;
      }
    }
    out << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  if (!out) return Status::io_error(options.out_path + ": write failed");
  return summary;
}

}  // namespace podium::eval
