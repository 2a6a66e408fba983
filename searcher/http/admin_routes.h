// SPDX-License-Identifier: Apache-2.0
// The admin API (docs/api.md "Admin"): POST /v1/admin/ingest and
// DELETE /v1/admin/{speakers|talks|communities}/{id}, writing to the index through the same
// parser and batch writer as podium-index.
#pragma once

#include <httplib.h>

#include "podium/http/server.h"

#include "metrics.h"

namespace podium::http {

// Registers the admin routes when options.admin_token is set; without a token they are not
// registered and answer 404 like any unknown path. Every request must carry
// "Authorization: Bearer <token>" (compared in constant time), or it gets 401 and changes
// nothing. One write at a time: a request that finds another writer gets 409. `metrics` must
// outlive the server.
void register_admin_routes(httplib::Server& server, const ServerOptions& options, Metrics& metrics);

// Whether `given` equals `expected`, in time that depends only on expected's length.
bool constant_time_equal(std::string_view given, std::string_view expected);

}  // namespace podium::http
