// SPDX-License-Identifier: Apache-2.0
// Request limits: rate limit, URI length, body size, slow clients, connection limit.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <unistd.h>

#include "support/http_fixture.h"

namespace podium::test {
namespace {

using nlohmann::json;

// A raw TCP connection to the server, for clients that misbehave.
class RawSocket {
 public:
  explicit RawSocket(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 &&
                 ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    timeval timeout{10, 0};
    if (fd_ >= 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawSocket() { close(); }
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Reads until the server closes the connection; false when it is still open after the
  // receive timeout.
  bool wait_for_close() {
    char buffer[4096];
    while (true) {
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
    }
  }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
  bool connected_ = false;
};

class Limits : public HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.access_log = false;
    options.rate_limit_per_second = 0.5;
    options.rate_limit_burst = 5;
    options.max_body_bytes = 4096;
    options.read_timeout_seconds = 1;
    options.threads = 2;
    options.max_connections = 4;
    return options;
  }
};

TEST_F(Limits, RateLimitAnswers429WithRetryAfterAfterTheBurst) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(get("/healthz").status, 200) << i;
  const HttpReply reply = get("/v1/search?q=mlops");
  EXPECT_EQ(reply.status, 429);
  EXPECT_EQ(reply.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(json_body(reply)["error"]["code"], "rate_limited");
  const std::string retry_after =
      httplib::detail::get_header_value(reply.headers, "Retry-After", 0, "");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GE(std::stoi(retry_after), 1);
  // A POST is refused before its body is read.
  EXPECT_EQ(post("/v1/search", R"({"q": "mlops"})").status, 429);
}

TEST_F(Limits, UriOverEightKibIs414) {
  const HttpReply reply = get("/v1/search?q=" + std::string(9000, 'a'));
  EXPECT_EQ(reply.status, 414);
  EXPECT_EQ(json_body(reply)["error"]["code"], "too_large");
}

TEST_F(Limits, BodyOverTheLimitIs413) {
  const HttpReply reply = post("/v1/search", R"({"q": ")" + std::string(5000, 'a') + "\"}");
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(json_body(reply)["error"]["code"], "too_large");
}

TEST_F(Limits, SlowClientsDoNotHoldTheServer) {
  // Two clients (as many as there are workers) send half a request and stall.
  RawSocket first(port_);
  RawSocket second(port_);
  ASSERT_TRUE(first.connected() && second.connected());
  ASSERT_TRUE(first.send("GET /v1/search?q=mlops HTTP/1.1\r\nHost: x\r\n"));
  ASSERT_TRUE(second.send("POST /v1/search HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"q\""));
  // The read timeout frees the workers: a well-behaved client is served.
  EXPECT_EQ(get("/v1/search?q=mlops").status, 200);
  EXPECT_TRUE(first.wait_for_close());
  EXPECT_TRUE(second.wait_for_close());
}

// More workers than allowed connections, so an over-limit request reaches a worker at once.
class ConnectionLimit : public HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.access_log = false;
    options.threads = 4;
    options.max_connections = 2;
    return options;
  }
};

TEST_F(ConnectionLimit, ConnectionsBeyondTheMaximumGet503) {
  std::vector<std::unique_ptr<RawSocket>> idle;
  for (int i = 0; i < 2; ++i) {
    idle.push_back(std::make_unique<RawSocket>(port_));
    ASSERT_TRUE(idle.back()->connected());
  }
  // The server accepts connections in order, so the idle ones count before this one.
  HttpReply reply = get("/healthz");
  EXPECT_EQ(reply.status, 503) << reply.body;
  EXPECT_EQ(json_body(reply)["error"]["code"], "unavailable");
  idle.clear();
  for (int i = 0; i < 200 && reply.status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    reply = get("/healthz");
  }
  EXPECT_EQ(reply.status, 200);
}

}  // namespace
}  // namespace podium::test
