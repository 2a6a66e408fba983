// SPDX-License-Identifier: Apache-2.0
// A fresh, uniquely named temporary directory per test, removed with everything in it when the
// object goes out of scope. Tests never share a fixed path (STYLE.md 2.5).
#pragma once

#include <filesystem>
#include <string>

namespace podium::test {

class TempDir {
 public:
  // Creates a new directory under the system temporary directory ($TMPDIR or /tmp), named after
  // the running test. Fails the current test (and aborts it) if the directory cannot be made.
  TempDir();
  // Removes the directory and its contents; restores owner permissions first, so a test that
  // made a subdirectory unreadable still leaves nothing behind.
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path() / name, as a string.
  std::string file(const std::string& name) const;

 private:
  std::filesystem::path path_;
};

}  // namespace podium::test
