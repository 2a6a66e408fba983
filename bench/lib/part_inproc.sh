# SPDX-License-Identifier: Apache-2.0
# bench/run part "inproc": latency of the full search path in one process, one thread.

# inproc_run KEY DB [--diversity]: sets R[KEY.p50|p99|mean|cpu] (ms) and prints a table row.
inproc_run() {
  local key=$1 db=$2
  shift 2
  local line
  line=$(build/bin/podium-bench-latency --db "$db" --queries "$queries" --passes 1 --warmup 1 "$@")
  local field
  for field in p50 p99 mean cpu_mean; do
    R[$key.$field]=$(sed -n "s/.* ${field}_ms=\([0-9.]*\).*/\1/p" <<<"$line")
  done
  echo "| $key | ${R[$key.p50]} | ${R[$key.p99]} | ${R[$key.mean]} | ${R[$key.cpu_mean]} |"
}

part_inproc() {
  echo "## In-process ($corpus, one thread: parse, search, aggregate, diversify, render JSON)"
  echo
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| path | p50 ms | p99 ms | mean ms | CPU ms/query |"
  echo "|---|---|---|---|---|"
  inproc_run inproc-floor "$eval_dir/floor" --engine floor
  inproc_run inproc-podium "$eval_dir/podium"
  inproc_run inproc-podium-diversity "$eval_dir/podium" --diversity
  echo
}
