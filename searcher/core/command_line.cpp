// SPDX-License-Identifier: Apache-2.0
#include "podium/core/command_line.h"

namespace podium {

namespace po = boost::program_options;

Result<po::variables_map> parse_command_line(int argc, const char* const* argv,
                                             const po::options_description& options,
                                             const char* positional_name) {
  po::positional_options_description positional;
  positional.add(positional_name, -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Status::invalid(e.what());
  }
  return vm;
}

}  // namespace podium
