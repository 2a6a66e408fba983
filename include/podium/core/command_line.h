// SPDX-License-Identifier: Apache-2.0
// The argument parsing every Podium program starts with, so that a bad option is reported the
// same way (exit code 2 and Boost's message) by podium-index, podium-search and podium-eval.
#pragma once

#include <boost/program_options.hpp>

#include "podium/core/status.h"

namespace podium {

// Parses argv against `options`; every argument that is not an option is collected, in order,
// as the std::vector<std::string> value `positional_name`, which `options` must declare.
// An unknown option, a missing or bad value is kInvalidArgument with Boost's message.
Result<boost::program_options::variables_map> parse_command_line(
    int argc, const char* const* argv, const boost::program_options::options_description& options,
    const char* positional_name);

}  // namespace podium
