// SPDX-License-Identifier: Apache-2.0
// podium-search: query a Podium index, or serve its HTTP API. Wiring only; see search_cli.h.
#include <csignal>
#include <exception>
#include <iostream>

#include "podium/cli/search_cli.h"

int main(int argc, char** argv) try {
  // Past a file-size limit (ulimit -f) a write fails with EFBIG; by default SIGXFSZ would also
  // kill the process. Ignored, the failed write ends the batch with an error like a full disk,
  // and a server keeps serving the index it has.
  std::signal(SIGXFSZ, SIG_IGN);
  using namespace podium::cli;
  const auto options = parse_search_cli(argc, argv);
  if (!options.is_ok()) {
    std::cerr << "podium-search: " << options.status().to_string() << "\n\n" << search_cli_usage();
    return 2;
  }
  if (options->help) {
    std::cout << search_cli_usage();
    return 0;
  }
  if (options->version) {
    std::cout << "podium-search " PODIUM_VERSION "\n";
    return 0;
  }
  return options->serve ? run_serve(*options, std::cout, std::cerr)
                        : run_query(*options, std::cout, std::cerr);
} catch (const std::exception& e) {
  std::cerr << "podium-search: unexpected error: " << e.what() << "\n";
  return 3;
}
