// SPDX-License-Identifier: Apache-2.0
// Serving the web UI's static files (app.js, style.css) from ServerOptions::web_root: only
// regular files directly in that folder, by a plain name, with a known type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace podium::http::web {

struct StaticFile {
  std::string content;
  std::string content_type;
};

// Whether `name` (already percent-decoded) can name a file directly in the web root:
// 1..128 characters of [A-Za-z0-9._-], not starting with a dot (so no "..", no hidden files,
// no separators, no absolute paths).
bool is_safe_static_name(std::string_view name);

// The Content-Type for a file name's extension; empty for a type the UI does not serve.
std::string static_content_type(std::string_view name);

// The file `name` in `web_root`, or nullopt when the root is empty, the name is not safe,
// the type is unknown, or it is not a regular file (a symlink or folder is refused).
std::optional<StaticFile> load_static_file(const std::string& web_root, std::string_view name);

}  // namespace podium::http::web
