// SPDX-License-Identifier: Apache-2.0
// Route table and handlers of the HTTP API. Handlers only translate: parameters in through
// request_parsing, results out through response_json, statuses through http_error.
#include "podium/http/server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "podium/core/validate.h"
#include "podium/http/http_error.h"
#include "podium/http/request_parsing.h"
#include "podium/search/response_json.h"

#include "openapi.h"
#include "web_routes.h"

namespace podium::http {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

QueryParams params_of(const httplib::Request& req) {
  return QueryParams(req.params.begin(), req.params.end());
}

void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJson);
}

void send_error(httplib::Response& res, const Status& status) {
  res.status = http_status_for(status.code());
  res.set_content(error_body(status), kJson);
}

template <typename T>
void send_result(httplib::Response& res, const Result<T>& result) {
  if (result.is_ok()) {
    send_json(res, search::to_json(*result));
  } else {
    send_error(res, result.status());
  }
}

// Endpoints that take no parameters still reject unknown ones, so typos do not pass silently.
bool reject_any_params(const httplib::Request& req, httplib::Response& res) {
  if (req.params.empty()) return false;
  send_error(res, Status::invalid("unknown parameter", req.params.begin()->first));
  return true;
}

}  // namespace

class ServerImpl {
 public:
  ServerImpl(const search::Index& index, ServerOptions options)
      : index_(index), options_(std::move(options)) {
    const auto threads = static_cast<std::size_t>(std::max(1, options_.threads));
    server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Without TCP_NODELAY small responses stall ~40 ms on Nagle's algorithm.
    server_.set_tcp_nodelay(true);
    server_.set_keep_alive_max_count(1000);
    server_.set_read_timeout(options_.read_timeout_seconds, 0);
    server_.set_payload_max_length(options_.max_body_bytes);
    server_.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) res.set_content(error_body_for_http_status(res.status), kJson);
    });
    server_.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          send_error(res, Status::internal("internal error"));
        });
    server_.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      if (req.method == "GET") res.set_header("Access-Control-Allow-Origin", "*");
    });
    routes();
  }

  Result<int> bind() {
    int port = options_.port;
    if (port == 0) {
      port = server_.bind_to_any_port(options_.host);
    } else if (!server_.bind_to_port(options_.host, port)) {
      port = -1;
    }
    if (port < 0) {
      return Status(StatusCode::kUnavailable,
                    "cannot listen on " + options_.host + ":" + std::to_string(options_.port));
    }
    return port;
  }
  void run() { server_.listen_after_bind(); }
  void stop() { server_.stop(); }
  bool is_running() const { return server_.is_running(); }

 private:
  void routes() {
    server_.Get("/healthz", [this](const httplib::Request& req, httplib::Response& res) {
      if (reject_any_params(req, res)) return;
      send_result(res, index_.stats());
    });
    server_.Get("/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(openapi_document(), kJson);
    });
    server_.Get("/v1/search", [this](const httplib::Request& req, httplib::Response& res) {
      auto request = parse_search_params(params_of(req));
      if (!request.is_ok()) return send_error(res, request.status());
      send_result(res, index_.search(*request));
    });
    server_.Post("/v1/search", [this](const httplib::Request& req, httplib::Response& res) {
      if (!req.params.empty()) {
        return send_error(
            res, Status::invalid("parameters go in the JSON body", req.params.begin()->first));
      }
      auto request = parse_search_body(req.body);
      if (!request.is_ok()) return send_error(res, request.status());
      send_result(res, index_.search(*request));
    });
    server_.Get(R"(/v1/speakers/([^/]+))",
                [this](const httplib::Request& req, httplib::Response& res) {
                  if (reject_any_params(req, res)) return;
                  const std::string id = req.matches[1];
                  if (!is_valid_id(id)) {
                    return send_error(res, Status::not_found("no speaker with that id"));
                  }
                  send_result(res, index_.speaker(id));
                });
    server_.Get(R"(/v1/talks/([^/]+))",
                [this](const httplib::Request& req, httplib::Response& res) {
                  if (reject_any_params(req, res)) return;
                  const std::string id = req.matches[1];
                  if (!is_valid_id(id))
                    return send_error(res, Status::not_found("no talk with that id"));
                  send_result(res, index_.talk(id));
                });
    server_.Get("/v1/communities", [this](const httplib::Request& req, httplib::Response& res) {
      auto request = parse_community_params(params_of(req));
      if (!request.is_ok()) return send_error(res, request.status());
      send_result(res, index_.communities(*request));
    });
    register_web_routes(server_, index_, options_);
  }

  const search::Index& index_;
  ServerOptions options_;
  httplib::Server server_;
};

ApiServer::ApiServer(const search::Index& index, ServerOptions options)
    : impl_(std::make_unique<ServerImpl>(index, std::move(options))) {}
ApiServer::~ApiServer() = default;
Result<int> ApiServer::bind() { return impl_->bind(); }
void ApiServer::run() { impl_->run(); }
void ApiServer::stop() { impl_->stop(); }
bool ApiServer::is_running() const { return impl_->is_running(); }

}  // namespace podium::http
