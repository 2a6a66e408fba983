// SPDX-License-Identifier: Apache-2.0
// Status -> HTTP.
#include "podium/http/http_error.h"

#include <nlohmann/json.hpp>

namespace podium::http {

int http_status_for(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string error_body(const Status& status) {
  nlohmann::json error = {
      {"code", status_code_name(status.code())},
      {"message", status.message()},
      {"param", status.field().empty() ? nlohmann::json(nullptr) : nlohmann::json(status.field())}};
  // Messages may quote user input; replace invalid UTF-8 rather than fail to render.
  return nlohmann::json{{"error", error}}.dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace);
}

std::string error_body_for_http_status(int http_status) {
  switch (http_status) {
    case 400:
      return error_body(Status::invalid("the request could not be read"));
    case 404:
      return error_body(Status::not_found("no such endpoint or resource"));
    case 405:
      return error_body(Status(StatusCode::kInvalidArgument, "method not allowed"));
    case 413:
      return error_body(Status(StatusCode::kTooLarge, "the request body is too large"));
    case 414:
      return error_body(Status(StatusCode::kTooLarge, "the request URI is too long"));
    case 431:
      return error_body(Status(StatusCode::kTooLarge, "the request headers are too large"));
    case 503:
      return error_body(Status(StatusCode::kUnavailable, "the service is unavailable"));
    default:
      return error_body(Status::internal("internal error"));
  }
}

}  // namespace podium::http
