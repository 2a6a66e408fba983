// SPDX-License-Identifier: Apache-2.0
// The OpenAPI 3 description of the HTTP API, served at /openapi.json.
#pragma once

#include <string>

namespace podium::http {

const std::string& openapi_document();

}  // namespace podium::http
