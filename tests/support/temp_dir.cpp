// SPDX-License-Identifier: Apache-2.0
// TempDir: mkdtemp() for a unique name, a permission-restoring recursive remove at the end.
#include "support/temp_dir.h"

#include <cstdlib>
#include <stdexcept>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>

namespace podium::test {
namespace {

namespace fs = std::filesystem;

// "Suite.Name/param" -> "Suite-Name-param": only characters that are safe in a file name.
std::string safe_test_name() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info == nullptr ? std::string("podium")
                                     : std::string(info->test_suite_name()) + "-" + info->name();
  for (char& c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!safe) c = '-';
  }
  if (name.size() > 80) name.resize(80);
  return name;
}

// Gives the owner full access to `dir` and every directory under it, so remove_all can enter.
void make_removable(const fs::path& dir) {
  std::error_code ec;
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) make_removable(it->path());
  }
}

}  // namespace

TempDir::TempDir() {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / ("podium-" + safe_test_name() + "-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << pattern;
    throw std::runtime_error("cannot create a temporary directory");
  }
  path_ = buffer.data();
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  make_removable(path_);
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::file(const std::string& name) const { return (path_ / name).string(); }

}  // namespace podium::test
