// SPDX-License-Identifier: Apache-2.0
// The routes of the web UI (server-rendered HTML pages and the static files beside them),
// added to the API server's route table by ServerImpl::routes().
#pragma once

#include <httplib.h>

#include "podium/http/server.h"
#include "podium/search/index.h"

#include "search_gate.h"

namespace podium::http {

// Registers GET / (search), GET /speakers/{id}, GET /shortlist, GET and POST /recommend,
// GET /communities and GET /static/{file} on `server`. `index` must outlive the server. Each
// page makes one call to `index`. Static files come from options.web_root; when it is empty
// /static/ answers 404 and pages render without the script and style sheet. Searches, lineups
// and similar speakers go through `gate` (it must outlive the server).
void register_web_routes(httplib::Server& server, const search::Index& index,
                         const ServerOptions& options, SearchGate& gate);

}  // namespace podium::http
