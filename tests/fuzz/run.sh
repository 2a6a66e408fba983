#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each one on its seed corpus.
#   tests/fuzz/run.sh                    every target for 20 s (what ./test does)
#   tests/fuzz/run.sh --seconds 600      every target for 10 minutes (by hand, before a release)
#   tests/fuzz/run.sh --seconds 60 query_builder_fuzz
# New inputs go to build-fuzz/fuzz-corpus/<target>/ (the seeds in tests/fuzz/corpus/ are only
# read); a finding is written to build-fuzz/fuzz-findings/<target>/ and fails the run.
# Add an input worth keeping to tests/fuzz/corpus/<target>/ by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=20
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(record_parser_fuzz search_request_fuzz query_builder_fuzz)

build_dir=build-fuzz
echo "== fuzz build ($build_dir, clang)"
CXX=clang++ cmake -S . -B "$build_dir" -DPODIUM_FUZZ=ON -DPODIUM_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target podium-fuzzers

status=0
for target in "${targets[@]}"; do
  seeds="tests/fuzz/corpus/${target%_fuzz}"
  work="$build_dir/fuzz-corpus/$target"
  findings="$build_dir/fuzz-findings/$target"
  mkdir -p "$work" "$findings"
  echo "== fuzz $target for ${seconds}s (seeds: $seeds)"
  if ! "$build_dir/bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
      "$work" "$seeds" 2>"$build_dir/fuzz-$target.log"; then
    echo "FINDING in $target: see $build_dir/fuzz-$target.log and $findings/" >&2
    tail -n 40 "$build_dir/fuzz-$target.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units|^Done' "$build_dir/fuzz-$target.log" || true
  fi
done
exit $status
