// SPDX-License-Identifier: Apache-2.0
// Synthetic self_id: seeded, independent of names and record order, only on speakers.
#include "podium/eval/synthetic_attributes.h"

#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::test {
namespace {

using nlohmann::json;

std::vector<json> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<json> out;
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
  return out;
}

void write_corpus(const std::string& path, int speakers, const std::string& name) {
  std::ofstream out(path);
  out << R"({"kind": "community", "id": "c1", "name": "C", "type": "meetup"})" << '\n';
  for (int i = 0; i < speakers; ++i) {
    out << json{{"kind", "speaker"}, {"id", "s" + std::to_string(i)}, {"name", name}}.dump()
        << '\n';
    out << json{{"kind", "talk"},
                {"id", "t" + std::to_string(i)},
                {"title", "T"},
                {"speakers", {"s" + std::to_string(i)}}}
               .dump()
        << '\n';
  }
}

std::map<std::string, json> self_ids(const std::string& path) {
  std::map<std::string, json> out;
  for (const auto& record : read_lines(path)) {
    if (record["kind"] == "speaker") {
      out[record["id"]] = record.value("self_id", json(nullptr));
    } else {
      EXPECT_FALSE(record.contains("self_id")) << record;
    }
  }
  return out;
}

TEST(SyntheticAttributes, SameSeedSameDrawsWhateverTheNames) {
  TempDir dir;
  write_corpus(dir.file("a.jsonl"), 400, "Alice Example");
  write_corpus(dir.file("b.jsonl"), 400, "Bob Example");
  eval::SynthOptions options;
  options.seed = 42;
  options.in_path = dir.file("a.jsonl");
  options.out_path = dir.file("a-out.jsonl");
  auto a = eval::write_synthetic_attributes(options);
  ASSERT_OK(a);
  options.in_path = dir.file("b.jsonl");
  options.out_path = dir.file("b-out.jsonl");
  ASSERT_OK(eval::write_synthetic_attributes(options));
  // Names differ, draws do not: nothing is taken from a name.
  EXPECT_EQ(self_ids(dir.file("a-out.jsonl")), self_ids(dir.file("b-out.jsonl")));
  EXPECT_EQ(a->records, 801u);
  EXPECT_EQ(a->speakers, 400u);
  // About 70 % opt in, about 40 % of those are women+ (woman 0.30 + non-binary 0.10 +
  // genderqueer 0.05 = 0.45 by the default distribution). Loose bounds: 400 draws.
  EXPECT_GT(a->self_identified, 240u);
  EXPECT_LT(a->self_identified, 320u);
  EXPECT_GT(a->women_plus, a->self_identified * 30 / 100);
  EXPECT_LT(a->women_plus, a->self_identified * 60 / 100);
  std::size_t is_public = 0;
  for (const auto& [id, self_id] : self_ids(dir.file("a-out.jsonl"))) {
    if (self_id.is_null()) continue;
    const std::string consent = self_id["consent"];
    EXPECT_TRUE(consent == "public" || consent == "ranking") << consent;
    is_public += consent == "public";
  }
  EXPECT_GT(is_public, 0u);
  EXPECT_LT(is_public, a->self_identified / 2);
}

TEST(SyntheticAttributes, AnotherSeedGivesOtherDraws) {
  TempDir dir;
  write_corpus(dir.file("a.jsonl"), 100, "X");
  eval::SynthOptions options;
  options.in_path = dir.file("a.jsonl");
  options.seed = 1;
  options.out_path = dir.file("1.jsonl");
  ASSERT_OK(eval::write_synthetic_attributes(options));
  options.seed = 2;
  options.out_path = dir.file("2.jsonl");
  ASSERT_OK(eval::write_synthetic_attributes(options));
  EXPECT_NE(self_ids(dir.file("1.jsonl")), self_ids(dir.file("2.jsonl")));
  EXPECT_NE(eval::synthetic_draw(1, "s1", "gender"), eval::synthetic_draw(1, "s1", "opt-in"));
  const double d = eval::synthetic_draw(7, "s1", "gender");
  EXPECT_GE(d, 0.0);
  EXPECT_LT(d, 1.0);
}

TEST(SyntheticAttributes, MissingInputIsAnIoError) {
  TempDir dir;
  eval::SynthOptions options;
  options.in_path = dir.file("absent.jsonl");
  options.out_path = dir.file("out.jsonl");
  auto result = eval::write_synthetic_attributes(options);
  ASSERT_FALSE(result.is_ok());
  EXPECT_EQ(result.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace podium::test
