// SPDX-License-Identifier: Apache-2.0
// A remote shard that is down or stuck: the HTTP API answers 503 with a JSON error within the
// remote timeout (or, with allow_partial=1, the other shards' results marked partial), never
// hangs, and answers fully again once the shard is back, without a restart.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "podium/http/server.h"
#include "podium/search/index.h"

#include "shard_cluster.h"

namespace podium::test {
namespace {

using nlohmann::json;

class ShardOutage : public ::testing::Test {
 protected:
  void SetUp() override {
    ingest_sharded(dir_.file("sharded"), {PODIUM_SOURCE_DIR "/data/sample"}, 3);
    remote_ = std::make_unique<RemoteShards>(dir_.file("sharded"), dir_.path().string());
    search::ShardOptions shards;
    shards.remote_timeout_ms = 1500;  // generous: the machine may be loaded
    auto opened = search::Index::open(remote_->stub_path(),
                                      {.reopen_interval_ms = 0, .synonyms_path = {}}, shards);
    ASSERT_OK(opened);
    index_ = std::move(opened).value();
    http::ServerOptions server_options;
    server_options.port = 0;
    server_options.threads = 2;
    server_options.rate_limit_per_second = 0;
    server_options.access_log = false;
    server_ = std::make_unique<http::ApiServer>(*index_, server_options);
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

  // The reply to GET `path`, as (status, parsed body); status 0 when nothing came back (the
  // client gives up after 30 s, far beyond the 1.5 s shard timeout: a hang fails the test).
  std::pair<int, json> get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    auto result = client.Get(path.c_str());
    if (!result) return {0, json()};
    return {result->status, json::parse(result->body, nullptr, false)};
  }

  static std::size_t results(const json& body) {
    return body.contains("results") ? body["results"].size() : 0;
  }

  TempDir dir_;
  std::unique_ptr<RemoteShards> remote_;
  std::unique_ptr<search::Index> index_;
  std::unique_ptr<http::ApiServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(ShardOutage, HealthAndMetricsWorkOverRemoteShards) {
  auto [health, health_body] = get("/healthz");
  EXPECT_EQ(health, 200) << health_body.dump();
  auto [stats, stats_body] = get("/metrics");
  EXPECT_EQ(stats, 200) << stats_body.dump();
}

TEST_F(ShardOutage, DownShardIs503ThenPartialOnRequestThenRecovers) {
  const std::string query = "/v1/search?q=data&k=50";
  auto [status, full] = get(query);
  ASSERT_EQ(status, 200) << full.dump();
  const std::size_t all = results(full);
  ASSERT_GT(all, 3u);
  EXPECT_FALSE(full.contains("partial"));

  remote_->server(1).stop();
  for (int attempt = 0; attempt < 2; ++attempt) {  // a pooled connection, then a fresh one
    auto [down, error] = get(query);
    EXPECT_EQ(down, 503) << error.dump();
    ASSERT_TRUE(error.contains("error")) << error.dump();
    EXPECT_EQ(error["error"]["code"], "unavailable") << error.dump();
    EXPECT_NE(error["error"]["message"].get<std::string>().find("shard"), std::string::npos)
        << error.dump();
  }

  auto [partial_status, partial] = get(query + "&allow_partial=1");
  ASSERT_EQ(partial_status, 200) << partial.dump();
  EXPECT_EQ(partial["partial"], true);
  EXPECT_EQ(partial["missing_shards"],
            json::array({"127.0.0.1:" + std::to_string(remote_->server(1).port())}));
  EXPECT_GT(results(partial), 0u);
  EXPECT_LT(results(partial), all);

  remote_->server(1).start();  // same port: the stub is unchanged
  auto [back, recovered] = get(query);
  EXPECT_EQ(back, 200) << recovered.dump();
  EXPECT_EQ(results(recovered), all);
  EXPECT_FALSE(recovered.contains("partial"));
}

TEST_F(ShardOutage, StuckShardTimesOutInsteadOfHanging) {
  const std::string query = "/v1/search?q=python&k=50";
  auto [status, full] = get(query);
  ASSERT_EQ(status, 200) << full.dump();

  remote_->server(2).signal_all(SIGSTOP);
  auto [stuck, error] = get(query);
  EXPECT_EQ(stuck, 503) << error.dump();
  auto [partial_status, partial] = get(query + "&allow_partial=1");
  EXPECT_EQ(partial_status, 200) << partial.dump();
  EXPECT_EQ(partial["partial"], true);

  remote_->server(2).signal_all(SIGCONT);
  auto [back, recovered] = get(query);
  EXPECT_EQ(back, 200) << recovered.dump();
  EXPECT_EQ(recovered["results"], full["results"]);
}

}  // namespace
}  // namespace podium::test
