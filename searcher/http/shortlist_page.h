// SPDX-License-Identifier: Apache-2.0
// The shortlist page `/shortlist`. The shortlist lives in the browser's localStorage (no login),
// so the server sends an empty frame that app.js fills: the table, CSV export and the
// plain-text lineup summary.
#pragma once

#include <string>

namespace podium::http::web {

std::string render_shortlist_page(bool assets);

}  // namespace podium::http::web
