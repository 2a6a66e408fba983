// SPDX-License-Identifier: Apache-2.0
// Static file serving: only regular files directly in the web root, by a plain name; traversal
// in any spelling (.., %2e%2e, %2f, absolute paths) and symlinks get nothing.
#include "static_files.h"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::http::web {
namespace {

TEST(StaticFiles, AcceptsPlainNames) {
  for (const char* name : {"app.js", "style.css", "logo-2.svg", "a_b.png", "x.min.js"}) {
    EXPECT_TRUE(is_safe_static_name(name)) << name;
  }
}

TEST(StaticFiles, RefusesEverythingElse) {
  for (const char* name :
       {"", ".", "..", "../x.js", "..%2fx.js", "a/b.js", "/etc/passwd", ".hidden.js", "a..b.js",
        "a\\b.js", "a b.js", "a%20b.js", "app.js\n", "ünï.js"}) {
    EXPECT_FALSE(is_safe_static_name(name)) << name;
  }
  EXPECT_FALSE(is_safe_static_name(std::string(129, 'a')));
}

TEST(StaticFiles, KnowsOnlyTheTypesTheUiUses) {
  EXPECT_EQ(static_content_type("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(static_content_type("style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(static_content_type("index.html"), "");
  EXPECT_EQ(static_content_type("secret.txt.bak"), "");
  EXPECT_EQ(static_content_type(".js"), "");
}

class StaticFilesOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directory(root());
    test::write_file(dir_.file("secret.js"), "secret");
    test::write_file(root() + "/app.js", "console.log(1);");
    std::filesystem::create_directory(root() + "/sub.js");
    test::write_file(root() + "/sub.js/inner.js", "inner");
    std::filesystem::create_symlink(dir_.file("secret.js"), root() + "/link.js");
  }
  std::string root() const { return dir_.file("web"); }
  test::TempDir dir_;
};

TEST_F(StaticFilesOnDisk, ServesARegularFileWithItsType) {
  const auto file = load_static_file(root(), "app.js");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->content, "console.log(1);");
  EXPECT_EQ(file->content_type, "text/javascript; charset=utf-8");
}

TEST_F(StaticFilesOnDisk, RefusesTraversalLinksFoldersAndMissingFiles) {
  for (const char* name :
       {"../secret.js", "link.js", "sub.js", "sub.js/inner.js", "missing.js", "/etc/passwd"}) {
    EXPECT_FALSE(load_static_file(root(), name).has_value()) << name;
  }
  EXPECT_FALSE(load_static_file("", "app.js").has_value()) << "no web root, no files";
}

}  // namespace
}  // namespace podium::http::web
