# SPDX-License-Identifier: Apache-2.0
# bench/run part "scale": generated corpora of growing size (bench/gen_corpus.py, seeded), each
# indexed by podium-index and measured in process and over HTTP; a gnuplot PNG of the curves.

# index_in_batches FILE DB KEY: podium-index over FILE in batches of --batch-talks talks (the
# speakers with the first), one atomic batch per run, as a large corpus is loaded: one batch
# holds everything in one Xapian transaction, in memory. Sums wall and CPU seconds, keeps the
# largest peak RSS; stops once --build-limit seconds are spent (R[KEY.complete]=no), having
# committed R[KEY.talks_indexed] talks: the batches before the stop stay in the index.
index_in_batches() {
  local file=$1 db=$2 key=$3
  rm -rf "$db" "$file.batch-"*
  awk -v n="$batch_talks" -v base="$file.batch-" '
    /"kind": *"talk"/ { t++ }
    { b = /"kind": *"talk"/ ? int((t - 1) / n) : 0; printf "%s\n", $0 > sprintf("%s%04d.jsonl", base, b) }' "$file"
  local wall=0 cpu=0 rss=0 part indexed=0
  R[$key.complete]=yes
  for part in "$file.batch-"*.jsonl; do
    note "scale: indexing $(basename "$part")"
    timed "$part" build/bin/podium-index --db "$db" --no-progress "$part"
    wall=$(awk -v a="$wall" -v b="$t_wall" 'BEGIN {print a + b}')
    cpu=$(awk -v a="$cpu" -v b="$t_cpu" 'BEGIN {print a + b}')
    [ "$t_rss_kb" -gt "$rss" ] && rss=$t_rss_kb
    indexed=$((indexed + $(grep -c '"kind": *"talk"' "$part" || true)))
    if awk -v w="$wall" -v l="$build_limit" 'BEGIN {exit !(w > l)}'; then
      R[$key.complete]=no
      break
    fi
  done
  rm -f "$file.batch-"*
  R[$key.build]=$wall
  R[$key.talks_indexed]=$indexed
  R[$key.build_cpu]=$cpu
  R[$key.build_rss]=$((rss / 1024))
}

size_to_talks() {  # 10k -> 10000, 1m -> 1000000
  awk -v s="$1" 'BEGIN { n = s + 0; u = tolower(substr(s, length(s)));
    if (u == "k") n *= 1000; else if (u == "m") n *= 1000000; printf "%d", n }'
}

part_scale() {
  source bench/lib/part_http.sh
  source bench/lib/part_inproc.sh
  local sources=("$corpora"/pyvideo-full.jsonl.gz)
  [ -f "${sources[0]}" ] || sources=("$corpus_file")
  echo "## Scaling (generated from $(basename "${sources[0]}"), seed $seed)"
  echo
  echo "| talks | speakers | build s wall / CPU | build peak RSS MB | index MB | in-process p50 / p99 ms" \
    "| HTTP requests/s | HTTP p50 / p99 ms | server peak RSS MB | load avg |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  mkdir -p "$work/gen"
  local tsv=$work/scaling.tsv
  echo -e "talks\tindex_mb\tinproc_p50\tinproc_p99\thttp_p50\thttp_p99\tbuild_s\trss_mb" >"$tsv"
  local size talks file db key speakers
  for size in ${sizes//,/ }; do
    size=${size,,}
    talks=$(size_to_talks "$size")
    file=$work/gen/talks-$talks-seed$seed.jsonl
    if [ $fresh -eq 1 ] || [ ! -f "$file" ]; then
      note "scale: generating $talks talks"
      python3 bench/gen_corpus.py --talks "$talks" --seed "$seed" --out "$file.tmp" "${sources[@]}"
      mv "$file.tmp" "$file"
    fi
    speakers=$(grep -c '"kind": "speaker"' "$file" || true)
    db=$work/gen/podium-$talks
    key=scale-$size
    index_in_batches "$file" "$db" "$key"
    R[$key.index_mb]=$(du -sm "$db" | cut -f1)
    # A size the build limit stopped is still measured, at the talks it holds: what the
    # scaling curve has of it, labelled as such (report.sh does not count it as that size).
    local measured_talks=$talks label=$talks build_cell="${R[$key.build]} / ${R[$key.build_cpu]}"
    if [ "${R[$key.complete]}" = no ]; then
      measured_talks=${R[$key.talks_indexed]}
      label="$measured_talks of $talks (stopped by --build-limit)"
      build_cell="stopped after ${R[$key.build]} / ${R[$key.build_cpu]}"
      if [ "$measured_talks" -eq 0 ]; then
        echo "| $label | $speakers | $build_cell | | | | | | | |"
        scale_keys+=("$size")
        continue
      fi
    fi
    inproc_run "$key.inproc" "$db" >/dev/null
    start_podium "podium-$talks" 18080 "$db"
    wrk_run "$key.http" http://127.0.0.1:18080 >/dev/null
    local pid_var=pid_podium_$talks
    R[$key.rss]=$(peak_rss_mb "${!pid_var}")
    stop_servers
    echo "| $label | $speakers | $build_cell | ${R[$key.build_rss]}" \
      "| ${R[$key.index_mb]} | ${R[$key.inproc.p50]} / ${R[$key.inproc.p99]}" \
      "| ${R[$key.http.rps]} | ${R[$key.http.p50]} / ${R[$key.http.p99]} | ${R[$key.rss]}" \
      "| $(cut -d' ' -f1 /proc/loadavg) |"
    echo -e "$measured_talks\t${R[$key.index_mb]}\t${R[$key.inproc.p50]}\t${R[$key.inproc.p99]}\t${R[$key.http.p50]}\t${R[$key.http.p99]}\t${R[$key.build]}\t${R[$key.rss]}" >>"$tsv"
    scale_keys+=("$size")
  done
  echo
  bench/plot_scaling.gp.sh "$tsv" "$work/scaling.png" >>"$log" 2>&1 &&
    echo "Plot: $work/scaling.png (latency and index size against corpus size)" ||
    echo "Plot: not drawn (gnuplot failed or missing, see $log)"
  echo
}
