// SPDX-License-Identifier: Apache-2.0
// The one mapping from Podium status codes to HTTP statuses and JSON error bodies.
#pragma once

#include <string>

#include "podium/core/status.h"

namespace podium::http {

// 400 invalid argument, 404 not found, 409 conflict, 413 too large, 503 unavailable, 500 other.
int http_status_for(StatusCode code);

// {"error": {"code": "...", "message": "...", "param": "..." or null}}
std::string error_body(const Status& status);
// The same for an HTTP status that has no Status behind it (unknown route, URI too long, ...).
std::string error_body_for_http_status(int http_status);

}  // namespace podium::http
