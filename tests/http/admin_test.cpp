// SPDX-License-Identifier: Apache-2.0
// The admin API end to end: token checks, ingest, strict mode, deletes, one writer at a time.
#include <nlohmann/json.hpp>

#include "podium/ingest/batch_writer.h"

#include "support/http_fixture.h"

namespace podium::test {
namespace {

using nlohmann::json;

constexpr const char* kToken = "s3cret-admin-token";
constexpr const char* kNewSpeaker =
    R"({"kind": "speaker", "id": "nadia-quokka", "name": "Nadia Quokka", "headline": )"
    R"("Zanzibarology researcher", "topics": ["zanzibarology"], "languages": ["en"]})";

class AdminApi : public HttpServerFixture {
 protected:
  http::ServerOptions server_options() const override {
    http::ServerOptions options = HttpServerFixture::server_options();
    options.admin_token = kToken;
    options.db_path = db_dir();
    options.access_log = false;
    return options;
  }

  HttpReply admin(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& token = kToken) const {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    httplib::Client c = client();
    if (method == "DELETE") return reply_of(c.Delete(path.c_str(), headers));
    return reply_of(c.Post(path.c_str(), headers, body, "application/x-ndjson"));
  }
};

TEST_F(AdminApi, MissingOrWrongTokenIsUnauthorizedAndChangesNothing) {
  for (const std::string token : {"", "wrong", "s3cret-admin-tokenX", "s3cret-admin-toke"}) {
    const HttpReply reply = admin("POST", "/v1/admin/ingest", kNewSpeaker, token);
    EXPECT_EQ(reply.status, 401) << token;
    EXPECT_EQ(json_body(reply)["error"]["code"], "unauthorized");
    EXPECT_EQ(admin("DELETE", "/v1/admin/speakers/amara-okafor", "", token).status, 401);
  }
  // A token sent without the Bearer scheme is not accepted either.
  httplib::Headers raw{{"Authorization", kToken}};
  EXPECT_EQ(reply_of(client().Post("/v1/admin/ingest", raw, kNewSpeaker, "text/plain")).status,
            401);
  EXPECT_EQ(get("/v1/speakers/nadia-quokka").status, 404);
  EXPECT_EQ(get("/v1/speakers/amara-okafor").status, 200);
}

TEST_F(AdminApi, IngestThenSearchSeesTheData) {
  const HttpReply reply = admin("POST", "/v1/admin/ingest", std::string(kNewSpeaker) + "\n");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json body = json_body(reply);
  EXPECT_EQ(body["summary"]["added"], 1);
  EXPECT_EQ(body["summary"]["rejected"], 0);
  EXPECT_EQ(body["summary"]["committed"], true);
  EXPECT_EQ(body["errors"], json::array());
  EXPECT_EQ(get("/v1/speakers/nadia-quokka").status, 200);
  const json found = json_body(get("/v1/search?q=zanzibarology"));
  ASSERT_EQ(found["total"], 1) << found.dump();
  EXPECT_EQ(found["results"][0]["id"], "nadia-quokka");

  // The same line again changes nothing.
  const json again = json_body(admin("POST", "/v1/admin/ingest", kNewSpeaker));
  EXPECT_EQ(again["summary"]["unchanged"], 1);

  const std::string metrics = get("/metrics").body;
  EXPECT_NE(metrics.find("podium_admin_ingest_records_total{outcome=\"added\"} 1"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("podium_admin_ingest_batches_total{result=\"committed\"} 2"),
            std::string::npos);
}

TEST_F(AdminApi, RejectedLinesAreReportedByLineAndStrictCommitsNothing) {
  const std::string body =
      std::string(kNewSpeaker) + "\n\n{\"kind\": \"speaker\", \"id\": \"x y\"}\n";
  json strict = json_body(admin("POST", "/v1/admin/ingest?strict=1", body));
  EXPECT_EQ(strict["summary"]["added"], 1);
  EXPECT_EQ(strict["summary"]["rejected"], 1);
  EXPECT_EQ(strict["summary"]["committed"], false);
  ASSERT_EQ(strict["errors"].size(), 1U) << strict.dump();
  EXPECT_EQ(strict["errors"][0]["line"], 3);
  EXPECT_FALSE(strict["errors"][0]["message"].get<std::string>().empty());
  EXPECT_EQ(get("/v1/speakers/nadia-quokka").status, 404);

  json lenient = json_body(admin("POST", "/v1/admin/ingest", body));
  EXPECT_EQ(lenient["summary"]["rejected"], 1);
  EXPECT_EQ(lenient["summary"]["committed"], true);
  EXPECT_EQ(get("/v1/speakers/nadia-quokka").status, 200);

  // A body labelled as a form (curl --data-binary's default) is still JSON Lines.
  httplib::Headers headers{{"Authorization", std::string("Bearer ") + kToken}};
  const HttpReply form = reply_of(
      client().Post("/v1/admin/ingest", headers, kNewSpeaker, "application/x-www-form-urlencoded"));
  EXPECT_EQ(form.status, 200) << form.body;
  EXPECT_EQ(json_body(form)["summary"]["unchanged"], 1);

  EXPECT_EQ(admin("POST", "/v1/admin/ingest?strict=maybe", body).status, 400);
  EXPECT_EQ(admin("POST", "/v1/admin/ingest?dry=1", body).status, 400);
  const json empty = json_body(admin("POST", "/v1/admin/ingest", ""));
  EXPECT_EQ(empty["summary"]["warnings"], 1);
}

TEST_F(AdminApi, DeleteRemovesAndDeletingAgainIsNotFound) {
  ASSERT_EQ(get("/v1/communities").status, 200);
  const HttpReply reply = admin("DELETE", "/v1/admin/speakers/amara-okafor", "");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(json_body(reply)["summary"]["deleted"], 1);
  EXPECT_EQ(get("/v1/speakers/amara-okafor").status, 404);
  EXPECT_EQ(admin("DELETE", "/v1/admin/speakers/amara-okafor", "").status, 404);
  EXPECT_EQ(admin("DELETE", "/v1/admin/communities/berlin-mlops", "").status, 200);
  EXPECT_EQ(admin("DELETE", "/v1/admin/talks/no-such-talk", "").status, 404);
  EXPECT_EQ(admin("DELETE", "/v1/admin/talks/bad%20id", "").status, 404);
  EXPECT_EQ(admin("DELETE", "/v1/admin/widgets/x", "").status, 404);
}

TEST_F(AdminApi, SecondWriterGetsConflict) {
  auto opened = ingest::BatchWriter::open(db_dir(), {}, [](const ingest::Diagnostic&) {});
  ASSERT_OK(opened);
  std::unique_ptr<ingest::BatchWriter> holder = std::move(opened).value();
  HttpReply reply = admin("POST", "/v1/admin/ingest", kNewSpeaker);
  EXPECT_EQ(reply.status, 409) << reply.body;
  EXPECT_EQ(json_body(reply)["error"]["code"], "conflict");
  EXPECT_EQ(admin("DELETE", "/v1/admin/speakers/amara-okafor", "").status, 409);
  holder.reset();  // discards its batch and releases the lock
  reply = admin("POST", "/v1/admin/ingest", kNewSpeaker);
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_NE(get("/metrics").body.find("podium_admin_ingest_batches_total{result=\"conflict\"} 2"),
            std::string::npos);
}

using NoAdminToken = HttpServerFixture;

TEST_F(NoAdminToken, AdminRoutesAreNotFound) {
  EXPECT_EQ(post("/v1/admin/ingest", kNewSpeaker).status, 404);
  httplib::Headers headers{{"Authorization", std::string("Bearer ") + kToken}};
  EXPECT_EQ(reply_of(client().Delete("/v1/admin/speakers/amara-okafor", headers)).status, 404);
  EXPECT_EQ(get("/v1/speakers/amara-okafor").status, 200);
}

}  // namespace
}  // namespace podium::test
