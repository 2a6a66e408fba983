# SPDX-License-Identifier: Apache-2.0
# Imported targets for every third-party dependency, all from Debian packages.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)

# libxapian-dev's config sets only variables; wrap them in a target.
find_package(xapian REQUIRED)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

# cpp-httplib 0.11.4 is a compiled library whose pkg-config flags define the
# feature macros that change the classes in httplib.h: always take them from here.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

if(PODIUM_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
