// SPDX-License-Identifier: Apache-2.0
// podium-index: ingest JSON Lines into a Podium index. Wiring only; see ingest_run.h.
#include <exception>
#include <iostream>

#include "podium/ingest/ingest_run.h"

int main(int argc, char** argv) try {
  using namespace podium::ingest;
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
