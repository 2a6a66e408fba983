# SPDX-License-Identifier: Apache-2.0
# bench/run part "index": podium-index against the engine floor's indexer on every real corpus.

count_records() {  # FILE KIND: records of that kind
  zcat -f "$1" | grep -c "\"kind\": *\"$2\"" || true
}

# index_pair KEY FILE...: indexes FILE... with both indexers into $work/index-KEY/; sets
# R[KEY.*] and prints a table row. Talks per second and bytes per talk, or per record for a
# corpus without talks (community listings).
index_pair() {
  local key=$1
  shift
  local dir=$work/index-$key
  rm -rf "$dir"
  mkdir -p "$dir"
  local records talks unit count
  records=$(zcat -f "$@" | grep -c . || true)
  talks=$(zcat -f "$@" | grep -c '"kind": *"talk"' || true)
  if [ "$talks" -gt 0 ]; then unit=talk; count=$talks; else unit=record; count=$records; fi
  timed "$dir/podium" build/bin/podium-index --db "$dir/podium" --no-progress "$@"
  R[$key.podium.wall]=$t_wall
  R[$key.podium.cpu]=$t_cpu
  R[$key.podium.rss]=$((t_rss_kb / 1024))
  R[$key.podium.bytes]=$(du -sb "$dir/podium" | cut -f1)
  timed "$dir/floor" build/bin/podium-floor-index --db "$dir/floor" "$@"
  R[$key.floor.wall]=$t_wall
  R[$key.floor.cpu]=$t_cpu
  R[$key.floor.rss]=$((t_rss_kb / 1024))
  R[$key.floor.bytes]=$(du -sb "$dir/floor" | cut -f1)
  R[$key.count]=$count
  R[$key.unit]=$unit
  awk -v k="$key" -v n="$count" -v u="$unit" -v pw="${R[$key.podium.wall]}" \
    -v pc="${R[$key.podium.cpu]}" -v pr="${R[$key.podium.rss]}" -v pb="${R[$key.podium.bytes]}" \
    -v fw="${R[$key.floor.wall]}" -v fc="${R[$key.floor.cpu]}" -v fr="${R[$key.floor.rss]}" \
    -v fb="${R[$key.floor.bytes]}" 'BEGIN {
      printf "| %s | %d %ss | %.1f / %.1f | %.0f | %.0f | %d | %.1f / %.1f | %.0f | %.0f | %d | %.2f |\n",
        k, n, u, pw, pc, n / pw, pb / n, pr, fw, fc, n / fw, fb / n, fr, (n / pw) / (n / fw) }'
}

part_index() {
  echo "## Indexing (podium-index against the engine floor's indexer, same files)"
  echo
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| corpus | size | Podium s wall / CPU | per s | bytes each | peak RSS MB" \
    "| floor s wall / CPU | per s | bytes each | peak RSS MB | speed ratio |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  local file name
  for file in "$corpora"/*.jsonl "$corpora"/*.jsonl.gz; do
    [ -f "$file" ] || continue
    name=$(basename "$file")
    name=${name%.gz}
    index_pair "${name%.jsonl}" "$file"
    index_keys+=("${name%.jsonl}")
  done
  echo
  echo "Speed ratio: Podium's rate / the floor's rate (target: >= 1). The floor indexes one" \
    "document per speaker; Podium writes a document per talk and per speaker, with positions."
  echo
}
