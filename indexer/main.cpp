// SPDX-License-Identifier: Apache-2.0
// podium-index: ingest JSON Lines into a Podium index, or `podium-index import` other formats.
// Wiring only; see ingest_run.h and import_run.h.
#include <csignal>
#include <exception>
#include <iostream>
#include <string_view>

#include "podium/import/import_run.h"
#include "podium/ingest/ingest_run.h"

int main(int argc, char** argv) try {
  // Past a file-size limit (ulimit -f) a write fails with EFBIG; by default SIGXFSZ would also
  // kill the process. Ignored, the failed write ends the batch with an error like a full disk,
  // and a server keeps serving the index it has.
  std::signal(SIGXFSZ, SIG_IGN);
  using namespace podium::ingest;
  if (argc > 1 && std::string_view(argv[1]) == "import") {
    return podium::import::import_command(argc - 1, argv + 1, std::cout, std::cerr);
  }
  const auto options = parse_index_options(argc, argv);
  if (!options.is_ok()) {
    std::cerr << "podium-index: " << options.status().message() << "\n\n" << index_usage();
    return kExitUsage;
  }
  if (options->help) {
    std::cout << index_usage();
    return kExitOk;
  }
  if (options->version) {
    std::cout << "podium-index " PODIUM_VERSION "\n";
    return kExitOk;
  }
  return run_ingest(*options, std::cout, std::cerr);
} catch (const std::exception& e) {
  std::cerr << "podium-index: unexpected error: " << e.what() << "\n";
  return podium::ingest::kExitIoError;
}
