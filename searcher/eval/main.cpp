// SPDX-License-Identifier: Apache-2.0
// podium-eval: measure ranking quality. Wiring only; see eval_run.h.
#include <exception>
#include <iostream>

#include "podium/eval/eval_run.h"

int main(int argc, char** argv) try {
  using namespace podium::eval;
  const auto options = parse_eval_options(argc, argv);
  if (!options.is_ok()) {
    std::cerr << "podium-eval: " << options.status().to_string() << "\n\n" << eval_usage();
    return 2;
  }
  if (options->help) {
    std::cout << eval_usage();
    return 0;
  }
  return run_eval(*options, std::cout, std::cerr);
} catch (const std::exception& e) {
  std::cerr << "podium-eval: unexpected error: " << e.what() << "\n";
  return 3;
}
