// SPDX-License-Identifier: Apache-2.0
// Web UI handlers: parameters in through the page parsers, one index call, HTML out through the
// page renderers. Failures become pages with words in them, never a blank page.
#include "web_routes.h"

#include "podium/core/validate.h"
#include "podium/http/http_error.h"
#include "podium/http/request_parsing.h"

#include "communities_page.h"
#include "page_layout.h"
#include "profile_page.h"
#include "recommend_page.h"
#include "search_page.h"
#include "search_state.h"
#include "shortlist_page.h"
#include "static_files.h"

namespace podium::http {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

// Defence in depth behind the escaping: no inline script can run, and the JSON-LD block is
// data, which script-src does not govern.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

QueryParams params_of(const httplib::Request& req) {
  return QueryParams(req.params.begin(), req.params.end());
}

void send_html(httplib::Response& res, std::string html, int status = 200) {
  res.status = status;
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(std::move(html), kHtml);
}

// A failed index call other than a bad parameter (database unavailable, internal error).
void send_failure_page(httplib::Response& res, const Status& status, bool assets) {
  web::PageOptions page;
  page.title = "Something went wrong";
  page.assets = assets;
  send_html(res,
            web::render_message_page(page, "Something went wrong",
                                     "The index could not answer: " + status.to_string(),
                                     "<p>Please try again in a moment. <a href=\"/\">Back to "
                                     "search</a>.</p>"),
            http_status_for(status.code()));
}

constexpr int kProfileSimilarSpeakers = 5;

bool is_input_error(const Status& status) { return status.code() == StatusCode::kInvalidArgument; }

}  // namespace

void register_web_routes(httplib::Server& server, const search::Index& index,
                         const ServerOptions& options, SearchGate& gate) {
  const bool assets = !options.web_root.empty();
  const std::string web_root = options.web_root;

  server.Get("/", [&index, &gate, assets, ranking = options.ranking](const httplib::Request& req,
                                                                     httplib::Response& res) {
    web::ParsedSearchPage page = web::parse_search_page(params_of(req));
    if (!page.request.is_ok()) {
      const Result<search::SearchResponse> failed = page.request.status();
      return send_html(res, web::render_search_page(page.state, failed, assets), 400);
    }
    page.request->params = ranking;
    const Result<search::SearchResponse> result = [&] {
      const SearchGate::Pass pass(gate);
      return index.search(*page.request);
    }();
    if (!result.is_ok() && !is_input_error(result.status())) {
      return send_failure_page(res, result.status(), assets);
    }
    send_html(res, web::render_search_page(page.state, result, assets), result.is_ok() ? 200 : 400);
  });

  server.Get(R"(/speakers/([^/]+))", [&index, &gate, assets](const httplib::Request& req,
                                                             httplib::Response& res) {
    const std::string id = req.matches[1];
    if (!is_valid_id(id)) {
      return send_html(res, web::render_speaker_not_found_page(id, assets), 404);
    }
    const Result<search::SpeakerProfile> profile = index.speaker(id);
    if (profile.is_ok()) {
      // Similar speakers are a bonus: a failure leaves them out, not the page.
      const Result<search::SimilarResponse> similar = [&] {
        const SearchGate::Pass pass(gate);
        return index.similar({.id = id, .k = kProfileSimilarSpeakers});
      }();
      return send_html(
          res, web::render_profile_page(*profile, assets, similar.is_ok() ? &*similar : nullptr));
    }
    if (profile.status().code() == StatusCode::kNotFound) {
      return send_html(res, web::render_speaker_not_found_page(id, assets), 404);
    }
    send_failure_page(res, profile.status(), assets);
  });

  server.Get("/shortlist", [assets](const httplib::Request&, httplib::Response& res) {
    send_html(res, web::render_shortlist_page(assets));
  });

  const auto recommend = [&index, &gate, assets](const httplib::Request& req,
                                                 httplib::Response& res) {
    const web::RecommendForm form = web::parse_recommend_form(params_of(req));
    if (form.text.empty()) {
      return send_html(res, web::render_recommend_page(form, std::nullopt, assets));
    }
    // Browsers send UTF-8 (the pages declare it); anything else is refused as the API would.
    if (!is_valid_utf8(form.text)) {
      const std::optional<Result<search::LineupResponse>> invalid =
          Result<search::LineupResponse>(Status::invalid("is not valid UTF-8", "text"));
      return send_html(res, web::render_recommend_page(form, invalid, assets), 400);
    }
    search::LineupRequest request;
    request.event = form.text;
    request.size = form.size;
    const std::optional<Result<search::LineupResponse>> result = [&] {
      const SearchGate::Pass pass(gate);
      return index.recommend(request);
    }();
    const bool wordless = !result->is_ok() && result->status().field() == "event" &&
                          result->status().message() == search::kNoEventWordsMessage;
    if (!result->is_ok() && !is_input_error(result->status())) {
      return send_failure_page(res, result->status(), assets);
    }
    send_html(res, web::render_recommend_page(form, result, assets),
              result->is_ok() || wordless ? 200 : 400);
  };
  server.Get("/recommend", recommend);
  server.Post("/recommend", recommend);

  server.Get("/communities", [&index, assets](const httplib::Request& req, httplib::Response& res) {
    web::ParsedCommunityPage page = web::parse_community_page(params_of(req));
    if (!page.request.is_ok()) {
      const Result<search::CommunityPage> failed = page.request.status();
      return send_html(res, web::render_communities_page(page.state, failed, assets), 400);
    }
    const Result<search::CommunityPage> result = index.communities(*page.request);
    if (!result.is_ok() && !is_input_error(result.status())) {
      return send_failure_page(res, result.status(), assets);
    }
    send_html(res, web::render_communities_page(page.state, result, assets),
              result.is_ok() ? 200 : 400);
  });

  // req.matches[1] is taken from the percent-decoded path, so encoded dots and slashes are
  // checked like plain ones.
  server.Get(R"(/static/(.*))", [web_root](const httplib::Request& req, httplib::Response& res) {
    std::optional<web::StaticFile> file = web::load_static_file(web_root, req.matches[1].str());
    if (!file) {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::move(file->content), file->content_type);
  });
}

}  // namespace podium::http
