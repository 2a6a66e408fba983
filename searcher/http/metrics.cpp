// SPDX-License-Identifier: Apache-2.0
// Prometheus text exposition format:
// https://prometheus.io/docs/instrumenting/exposition_formats/
#include "metrics.h"

#include <ctime>
#include <iomanip>
#include <sstream>

namespace podium::http {
namespace {

struct Prefix {
  std::string_view prefix;
  std::string_view pattern;
};

// Keep in step with the routes of server.cpp, web_routes.cpp and admin_routes.cpp.
constexpr std::string_view kExactRoutes[] = {
    "/",          "/healthz",        "/metrics",         "/openapi.json",
    "/v1/search", "/v1/communities", "/v1/admin/ingest", "/shortlist",
    "/recommend", "/communities",    "/v1/recommend"};
constexpr Prefix kPrefixRoutes[] = {
    {"/v1/speakers/", "/v1/speakers/{id}"},
    {"/v1/talks/", "/v1/talks/{id}"},
    {"/v1/admin/speakers/", "/v1/admin/{kind}/{id}"},
    {"/v1/admin/talks/", "/v1/admin/{kind}/{id}"},
    {"/v1/admin/communities/", "/v1/admin/{kind}/{id}"},
    {"/speakers/", "/speakers/{id}"},
    {"/static/", "/static/{file}"},
};

// "2026-11-23T11:02:41Z" as seconds since the epoch; nullopt when it is not in that form.
std::optional<std::int64_t> parse_utc(const std::string& iso) {
  std::tm tm{};
  std::istringstream in(iso);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return std::nullopt;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace

std::string route_pattern(std::string_view path) {
  for (std::string_view exact : kExactRoutes) {
    if (path == exact) return std::string(exact);
  }
  // Never the id itself: a log line must not name a person.
  if (path.starts_with("/v1/speakers/") && path.ends_with("/similar") &&
      path.size() > std::string_view("/v1/speakers//similar").size()) {
    return "/v1/speakers/{id}/similar";
  }
  for (const auto& [prefix, pattern] : kPrefixRoutes) {
    if (path.size() > prefix.size() && path.starts_with(prefix)) return std::string(pattern);
  }
  return "unmatched";
}

std::string method_label(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
    if (method == known) return std::string(known);
  }
  return "other";
}

void Metrics::record_request(const std::string& method, const std::string& route, int status,
                             double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{method, route, status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++bucket_counts_[i];
      break;
    }
  }
  ++duration_count_;
  duration_sum_ += seconds;
}

void Metrics::record_ingest(const IngestCounts& counts) {
  std::lock_guard lock(mu_);
  ++ingest_batches_[counts.committed ? "committed" : "not_committed"];
  ingest_records_.added += counts.added;
  ingest_records_.replaced += counts.replaced;
  ingest_records_.unchanged += counts.unchanged;
  ingest_records_.deleted += counts.deleted;
  ingest_records_.rejected += counts.rejected;
}

void Metrics::record_ingest_failure(bool conflict) {
  std::lock_guard lock(mu_);
  ++ingest_batches_[conflict ? "conflict" : "failed"];
}

std::string Metrics::render(const std::optional<search::IndexStats>& stats,
                            std::int64_t open_connections) const {
  std::ostringstream out;
  std::lock_guard lock(mu_);
  out << "# HELP podium_http_requests_total HTTP requests by method, route pattern and status.\n"
      << "# TYPE podium_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out << "podium_http_requests_total{method=\"" << method << "\",route=\"" << route
        << "\",status=\"" << status << "\"} " << count << "\n";
  }
  out << "# HELP podium_http_request_duration_seconds Time from routing to response.\n"
      << "# TYPE podium_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += bucket_counts_[i];
    out << "podium_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} "
        << cumulative << "\n";
  }
  out << "podium_http_request_duration_seconds_bucket{le=\"+Inf\"} " << duration_count_ << "\n"
      << "podium_http_request_duration_seconds_sum " << duration_sum_ << "\n"
      << "podium_http_request_duration_seconds_count " << duration_count_ << "\n";
  out << "# HELP podium_http_open_connections Connections accepted and not yet finished.\n"
      << "# TYPE podium_http_open_connections gauge\n"
      << "podium_http_open_connections " << open_connections << "\n";
  out << "# HELP podium_admin_ingest_batches_total Admin ingest requests by result.\n"
      << "# TYPE podium_admin_ingest_batches_total counter\n";
  for (const char* result : {"committed", "not_committed", "conflict", "failed"}) {
    const auto it = ingest_batches_.find(result);
    out << "podium_admin_ingest_batches_total{result=\"" << result << "\"} "
        << (it == ingest_batches_.end() ? 0 : it->second) << "\n";
  }
  out << "# HELP podium_admin_ingest_records_total Records of admin ingests by outcome.\n"
      << "# TYPE podium_admin_ingest_records_total counter\n";
  const std::pair<const char*, std::size_t> outcomes[] = {{"added", ingest_records_.added},
                                                          {"replaced", ingest_records_.replaced},
                                                          {"unchanged", ingest_records_.unchanged},
                                                          {"deleted", ingest_records_.deleted},
                                                          {"rejected", ingest_records_.rejected}};
  for (const auto& [outcome, count] : outcomes) {
    out << "podium_admin_ingest_records_total{outcome=\"" << outcome << "\"} " << count << "\n";
  }
  if (stats) {
    out << "# HELP podium_index_documents Documents in the index by kind.\n"
        << "# TYPE podium_index_documents gauge\n"
        << "podium_index_documents{kind=\"speaker\"} " << stats->speakers << "\n"
        << "podium_index_documents{kind=\"talk\"} " << stats->talks << "\n"
        << "podium_index_documents{kind=\"community\"} " << stats->communities << "\n"
        << "# HELP podium_index_revision Revision of the index the server reads.\n"
        << "# TYPE podium_index_revision gauge\n"
        << "podium_index_revision " << stats->revision << "\n";
    if (auto seconds = parse_utc(stats->last_commit)) {
      out << "# HELP podium_index_last_commit_timestamp_seconds Time of the last commit.\n"
          << "# TYPE podium_index_last_commit_timestamp_seconds gauge\n"
          << "podium_index_last_commit_timestamp_seconds " << *seconds << "\n";
    }
  }
  return out.str();
}

}  // namespace podium::http
