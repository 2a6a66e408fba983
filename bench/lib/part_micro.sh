# SPDX-License-Identifier: Apache-2.0
# bench/run part "micro": the Google Benchmark micro-benchmarks (bench/micro/), the search ones
# over the evaluation index.

part_micro() {
  if [ ! -x build/bin/podium-micro ]; then
    echo "## Micro-benchmarks: not built (Google Benchmark missing: apt-get install libbenchmark-dev)"
    echo
    return
  fi
  local db=${eval_dir:+$eval_dir/podium}
  echo "## Micro-benchmarks (Google Benchmark; search ones over ${db:-no index: skipped})"
  echo
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| benchmark | time | CPU | iterations |"
  echo "|---|---|---|---|"
  PODIUM_BENCH_DB=$db build/bin/podium-micro --benchmark_min_time=0.5 \
    --benchmark_format=csv 2>>"$log" | tee "$work/micro.csv" |
    awk -F, 'NR > 1 && $1 != "" {
      gsub(/"/, "", $1);
      if ($9 != "") { printf "| %s | skipped: %s | | |\n", $1, $10; next }
      printf "| %s | %.3g %s | %.3g %s | %s |\n", $1, $3, $5, $4, $5, $2 }'
  echo
}
