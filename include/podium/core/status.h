// SPDX-License-Identifier: Apache-2.0
// Status and Result: how Podium returns expected failures (bad input, missing ids, I/O errors)
// as values that name what went wrong, instead of letting exceptions cross library boundaries.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace podium {

enum class StatusCode {
  kOk,
  kInvalidArgument,  // bad input: a record, a parameter, a query
  kNotFound,         // an id that does not exist
  kConflict,         // another writer holds the lock, or a state clash
  kUnavailable,      // a backend (database, shard) cannot be reached now
  kTooLarge,         // input over a configured size limit
  kIoError,          // file system or database I/O failed
  kInternal,         // a broken invariant or an unexpected library error
};

// Returns a stable lower-case name for `code`, e.g. "invalid_argument".
const char* status_code_name(StatusCode code);

// A success, or a failure with a code, a message and optionally the field it concerns
// (the name of a record field or of a request parameter). Cheap to copy on success.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status invalid(std::string message, std::string field = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(message), std::move(field));
  }
  static Status not_found(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status io_error(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  Status(StatusCode code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // The record field or request parameter at fault; empty when none applies.
  const std::string& field() const { return field_; }

  // "field: message", or just the message when no field is set.
  std::string to_string() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string field_;
};

// A value of type T, or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).is_ok());
  }

  bool is_ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return is_ok() ? kOkStatus : std::get<Status>(data_);
  }
  // REQUIRES: is_ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace podium
