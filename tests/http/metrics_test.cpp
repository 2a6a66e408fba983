// SPDX-License-Identifier: Apache-2.0
// GET /metrics and the access log.
#include <map>
#include <mutex>
#include <set>

#include <nlohmann/json.hpp>

#include "support/http_fixture.h"

namespace podium::test {
namespace {

// 2026-11-23T12:32:32.738Z. (Not std::regex: g++ 12 with sanitizers warns falsely inside it.)
bool is_utc_millis_timestamp(const std::string& text) {
  const std::string shape = "dddd-dd-ddTdd:dd:dd.dddZ";
  if (text.size() != shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
  }
  return true;
}

using nlohmann::json;

struct LogLines {
  std::mutex mu;
  std::vector<std::string> lines;
};

class Observability : public HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.access_log = true;
    options.access_log_sink = [log = log_](std::string_view line) {
      std::lock_guard lock(log->mu);
      log->lines.emplace_back(line);
    };
    return options;
  }

  // The log lines, once there are at least `count` (the logger runs after the response is
  // sent, so the last line may lag the reply).
  std::vector<std::string> log_lines(std::size_t count) const {
    for (int i = 0; i < 500; ++i) {
      {
        std::lock_guard lock(log_->mu);
        if (log_->lines.size() >= count) return log_->lines;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::lock_guard lock(log_->mu);
    return log_->lines;
  }

  std::shared_ptr<LogLines> log_ = std::make_shared<LogLines>();
};

// The value of one sample line ("name{labels} value"); -1 when absent.
double sample(const std::string& text, const std::string& series) {
  const std::size_t at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + series.size() + 2));
}

TEST_F(Observability, CountersMoveAfterRequests) {
  const HttpReply first = get("/metrics");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.content_type, "text/plain; version=0.0.4; charset=utf-8");
  const std::string ok =
      R"(podium_http_requests_total{method="GET",route="/v1/search",status="200"})";
  const std::string bad =
      R"(podium_http_requests_total{method="GET",route="/v1/search",status="400"})";
  EXPECT_EQ(sample(first.body, ok), -1);
  EXPECT_EQ(get("/v1/search?q=mlops").status, 200);
  EXPECT_EQ(get("/v1/search?q=kubernetes").status, 200);
  EXPECT_EQ(get("/v1/search?k=0").status, 400);
  EXPECT_EQ(get("/v1/speakers/amara-okafor").status, 200);
  log_lines(5);  // every request above is counted by now
  const std::string text = get("/metrics").body;
  EXPECT_EQ(sample(text, ok), 2) << text;
  EXPECT_EQ(sample(text, bad), 1);
  EXPECT_EQ(
      sample(text,
             R"(podium_http_requests_total{method="GET",route="/v1/speakers/{id}",status="200"})"),
      1);
  EXPECT_EQ(text.find("amara-okafor"), std::string::npos);
  EXPECT_GE(sample(text, "podium_http_request_duration_seconds_count"), 5);
  EXPECT_EQ(sample(text, R"(podium_http_request_duration_seconds_bucket{le="+Inf"})"),
            sample(text, "podium_http_request_duration_seconds_count"));
  EXPECT_NE(text.find("# TYPE podium_http_request_duration_seconds histogram"), std::string::npos);

  const json health = json::parse(get("/healthz").body);
  EXPECT_EQ(sample(text, R"(podium_index_documents{kind="speaker"})"),
            health["documents"]["speakers"].get<double>());
  EXPECT_EQ(sample(text, R"(podium_index_documents{kind="talk"})"),
            health["documents"]["talks"].get<double>());
  EXPECT_GT(sample(text, "podium_index_last_commit_timestamp_seconds"), 1.5e9);
  EXPECT_EQ(sample(text, R"(podium_admin_ingest_records_total{outcome="rejected"})"), 0);
}

TEST_F(Observability, AccessLogHasOneJsonLinePerRequestAndNoQueryText) {
  const std::size_t before = log_lines(0).size();
  ASSERT_EQ(get("/v1/search?q=zanzibarquokka+mlops&country=NG").status, 200);
  ASSERT_EQ(get("/v1/speakers/amara-okafor").status, 200);
  ASSERT_EQ(get("/v1/talks/zanzibarquokka").status, 404);
  ASSERT_EQ(get("/no/such/zanzibarquokka").status, 404);
  const std::vector<std::string> lines = log_lines(before + 4);
  ASSERT_EQ(lines.size(), before + 4);
  // Each request is logged after its response is sent, so the lines may come in any order.
  std::map<std::string, json> by_route;
  for (std::size_t i = before; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    EXPECT_EQ(line.find("zanzibarquokka"), std::string::npos) << line;
    EXPECT_EQ(line.find("amara"), std::string::npos) << line;
    EXPECT_EQ(line.find("NG"), std::string::npos) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    const json entry = json::parse(line, nullptr, false);
    ASSERT_TRUE(entry.is_object()) << line;
    for (const char* key : {"time", "request_id", "method", "route", "status", "duration_ms"}) {
      EXPECT_TRUE(entry.contains(key)) << key << " in " << line;
    }
    EXPECT_TRUE(is_utc_millis_timestamp(entry["time"].get<std::string>())) << line;
    by_route[entry["route"]] = entry;
  }
  ASSERT_EQ(by_route.size(), 4U);
  const json& search = by_route["/v1/search"];
  EXPECT_EQ(search["status"], 200);
  EXPECT_EQ(search["method"], "GET");
  EXPECT_EQ(search["results"], 1);
  EXPECT_EQ(by_route["/v1/speakers/{id}"]["status"], 200);
  EXPECT_EQ(by_route["/v1/talks/{id}"]["status"], 404);
  EXPECT_EQ(by_route["unmatched"]["status"], 404);
  EXPECT_NE(search["request_id"], by_route["/v1/talks/{id}"]["request_id"]);
}

TEST_F(Observability, RecommendationRoutesAreLoggedByPatternWithoutIds) {
  const std::size_t before = log_lines(0).size();
  ASSERT_EQ(get("/v1/speakers/amara-okafor/similar?k=2").status, 200);
  ASSERT_EQ(post("/v1/recommend", R"({"event": "zanzibarquokka mlops", "size": 2})").status, 200);
  const std::vector<std::string> lines = log_lines(before + 2);
  ASSERT_EQ(lines.size(), before + 2);
  std::set<std::string> routes;
  for (std::size_t i = before; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i].find("amara"), std::string::npos) << lines[i];
    EXPECT_EQ(lines[i].find("zanzibarquokka"), std::string::npos) << lines[i];
    routes.insert(json::parse(lines[i])["route"].get<std::string>());
  }
  EXPECT_EQ(routes, (std::set<std::string>{"/v1/speakers/{id}/similar", "/v1/recommend"}));
}

TEST_F(Observability, ResponsesCarryTheRequestIdOfTheLogLine) {
  const HttpReply reply = get("/healthz");
  const std::string id = httplib::detail::get_header_value(reply.headers, "X-Request-Id", 0, "");
  ASSERT_FALSE(id.empty());
  const std::vector<std::string> lines = log_lines(1);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(json::parse(lines.back())["request_id"], id);
}

}  // namespace
}  // namespace podium::test
