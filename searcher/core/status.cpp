// SPDX-License-Identifier: Apache-2.0
// Names and text forms of Status values.
#include "podium/core/status.h"

namespace podium {

const char* status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kTooLarge:
      return "too_large";
    case StatusCode::kIoError:
      return "io_error";
    case StatusCode::kInternal:
      return "internal";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  if (field_.empty()) return message_;
  return field_ + ": " + message_;
}

}  // namespace podium
