# SPDX-License-Identifier: Apache-2.0
# The warning set every Podium target builds with, and the sanitizer option.
add_library(podium_warnings INTERFACE)
target_compile_options(podium_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
  -Wold-style-cast -Wconversion -Wsign-conversion)
if(PODIUM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PODIUM_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
  endif()
  # Coverage for the fuzzer in every library; the fuzz targets add the libFuzzer main.
  target_compile_options(podium_warnings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(podium_warnings INTERFACE -fsanitize=address,undefined)
endif()
if(PODIUM_SANITIZE)
  target_compile_options(podium_warnings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(podium_warnings INTERFACE -fsanitize=address,undefined)
endif()
