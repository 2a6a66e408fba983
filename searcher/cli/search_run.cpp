// SPDX-License-Identifier: Apache-2.0
// podium-search query and serve modes.
#include <csignal>
#include <ostream>
#include <thread>

#include <nlohmann/json.hpp>
#include <pthread.h>

#include "podium/cli/search_cli.h"
#include "podium/search/index.h"
#include "podium/search/response_json.h"

namespace podium::cli {
namespace {

// Snippets are HTML (escaped text with <mark> tags); a terminal wants plain text with the
// matched words in [brackets].
std::string snippet_as_text(const std::string& html) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html.compare(i, 6, "<mark>") == 0) {
      out += '[';
      i += 6;
    } else if (html.compare(i, 7, "</mark>") == 0) {
      out += ']';
      i += 7;
    } else if (html[i] == '&') {
      static const std::pair<const char*, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool replaced = false;
      for (const auto& [entity, c] : kEntities) {
        const std::string e = entity;
        if (html.compare(i, e.size(), e) == 0) {
          out += c;
          i += e.size();
          replaced = true;
          break;
        }
      }
      if (!replaced) out += html[i++];
    } else {
      out += html[i++];
    }
  }
  return out;
}

search::ShardOptions shard_options(const SearchCliOptions& options) {
  search::ShardOptions out;
  out.remote_timeout_ms = options.remote_timeout_ms;
  out.spelling_db_path = options.spelling_db;
  return out;
}

}  // namespace

int run_query(const SearchCliOptions& options, std::ostream& out, std::ostream& err) {
  auto index = search::Index::open(options.db_path, {}, shard_options(options));
  if (!index.is_ok()) {
    err << "podium-search: " << index.status().message() << "\n";
    return 3;
  }
  search::SearchRequest request;
  request.query = options.query;
  request.k = options.k;
  auto response = (*index)->search(request);
  if (!response.is_ok()) {
    err << "podium-search: " << response.status().to_string() << "\n";
    return 1;
  }
  if (options.json) {
    out << search::to_json(*response).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
    return 0;
  }
  out << response->total << " speakers match \"" << options.query << "\"";
  if (!response->did_you_mean.empty()) out << " (did you mean: " << response->did_you_mean << "?)";
  out << "\n";
  int rank = 0;
  for (const auto& hit : response->results) {
    out << "\n" << ++rank << ". " << hit.speaker.name;
    if (!hit.speaker.headline.empty()) out << " — " << hit.speaker.headline;
    out << "  [" << hit.speaker.id << ", " << hit.talk_count << " talks]\n";
    if (!hit.evidence.empty()) {
      const auto& e = hit.evidence.front();
      if (e.kind == "talk")
        out << "   talk: " << e.title << (e.date.empty() ? "" : " (" + e.date + ")") << "\n";
      out << "   " << snippet_as_text(e.snippet) << "\n";
    }
  }
  return 0;
}

int run_serve(const SearchCliOptions& options, std::ostream& out, std::ostream& err) {
  // Block the stop signals in every thread; one thread waits for them with sigwait, so no
  // signal handler and no global state are needed.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto index = search::Index::open(options.db_path, {}, shard_options(options));
  if (!index.is_ok()) {
    err << "podium-search: " << index.status().message() << "\n";
    return 3;
  }
  http::ServerOptions server_options = options.server;
  server_options.db_path = options.db_path;  // the admin API writes here
  http::ApiServer server(**index, server_options);
  auto port = server.bind();
  if (!port.is_ok()) {
    err << "podium-search: " << port.status().message() << "\n";
    return 3;
  }
  out << "podium-search: serving " << options.db_path << " on http://" << options.server.host << ":"
      << *port << "/" << std::endl;
  std::thread waiter([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    server.stop();
  });
  server.run();
  // run() may also end on its own (e.g. a socket error): wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  out << "podium-search: stopped" << std::endl;
  return 0;
}

}  // namespace podium::cli
