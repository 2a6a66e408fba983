// SPDX-License-Identifier: Apache-2.0
// Route table and handlers of the HTTP API. Handlers only translate: parameters in through
// request_parsing, results out through response_json, statuses through http_error.
#include "podium/http/server.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>
#include <optional>
#include <random>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "podium/core/validate.h"
#include "podium/http/http_error.h"
#include "podium/http/request_parsing.h"
#include "podium/search/response_json.h"

#include "admin_routes.h"
#include "metrics.h"
#include "openapi.h"
#include "rate_limiter.h"
#include "search_gate.h"
#include "web_routes.h"
#include "write_thread.h"

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

// When the current request reached routing, on this worker thread. httplib gives a handler no
// per-request slot, and a worker serves one request at a time, so a thread-local is exact; the
// logger clears it. Requests refused before routing (400, 414) have none: duration 0.
thread_local std::optional<std::chrono::steady_clock::time_point> t_request_start;

constexpr const char* kRequestIdHeader = "X-Request-Id";

// A thread pool that counts connections from accept to close (queued or being served).
class CountingThreadPool : public httplib::TaskQueue {
 public:
  CountingThreadPool(std::size_t threads, std::atomic<std::int64_t>& open, int worker_nice)
      : pool_(threads), open_(open), worker_nice_(worker_nice) {}
  void enqueue(std::function<void()> fn) override {
    ++open_;
    pool_.enqueue([this, fn = std::move(fn)] {
      // Once per worker thread: searches yield to the write thread (write_thread.h).
      thread_local const bool lowered = (lower_thread_priority(worker_nice_), true);
      (void)lowered;
      fn();
      --open_;
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<std::int64_t>& open_;
  int worker_nice_;
};

std::string utc_now_iso() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[40];
  std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(millis));
  return out;
}

// The "total" of a search or communities response, for the access log.
std::optional<std::int64_t> result_count(const std::string& route, const httplib::Response& res) {
  if (res.status != 200 || (route != "/v1/search" && route != "/v1/communities")) return {};
  const nlohmann::json body = nlohmann::json::parse(res.body, nullptr, false);
  if (body.is_object() && body.contains("total") && body["total"].is_number_integer()) {
    return body["total"].get<std::int64_t>();
  }
  return {};
}

}  // namespace

class ServerImpl {
 public:
  ServerImpl(const search::Index& index, ServerOptions options)
      : index_(index), options_(std::move(options)), search_gate_(options_.search_concurrency) {
    const auto threads = static_cast<std::size_t>(std::max(1, options_.threads));
    server_.new_task_queue = [this, threads] {
      return new CountingThreadPool(threads, open_connections_, options_.worker_nice);
    };
    if (options_.rate_limit_per_second > 0) {
      rate_limiter_.emplace(options_.rate_limit_per_second, options_.rate_limit_burst);
    }
    std::random_device random;
    id_prefix_ = random() & 0xffffffU;
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
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return pre_routing(req, res);
    });
    server_.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.method == "GET") res.set_header("Access-Control-Allow-Origin", "*");
      // A worker serves one keep-alive connection until it closes, so while every worker is
      // taken, an accepted connection (an admin ingest, a new client) waits behind clients that
      // keep theirs open. Then each response closes its connection, and the waiting get a turn.
      if (open_connections_.load() > std::max(1, options_.threads)) {
        res.set_header("Connection", "close");
      }
    });
    server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      log_request(req, res);
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
  // Request id, connection limit, rate limit: before any handler (and before a body is read).
  httplib::Server::HandlerResponse pre_routing(const httplib::Request& req,
                                               httplib::Response& res) {
    t_request_start = std::chrono::steady_clock::now();
    res.set_header(kRequestIdHeader, next_request_id());
    if (open_connections_.load() > options_.max_connections) {
      res.set_header("Connection", "close");
      res.set_header("Retry-After", "1");
      send_error(res, Status(StatusCode::kUnavailable, "too many connections; try again soon"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (rate_limiter_) {
      const int wait = rate_limiter_->acquire(req.remote_addr, std::chrono::steady_clock::now());
      if (wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        // The body (if any) is not read: the connection cannot be reused.
        res.set_header("Connection", "close");
        res.status = 429;
        res.set_content(
            R"({"error": {"code": "rate_limited", "message": "too many requests; slow down", "param": null}})",
            kJson);
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  }

  std::string next_request_id() {
    char id[32];
    std::snprintf(id, sizeof id, "%06x-%08llx", id_prefix_,
                  static_cast<unsigned long long>(++request_counter_));
    return id;
  }

  // One JSON line per request: the route pattern, never the path or query (no query text, no
  // ids of people). Also feeds the request metrics.
  void log_request(const httplib::Request& req, const httplib::Response& res) {
    double seconds = 0;
    if (t_request_start) {
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - *t_request_start)
                    .count();
      t_request_start.reset();
    }
    const std::string route = route_pattern(req.path);
    const std::string method = method_label(req.method);
    metrics_.record_request(method, route, res.status, seconds);
    if (!options_.access_log) return;
    std::string id = res.get_header_value(kRequestIdHeader);
    if (id.empty()) id = next_request_id();
    nlohmann::json line = {
        {"time", utc_now_iso()}, {"request_id", id},
        {"method", method},      {"route", route},
        {"status", res.status},  {"duration_ms", std::round(seconds * 1e6) / 1e3}};
    if (auto count = result_count(route, res)) line["results"] = *count;
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (options_.access_log_sink) {
      options_.access_log_sink(text);
    } else {
      std::lock_guard lock(log_mutex_);
      std::cerr << text << '\n';
    }
  }

  void routes() {
    server_.Get("/metrics", [this](const httplib::Request& req, httplib::Response& res) {
      if (reject_any_params(req, res)) return;
      std::optional<search::IndexStats> stats;
      if (auto current = index_.stats(); current.is_ok()) stats = *current;
      res.set_content(metrics_.render(stats, open_connections_.load()),
                      "text/plain; version=0.0.4; charset=utf-8");
    });
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
      request->params = options_.ranking;
      const SearchGate::Pass pass(search_gate_);
      send_result(res, index_.search(*request));
    });
    server_.Post("/v1/search", [this](const httplib::Request& req, httplib::Response& res) {
      if (!req.params.empty()) {
        return send_error(
            res, Status::invalid("parameters go in the JSON body", req.params.begin()->first));
      }
      auto request = parse_search_body(req.body);
      if (!request.is_ok()) return send_error(res, request.status());
      request->params = options_.ranking;
      const SearchGate::Pass pass(search_gate_);
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
    server_.Get(R"(/v1/speakers/([^/]+)/similar)",
                [this](const httplib::Request& req, httplib::Response& res) {
                  const std::string id = req.matches[1];
                  auto request = parse_similar_params(id, params_of(req));
                  if (!request.is_ok()) return send_error(res, request.status());
                  if (!is_valid_id(id)) {
                    return send_error(res, Status::not_found("no speaker with that id"));
                  }
                  const SearchGate::Pass pass(search_gate_);
                  send_result(res, index_.similar(*request));
                });
    server_.Post("/v1/recommend", [this](const httplib::Request& req, httplib::Response& res) {
      if (!req.params.empty()) {
        return send_error(
            res, Status::invalid("parameters go in the JSON body", req.params.begin()->first));
      }
      auto request = parse_recommend_body(req.body);
      if (!request.is_ok()) return send_error(res, request.status());
      const SearchGate::Pass pass(search_gate_);
      send_result(res, index_.recommend(*request));
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
    register_web_routes(server_, index_, options_, search_gate_);
    register_admin_routes(server_, options_, metrics_);
  }

  const search::Index& index_;
  ServerOptions options_;
  SearchGate search_gate_;
  Metrics metrics_;
  std::atomic<std::int64_t> open_connections_{0};
  std::optional<RateLimiter> rate_limiter_;
  unsigned id_prefix_ = 0;
  std::atomic<std::uint64_t> request_counter_{0};
  std::mutex log_mutex_;
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
