// SPDX-License-Identifier: Apache-2.0
// Static files. The name check happens on the decoded path httplib gives us, so "%2e%2e" and
// "%2f" arrive as ".." and "/" and are refused (tests/web_render/static_files_test.cpp).
#include "static_files.h"

#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

namespace podium::http::web {
namespace {

using Type = std::pair<std::string_view, std::string_view>;

constexpr std::array kTypes = {
    Type{".css", "text/css; charset=utf-8"},
    Type{".js", "text/javascript; charset=utf-8"},
    Type{".svg", "image/svg+xml"},
    Type{".png", "image/png"},
    Type{".ico", "image/x-icon"},
    Type{".webp", "image/webp"},
    Type{".woff2", "font/woff2"},
    Type{".txt", "text/plain; charset=utf-8"},
};

}  // namespace

bool is_safe_static_name(std::string_view name) {
  if (name.empty() || name.size() > 128 || name.front() == '.') return false;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) == 0 && c != '.' && c != '_' && c != '-') return false;
  }
  return name.find("..") == std::string_view::npos;
}

std::string static_content_type(std::string_view name) {
  for (const auto& [extension, type] : kTypes) {
    if (name.size() > extension.size() && name.ends_with(extension)) return std::string(type);
  }
  return {};
}

std::optional<StaticFile> load_static_file(const std::string& web_root, std::string_view name) {
  if (web_root.empty() || !is_safe_static_name(name)) return std::nullopt;
  std::string type = static_content_type(name);
  if (type.empty()) return std::nullopt;
  const std::filesystem::path path = std::filesystem::path(web_root) / std::string(name);
  std::error_code error;
  // symlink_status: a link inside the web root could point anywhere, so links are refused.
  if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(path, error))) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return StaticFile{std::move(content), std::move(type)};
}

}  // namespace podium::http::web
