# SPDX-License-Identifier: Apache-2.0
# Sourced by ./run and ./test: installs the Debian packages Podium needs, and nothing when they
# are all present already (so a second run starts in seconds).

podium_build_packages=(g++ cmake make pkg-config libxapian-dev xapian-tools
  libboost-program-options-dev nlohmann-json3-dev libcpp-httplib-dev zlib1g-dev)
# clang and its runtime (libFuzzer, sanitizers) build the fuzz targets of tests/fuzz.
podium_test_packages=(libgtest-dev clang-format chromium nodejs npm clang libclang-rt-14-dev)

# A package whose program is already on the PATH from elsewhere counts as present: Node.js
# from another repository bundles npm, and Debian's npm package would conflict with it.
podium_command_of() {
  case "$1" in
    nodejs) echo node ;;
    npm) echo npm ;;
    chromium) echo chromium ;;
    clang-format) echo clang-format ;;
    *) echo "" ;;
  esac
}

podium_install_packages() {
  local missing=()
  local package command
  for package in "$@"; do
    command=$(podium_command_of "$package")
    if [ -n "$command" ] && command -v "$command" >/dev/null 2>&1; then
      continue
    fi
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "error: missing packages (${missing[*]}) and not root; install them with apt-get" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
