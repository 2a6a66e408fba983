#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Draws bench/run's scaling curves: latency (in-process and HTTP p50/p99, left axis) and index
# size (right axis) against corpus size in talks, both logarithmic.
#   bench/plot_scaling.gp.sh scaling.tsv scaling.png
set -euo pipefail
tsv=${1:?usage: plot_scaling.gp.sh TSV PNG}
png=${2:?usage: plot_scaling.gp.sh TSV PNG}
command -v gnuplot >/dev/null || { echo "gnuplot is not installed (apt-get install gnuplot-nox)" >&2; exit 1; }
gnuplot <<GP
set terminal png size 900,560
set output "$png"
set title "Podium: latency and index size against corpus size"
set key top left
set logscale x
set logscale y
set logscale y2
set xlabel "talks"
set ylabel "latency (ms)"
set y2label "index size (MB)"
set ytics nomirror
set y2tics
set grid
set datafile separator "\t"
plot "$tsv" using 1:3 skip 1 with linespoints title "in-process p50", \
     "$tsv" using 1:4 skip 1 with linespoints title "in-process p99", \
     "$tsv" using 1:5 skip 1 with linespoints title "HTTP p50", \
     "$tsv" using 1:6 skip 1 with linespoints title "HTTP p99", \
     "$tsv" using 1:2 skip 1 axes x1y2 with linespoints dashtype 2 title "index size (MB)"
GP
