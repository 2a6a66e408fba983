// SPDX-License-Identifier: Apache-2.0
// Admin handlers: authorisation, then one BatchWriter batch per request.
#include "admin_routes.h"

#include <memory>
#include <mutex>
#include <vector>

#include <malloc.h>
#include <nlohmann/json.hpp>

#include "podium/core/record_parser.h"
#include "podium/core/validate.h"
#include "podium/http/http_error.h"
#include "podium/ingest/batch_writer.h"

#include "write_thread.h"

namespace podium::http {
namespace {

// Gives the heap a batch freed back to the system when the handler returns. A batch of 1,000
// talks holds tens of MB (its Xapian transaction, rebuilt speaker documents) in whichever
// worker thread's malloc arena served it; glibc keeps freed arena memory, so without this the
// server's RSS grew by a batch's peak for each worker that ever ran an ingest (bench/soak.sh).
struct ReleaseBatchMemory {
  ReleaseBatchMemory() = default;
  ReleaseBatchMemory(const ReleaseBatchMemory&) = delete;
  ReleaseBatchMemory& operator=(const ReleaseBatchMemory&) = delete;
  ~ReleaseBatchMemory() { malloc_trim(0); }
};

using nlohmann::json;

constexpr const char* kJson = "application/json; charset=utf-8";
// The "file" of every diagnostic about a request body.
constexpr const char* kBodySource = "request";

void send_json(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), kJson);
}

void send_error(httplib::Response& res, const Status& status) {
  res.status = http_status_for(status.code());
  res.set_content(error_body(status), kJson);
}

json diagnostic_json(const ingest::Diagnostic& d) {
  return {{"line", d.where.line},
          {"field", d.field.empty() ? json(nullptr) : json(d.field)},
          {"message", d.message}};
}

json summary_json(const ingest::BatchSummary& s) {
  return {{"added", s.added},        {"replaced", s.replaced}, {"unchanged", s.unchanged},
          {"deleted", s.deleted},    {"rejected", s.rejected}, {"warnings", s.warnings},
          {"committed", s.committed}};
}

IngestCounts counts_of(const ingest::BatchSummary& s) {
  return {s.added, s.replaced, s.unchanged, s.deleted, s.rejected, s.committed};
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// State shared by the admin handlers; lives as long as the routes (captured by shared_ptr).
struct AdminState {
  std::string db_path;
  std::string token;
  Metrics* metrics = nullptr;
  // In-process writers queue on nothing: a second one is refused at once, as a second
  // process is by Xapian's lock (BatchWriter::open's kConflict).
  std::mutex writer;
  // Where the write itself runs, at the priority search workers give up (write_thread.h).
  WriteThread writes;
};

// False (and the 401 written) unless the request carries the token.
bool authorize(const AdminState& state, const httplib::Request& req, httplib::Response& res) {
  constexpr std::string_view kBearer = "Bearer ";
  const std::string header = req.get_header_value("Authorization");
  if (header.size() > kBearer.size() && std::string_view(header).starts_with(kBearer) &&
      constant_time_equal(std::string_view(header).substr(kBearer.size()), state.token)) {
    return true;
  }
  res.set_header("WWW-Authenticate", "Bearer");
  const json error = {{"code", "unauthorized"},
                      {"message", "a valid admin token is required (Authorization: Bearer ...)"},
                      {"param", nullptr}};
  send_json(res, {{"error", error}}, 401);
  return false;
}

// A batch that could not be written (full disk, file-size limit, I/O error): 503, since the
// server still answers searches from the previous index and the same request can be sent again
// once the storage is fixed.
Status not_committed(const Status& failure) {
  return Status(StatusCode::kUnavailable, "the index could not be written (" + failure.message() +
                                              "); nothing was committed");
}

// A writer for one request, or the error already sent.
std::unique_ptr<ingest::BatchWriter> open_writer(AdminState& state, bool strict,
                                                 std::vector<ingest::Diagnostic>& diagnostics,
                                                 httplib::Response& res) {
  if (state.db_path.empty()) {
    send_error(res, Status(StatusCode::kUnavailable, "the server has no database path to write"));
    return nullptr;
  }
  auto writer = ingest::BatchWriter::open(
      state.db_path, {.strict = strict, .dry_run = false},
      [&diagnostics](const ingest::Diagnostic& d) { diagnostics.push_back(d); });
  if (!writer.is_ok()) {
    state.metrics->record_ingest_failure(writer.status().code() == StatusCode::kConflict);
    send_error(res, writer.status());
    return nullptr;
  }
  return std::move(writer).value();
}

void ingest_body(AdminState& state, std::string_view body, bool strict, httplib::Response& res);

void post_ingest(AdminState& state, const httplib::Request& req, httplib::Response& res) {
  if (!authorize(state, req, res)) return;
  // Parameters from the URL only: httplib also puts a form-encoded body into req.params, and
  // `curl --data-binary` sends JSON Lines labelled as a form.
  httplib::Params query;
  if (const auto mark = req.target.find('?'); mark != std::string::npos) {
    httplib::detail::parse_query_text(req.target.substr(mark + 1), query);
  }
  bool strict = false;
  for (const auto& [name, value] : query) {
    if (name != "strict") return send_error(res, Status::invalid("unknown parameter", name));
    if (value == "1" || value == "true") {
      strict = true;
    } else if (value != "0" && value != "false") {
      return send_error(res, Status::invalid("must be 1, 0, true or false", "strict"));
    }
  }
  std::unique_lock lock(state.writer, std::try_to_lock);
  if (!lock.owns_lock()) {
    state.metrics->record_ingest_failure(true);
    return send_error(res, Status(StatusCode::kConflict, "another ingest is running"));
  }
  state.writes.run([&] { ingest_body(state, req.body, strict, res); });
}

// The batch of POST /v1/admin/ingest, on the write thread.
void ingest_body(AdminState& state, std::string_view body, bool strict, httplib::Response& res) {
  const ReleaseBatchMemory release_when_done;  // declared first: runs after the writer is gone
  std::vector<ingest::Diagnostic> diagnostics;
  auto writer = open_writer(state, strict, diagnostics, res);
  if (!writer) return;

  std::size_t line_number = 0;
  bool any_record = false;
  while (!body.empty()) {
    const std::size_t end = body.find('\n');
    const std::string_view line = body.substr(0, end);
    body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
    ++line_number;
    if (is_blank(line)) continue;
    any_record = true;
    const ingest::SourceRef where{kBodySource, line_number};
    Result<ParsedRecord> parsed = parse_record(line);
    if (!parsed.is_ok()) {
      writer->reject(where, parsed.status());
    } else if (Status added = writer->add(*parsed, where); !added.is_ok()) {
      state.metrics->record_ingest_failure(false);
      return send_error(res, not_committed(added));
    }
  }
  if (!any_record) writer->warn(ingest::SourceRef{kBodySource, 0}, "the body has no records");
  Result<ingest::BatchSummary> summary = writer->finish();
  if (!summary.is_ok()) {
    state.metrics->record_ingest_failure(false);
    return send_error(res, not_committed(summary.status()));
  }
  state.metrics->record_ingest(counts_of(*summary));
  json errors = json::array();
  json warnings = json::array();
  for (const auto& d : diagnostics) (d.is_error ? errors : warnings).push_back(diagnostic_json(d));
  send_json(res, {{"summary", summary_json(*summary)}, {"errors", errors}, {"warnings", warnings}});
}

void delete_on_write_thread(AdminState& state, RecordKind kind, const std::string& id,
                            const std::string& not_found, httplib::Response& res);

void delete_record(AdminState& state, const httplib::Request& req, httplib::Response& res) {
  if (!authorize(state, req, res)) return;
  if (!req.params.empty()) {
    return send_error(res, Status::invalid("unknown parameter", req.params.begin()->first));
  }
  const std::string collection = req.matches[1];
  const std::string id = req.matches[2];
  const RecordKind kind = collection == "speakers" ? RecordKind::kSpeaker
                          : collection == "talks"  ? RecordKind::kTalk
                                                   : RecordKind::kCommunity;
  const std::string not_found = std::string("no ") + record_kind_name(kind) + " with that id";
  if (!is_valid_id(id)) return send_error(res, Status::not_found(not_found));
  std::unique_lock lock(state.writer, std::try_to_lock);
  if (!lock.owns_lock()) {
    state.metrics->record_ingest_failure(true);
    return send_error(res, Status(StatusCode::kConflict, "another ingest is running"));
  }
  state.writes.run([&] { delete_on_write_thread(state, kind, id, not_found, res); });
}

// The deletion of DELETE /v1/admin/{kind}/{id}, on the write thread.
void delete_on_write_thread(AdminState& state, RecordKind kind, const std::string& id,
                            const std::string& not_found, httplib::Response& res) {
  std::vector<ingest::Diagnostic> diagnostics;
  auto writer = open_writer(state, false, diagnostics, res);
  if (!writer) return;
  ParsedRecord deletion{Deletion{kind, id}, {}};
  if (Status added = writer->add(deletion, {kBodySource, 0}); !added.is_ok()) {
    state.metrics->record_ingest_failure(false);
    return send_error(res, not_committed(added));
  }
  Result<ingest::BatchSummary> summary = writer->finish();
  if (!summary.is_ok()) {
    state.metrics->record_ingest_failure(false);
    return send_error(res, not_committed(summary.status()));
  }
  state.metrics->record_ingest(counts_of(*summary));
  if (summary->deleted == 0) return send_error(res, Status::not_found(not_found));
  json warnings = json::array();
  for (const auto& d : diagnostics) warnings.push_back(diagnostic_json(d));
  send_json(res, {{"deleted", {{"kind", record_kind_name(kind)}, {"id", id}}},
                  {"summary", summary_json(*summary)},
                  {"warnings", warnings}});
}

}  // namespace

bool constant_time_equal(std::string_view given, std::string_view expected) {
  // Every byte of `expected` is compared whatever `given` holds; no early exit.
  unsigned diff = given.size() == expected.size() ? 0U : 1U;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const char g = i < given.size() ? given[i] : '\0';
    diff |= static_cast<unsigned>(static_cast<unsigned char>(g) ^
                                  static_cast<unsigned char>(expected[i]));
  }
  return diff == 0;
}

void register_admin_routes(httplib::Server& server, const ServerOptions& options,
                           Metrics& metrics) {
  if (options.admin_token.empty()) return;
  auto state = std::make_shared<AdminState>();
  state->db_path = options.db_path;
  state->token = options.admin_token;
  state->metrics = &metrics;
  server.Post("/v1/admin/ingest", [state](const httplib::Request& req, httplib::Response& res) {
    post_ingest(*state, req, res);
  });
  server.Delete(R"(/v1/admin/(speakers|talks|communities)/([^/]+))",
                [state](const httplib::Request& req, httplib::Response& res) {
                  delete_record(*state, req, res);
                });
}

}  // namespace podium::http
