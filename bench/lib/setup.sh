# SPDX-License-Identifier: Apache-2.0
# bench/run: installing the benchmark's own dependencies, building, and the evaluation set.

# Debian packages the benchmarks need beyond the build's (.ci/deps.sh), and MiniSearch from npm
# (bench/minisearch/package-lock.json) for baseline (c).
bench_install() {
  source .ci/deps.sh
  podium_install_packages "${podium_build_packages[@]}" wrk gnuplot-nox libbenchmark-dev time iproute2 \
    nodejs npm >&2
  if [ ! -d bench/minisearch/node_modules/minisearch ]; then
    (cd bench/minisearch && npm ci --no-audit --no-fund >&2)
  fi
}

bench_build() {
  local targets=(podium-index podium-search podium-eval podium-http-floor podium-floor-index
    podium-floor-server podium-bench-latency)
  has_part micro && targets+=(podium-micro)
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
  # RelWithDebInfo as ./test builds (-O2 -g): what the server ships with.
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j "$(nproc)" --target "${targets[@]}" >>"$log" 2>&1 || {
    echo "bench/run: build failed, see $log" >&2
    exit 1
  }
}

# Seconds (wall and CPU) and peak RSS of a command, from GNU time. Usage: timed OUT cmd...
# Writes OUT.time; sets t_wall, t_cpu (s) and t_rss_kb.
timed() {
  local out=$1
  shift
  local rc=0
  /usr/bin/time -v -o "$out.time" "$@" >"$out.out" 2>&1 || rc=$?
  # podium-index exits 1 when it rejected some lines and indexed the rest: worth a note only.
  if [ $rc -gt 1 ]; then
    echo "bench/run: failed ($rc): $* (see $out.out)" >&2
    tail -5 "$out.out" >&2
    exit 1
  fi
  [ $rc -eq 1 ] && note "exit 1 (some lines rejected): $* (see $out.out)"
  t_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out.time")
  t_cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$out.time")
  t_rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time")
}

# A held-out set of the chosen corpus (podium-eval build-heldout): the corpus minus one talk
# per prolific speaker, and those talks' titles as queries. Every engine indexes index.jsonl.
prepare_eval_set() {
  eval_dir=$work/eval-$corpus
  if [ $fresh -eq 1 ] || [ ! -f "$eval_dir/.done" ]; then
    note "building the held-out set and the three indexes of $corpus_file"
    rm -rf "$eval_dir"
    build/bin/podium-eval build-heldout --out "$eval_dir" "$corpus_file" >>"$log" 2>&1
    build/bin/podium-index --db "$eval_dir/podium" --no-progress "$eval_dir/index.jsonl" \
      >>"$log" 2>&1 || [ $? -eq 1 ]
    build/bin/podium-floor-index --db "$eval_dir/floor" --emit-docs "$eval_dir/docs.jsonl" \
      "$eval_dir/index.jsonl" >>"$log" 2>&1
    touch "$eval_dir/.done"
  fi
  queries=$eval_dir/queries.jsonl
  echo "- query file: $queries ($(wc -l <"$queries") queries, titles of held-out talks)"
}
