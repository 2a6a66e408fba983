// SPDX-License-Identifier: Apache-2.0
// The real HTTP server on a free loopback port over a real index, with a client, for the HTTP
// and privacy tests. Header-only: a test area that includes it links podium_http,
// podium_ingest and PkgConfig::HTTPLIB.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "podium/http/server.h"
#include "podium/search/index.h"

#include "support/index_fixture.h"
#include "support/temp_dir.h"
#include "support/test_util.h"

namespace podium::test {

struct HttpReply {
  int status = 0;  // 0: no answer
  std::string body;
  std::string content_type;
  httplib::Headers headers;
};

class HttpServerFixture : public ::testing::Test {
 protected:
  // The files to index; override to use other data.
  virtual std::vector<std::string> data_files() const { return {testdata("search/corpus.jsonl")}; }
  virtual http::ServerOptions server_options() const {
    http::ServerOptions options;
    options.port = 0;
    options.threads = 4;
    // Tests send bursts of requests and read stderr only on failure; limits_test.cpp and
    // metrics_test.cpp turn these back on.
    options.rate_limit_per_second = 0;
    options.access_log = false;
    return options;
  }

  void SetUp() override {
    ingest_files(db_dir(), data_files());
    auto opened = search::Index::open(db_dir(), {.reopen_interval_ms = 0, .synonyms_path = {}});
    ASSERT_OK(opened);
    index_ = std::move(opened).value();
    server_ = std::make_unique<http::ApiServer>(*index_, server_options());
    auto port = server_->bind();
    ASSERT_OK(port);
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
    for (int i = 0; i < 500 && !server_->is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_TRUE(server_->is_running());
  }

  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  std::string db_dir() const { return dir_.file("index"); }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    c.set_url_encode(false);  // paths are sent exactly as the tests write them
    return c;
  }

  static HttpReply reply_of(const httplib::Result& result) {
    HttpReply reply;
    if (!result) return reply;
    reply.status = result->status;
    reply.body = result->body;
    reply.content_type = result->get_header_value("Content-Type");
    reply.headers = result->headers;
    return reply;
  }

  HttpReply get(const std::string& path) const { return reply_of(client().Get(path)); }
  HttpReply post(const std::string& path, const std::string& body,
                 const std::string& type = "application/json") const {
    return reply_of(client().Post(path, body, type));
  }

  TempDir dir_;
  std::unique_ptr<search::Index> index_;
  std::unique_ptr<http::ApiServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// The reply's body as JSON; a body that is not JSON fails the test (and comes back discarded).
inline nlohmann::json json_body(const HttpReply& reply) {
  nlohmann::json body = nlohmann::json::parse(reply.body, nullptr, false);
  EXPECT_FALSE(body.is_discarded()) << reply.body;
  return body;
}

// An API error as docs/api.md promises it: the status, a JSON body whose error has this code,
// names this param (null when none) and says something in its message.
inline void expect_api_error(const HttpReply& reply, int status, const std::string& code,
                             const nlohmann::json& param) {
  EXPECT_EQ(reply.status, status) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json; charset=utf-8");
  const nlohmann::json body = json_body(reply);
  ASSERT_TRUE(body.contains("error")) << reply.body;
  EXPECT_EQ(body["error"]["code"], code) << reply.body;
  EXPECT_EQ(body["error"]["param"], param) << reply.body;
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << reply.body;
}

}  // namespace podium::test
