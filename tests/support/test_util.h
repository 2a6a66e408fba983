// SPDX-License-Identifier: Apache-2.0
// Shared test helpers: ASSERT_OK / EXPECT_OK for Status and Result values, small file helpers,
// and running a child process with its output captured (for the CLI tests). No system().
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <sys/types.h>

#include "podium/core/status.h"

namespace podium::test {

inline const Status& status_of(const Status& status) { return status; }
template <typename T>
const Status& status_of(const Result<T>& result) {
  return result.status();
}

// Success, or a failure that shows the expression, the status code and the full message.
inline ::testing::AssertionResult check_ok(const char* expression, const Status& status) {
  if (status.is_ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << expression << " is " << status_code_name(status.code()) << ": " << status.to_string();
}

}  // namespace podium::test

// ASSERT_OK(status_or_result): fails (fatally) and prints the status message when not ok.
#define ASSERT_OK(expression) \
  ASSERT_TRUE(::podium::test::check_ok(#expression, ::podium::test::status_of(expression)))
#define EXPECT_OK(expression) \
  EXPECT_TRUE(::podium::test::check_ok(#expression, ::podium::test::status_of(expression)))

namespace podium::test {

// The absolute path of a file under tests/testdata/.
std::string testdata(std::string_view relative);
// The absolute path of a built program, e.g. bin_path("podium-index").
std::string bin_path(std::string_view program);

// Writes `bytes` to `path` exactly (binary, truncating). Fails the test on error.
void write_file(const std::string& path, std::string_view bytes);
// Writes `bytes` gzip-compressed to `path`. Fails the test on error.
void write_gzip_file(const std::string& path, std::string_view bytes);
// The whole content of `path`; fails the test and returns "" on error.
std::string read_file(const std::string& path);
// Splits text into lines at '\n' (a final line without '\n' counts; no empty tail).
std::vector<std::string> split_lines(std::string_view text);

struct ProcessResult {
  int exit_code = -1;  // the exit status, or -1 when the process died from a signal
  int signal = 0;      // the signal that ended it, or 0
  bool timed_out = false;
  std::string out;  // everything written to stdout
  std::string err;  // everything written to stderr
};

// Runs argv[0] (a path; no PATH search) with arguments argv[1..], stdin from /dev/null, and
// returns its exit code and output. After `timeout` the process is killed with SIGKILL and
// timed_out is set. Uses fork/exec; never a shell.
ProcessResult run_process(const std::vector<std::string>& argv,
                          std::chrono::milliseconds timeout = std::chrono::minutes(5));

// A child process started in the background, for tests that signal it. stdout and stderr go to
// the files given (so a full pipe never blocks the child). The destructor kills (SIGKILL) and
// reaps the process if it is still running.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::string& stdout_path,
               const std::string& stderr_path);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // Sends `signal` to the child (only to it, by pid).
  void kill(int signal);
  // Waits for the child to end (once; later calls return the same) and returns the raw wait
  // status (see WIFEXITED etc.).
  int wait();

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

}  // namespace podium::test
