#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Soak: 60 s of wrk (2 threads, 16 connections) on /v1/search while admin ingests of 1,000
# records arrive every 2 s (back to back when one takes longer), on loopback. Passes when no
# request failed or got a 5xx, every ingest answered 200, and the server's RSS between batches
# grew less than 10 % from the 20th to the 60th second (the RSS with a batch in flight, its
# peak and trend are printed too).
#   bench/soak.sh [--corpus FILE.jsonl[.gz]] [--seconds 60] [--interval 2] [--batch 1000]
#                 [--worker-nice N]   (passed to podium-search serve; default 10, as serve)
# The corpus (default ../shared/corpora/pyvideo-5k.jsonl) is indexed into a work directory; the
# ingests re-send 1,000 of its talks at a time with a changed abstract, so every ingest replaces
# documents and rebuilds speakers, as a live update does. Queries are the corpus's talk titles.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpora/pyvideo-5k.jsonl
seconds=60
interval=2
batch=1000
worker_nice=10
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --interval) interval="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --worker-nice) worker_nice="$2"; shift 2 ;;
    *) echo "usage: bench/soak.sh [--corpus FILE] [--seconds N] [--interval S] [--batch N] [--worker-nice N]" >&2
       exit 2 ;;
  esac
done
if [ ! -f "$corpus" ]; then
  echo "soak: corpus $corpus is missing (the shared corpora are not on this machine); nothing was measured" >&2
  exit 1
fi
for tool in wrk curl python3; do
  command -v $tool >/dev/null || { echo "soak: $tool is not installed" >&2; exit 1; }
done
bin=${PODIUM_BIN:-build/bin}
work=${SOAK_WORKDIR:-build/bench-soak}
rm -rf "$work" && mkdir -p "$work/batches"

echo "== index $corpus"
"$bin/podium-index" --db "$work/db" --no-progress "$corpus"

# Batches of talks with a revision mark in the abstract, and the query file for wrk.
python3 - "$corpus" "$work" "$batch" <<'EOF'
import gzip, json, sys
corpus, work, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
opener = gzip.open if corpus.endswith(".gz") else open
talks = []
with opener(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        if record.get("kind") == "talk":
            talks.append(record)
with open(f"{work}/queries.jsonl", "w") as q:
    for i, t in enumerate(talks[:2000]):
        q.write(json.dumps({"qid": str(i), "query": t["title"], "relevant": []}) + "\n")
for n in range(40):
    start = (n * size) % max(1, len(talks) - size)
    with open(f"{work}/batches/{n:02d}.jsonl", "w") as out:
        for t in talks[start:start + size]:
            t = dict(t)
            t["abstract"] = (t.get("abstract") or "") + f" (revision {n})"
            out.write(json.dumps(t) + "\n")
EOF

token=soak-$$-$RANDOM
PODIUM_ADMIN_TOKEN=$token "$bin/podium-search" serve --db "$work/db" --port 0 --threads 16 \
  --max-connections 64 --worker-nice "$worker_nice" --rate-limit 0 --no-access-log --max-body-bytes $((64 << 20)) \
  >"$work/serve.out" 2>"$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true; kill $(jobs -p) 2>/dev/null || true' EXIT
port=
for _ in $(seq 200); do
  port=$(sed -n 's|.*on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || { echo "soak: the server did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }
url=http://127.0.0.1:$port

# RSS once a second, by second since the start of the load.
(for s in $(seq 0 "$seconds"); do
   echo "$s $(awk '/VmRSS/ {print $2}' /proc/$server/status)"
   sleep 1
 done) >"$work/rss.txt" &

# An ingest every `interval` seconds: status code and duration of each.
# After each ingest (its batch freed): the RSS between batches, by second since the start.
(n=0
 start=$SECONDS
 end=$((SECONDS + seconds))
 while [ $SECONDS -lt $end ]; do
   next=$((SECONDS + interval))
   file=$(printf '%s/batches/%02d.jsonl' "$work" $((n % 40)))
   curl -s -o "$work/ingest-$n.json" -w "%{http_code} %{time_total}\n" \
     -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' \
     --data-binary @"$file" "$url/v1/admin/ingest" || echo "000 0"
   echo "$((SECONDS - start)) $(awk '/VmRSS/ {print $2}' /proc/$server/status)" >>"$work/rss-settled.txt"
   n=$((n + 1))
   while [ $SECONDS -lt $next ]; do sleep 0.1; done
 done) >"$work/ingests.txt" &
ingester=$!

echo "== ${seconds}s of wrk -t2 -c16 on /v1/search, ingests of $batch records every ${interval}s"
QUERIES=$work/queries.jsonl wrk -t2 -c16 -d"${seconds}s" --latency -s bench/wrk_queries.lua \
  "$url" >"$work/wrk.txt"
wait $ingester

rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
total=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
socket_errors=$(awk '/Socket errors/ {print}' "$work/wrk.txt")
ingests=$(wc -l <"$work/ingests.txt")
ingests_ok=$(awk '$1 == 200' "$work/ingests.txt" | wc -l)
ingest_median=$(awk '{print $2}' "$work/ingests.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
rss20=$(awk '$1 == 20 {print $2}' "$work/rss.txt")
rss_end=$(awk 'NF == 2 {last=$2} END {print last}' "$work/rss.txt")
growth=$(awk -v a="$rss20" -v b="$rss_end" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')
# RSS swings by a batch's working set while one is in flight, so the two end points alone can
# mislead: the peak in the window and the least-squares trend over it are printed too.
settled_first=$(awk '$1 >= 20 {print $2; exit}' "$work/rss-settled.txt")
settled_last=$(awk 'NF == 2 {last = $2} END {print last}' "$work/rss-settled.txt")
settled_growth=$(awk -v a="$settled_first" -v b="$settled_last" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')
rss_peak=$(awk '$1 >= 20 && NF == 2 && $2 > m {m = $2} END {print m}' "$work/rss.txt")
trend=$(awk '$1 >= 20 && NF == 2 {n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2}
  END {b = (n * sxy - sx * sy) / (n * sxx - sx * sx); a = (sy - b * sx) / n;
       printf "%.1f", b * 40 * 100 / (a + b * 20)}' "$work/rss.txt")

echo "| measure | value |"
echo "|---|---|"
echo "| search requests | $total ($rps/s), p50 $p50, p99 $p99 |"
echo "| failed or non-2xx searches | ${non2xx:-0}${socket_errors:+; $socket_errors} |"
echo "| ingests answered 200 | $ingests_ok of $ingests (median $ingest_median s) |"
echo "| server RSS at 20 s / at end | $rss20 KiB / $rss_end KiB (growth $growth %) |"
echo "| server RSS peak after 20 s; trend over 20-60 s | $rss_peak KiB; $trend % (least squares) |"
echo "| server RSS between batches, first after 20 s / last | $settled_first KiB / $settled_last KiB (growth $settled_growth %) |"
echo "| load average | $(cut -d' ' -f1-3 /proc/loadavg) |"

status=0
[ -z "$non2xx" ] || { echo "soak: FAIL: $non2xx searches answered non-2xx" >&2; status=1; }
[ -z "$socket_errors" ] || { echo "soak: FAIL: $socket_errors" >&2; status=1; }
[ "$ingests_ok" -eq "$ingests" ] || { echo "soak: FAIL: some ingests did not answer 200 (see $work/ingests.txt)" >&2; status=1; }
# Growth is judged between batches: while one is in flight the RSS holds its working set (tens
# of MB for 1,000 talks), which the end points above may or may not catch.
awk -v g="$settled_growth" 'BEGIN {exit !(g < 10)}' ||
  { echo "soak: FAIL: RSS between batches grew $settled_growth %" >&2; status=1; }
[ $status -eq 0 ] && echo "soak: PASS"
exit $status
