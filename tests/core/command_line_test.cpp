// SPDX-License-Identifier: Apache-2.0
// The argument parsing the programs share: positionals in order, Boost's errors as
// kInvalidArgument.
#include "podium/core/command_line.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace podium {
namespace {

namespace po = boost::program_options;

po::options_description test_options() {
  po::options_description options;
  options.add_options()("db", po::value<std::string>())("k", po::value<int>())("json", "")(
      "word", po::value<std::vector<std::string>>());
  return options;
}

Result<po::variables_map> parse(std::vector<const char*> args) {
  args.insert(args.begin(), "podium-test");
  return parse_command_line(static_cast<int>(args.size()), args.data(), test_options(), "word");
}

TEST(ParseCommandLine, CollectsOptionsAndTheRestInOrder) {
  auto parsed = parse({"data", "--db", "/tmp/x", "science", "--json", "--k=3"});
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().message();
  EXPECT_EQ((*parsed)["db"].as<std::string>(), "/tmp/x");
  EXPECT_EQ((*parsed)["k"].as<int>(), 3);
  EXPECT_EQ(parsed->count("json"), 1u);
  EXPECT_EQ((*parsed)["word"].as<std::vector<std::string>>(),
            (std::vector<std::string>{"data", "science"}));
}

TEST(ParseCommandLine, AnUnknownOptionIsInvalidAndNamed) {
  auto parsed = parse({"--colour", "red"});
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("colour"), std::string::npos)
      << parsed.status().message();
}

TEST(ParseCommandLine, ABadValueIsInvalidAndNamesTheOption) {
  auto parsed = parse({"--k", "ten"});
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("k"), std::string::npos) << parsed.status().message();
}

TEST(ParseCommandLine, AMissingValueIsInvalid) {
  auto parsed = parse({"--db"});
  ASSERT_FALSE(parsed.is_ok());
  EXPECT_NE(parsed.status().message().find("db"), std::string::npos) << parsed.status().message();
}

}  // namespace
}  // namespace podium
