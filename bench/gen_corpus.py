#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Grows a synthetic corpus of N talks in the ingest format from real ones, for scaling runs.

Deterministic: the same inputs, size and seed give the same bytes. Each generated talk copies a
real talk's shape (event, date, language, tag count, title and abstract length) and resamples
its words: every word is kept with probability KEEP, else replaced by a word drawn from the
corpus' own word occurrences, so the vocabulary keeps its real (Zipf) frequencies and grows only
as far as the real one. Speakers are new ids with resampled first and last names and bios; each
talk gets one speaker (sometimes two) drawn in proportion to a weight copied from a real
speaker's talk count, so talks per speaker follow the real distribution at every size. Real ids never appear, so nothing here is about a real person.

  bench/gen_corpus.py --talks 10000 --seed 1 --out gen.jsonl CORPUS.jsonl[.gz]...
"""
import argparse
import bisect
import collections
import gzip
import json
import random
import re
import sys

KEEP = 0.5
WORD = re.compile(r"\S+")


def read_records(paths):
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    yield json.loads(line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("corpora", nargs="+")
    args = parser.parse_args()

    talks, names, bios, affiliations, words = [], [], [], [], []
    talks_of = collections.Counter()
    for record in read_records(args.corpora):
        kind = record.get("kind")
        if kind == "talk":
            talks.append(record)
            talks_of.update(record.get("speakers", []))
            words.extend(WORD.findall(record.get("title", "")))
            words.extend(WORD.findall(record.get("abstract", "")))
        elif kind == "speaker":
            names.append(record.get("name", "").split())
            if record.get("bio"):
                bios.append(record["bio"])
            if record.get("affiliation"):
                affiliations.append(record["affiliation"])
    if not talks or not words:
        sys.exit("gen_corpus.py: no talks in " + " ".join(args.corpora))
    firsts = [n[0] for n in names if len(n) > 1] or ["Alex"]
    lasts = [n[-1] for n in names if len(n) > 1] or ["Smith"]

    rng = random.Random(args.seed)

    def resample(text):
        return " ".join(w if rng.random() < KEEP else rng.choice(words)
                        for w in WORD.findall(text))

    # As many speakers per talk as the real corpora have (about 0.66 at pyvideo's scale).
    speaker_count = max(1, int(args.talks * len(names) / len(talks)))
    real_counts = sorted(talks_of.values()) or [1]
    cumulative, total = [], 0
    for _ in range(speaker_count):
        total += rng.choice(real_counts)
        cumulative.append(total)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(speaker_count):
            speaker = {"kind": "speaker", "id": f"gen-{i:07d}",
                       "name": f"{rng.choice(firsts)} {rng.choice(lasts)}"}
            if bios and rng.random() < 0.3:
                speaker["bio"] = resample(rng.choice(bios))[:2000]
            if affiliations and rng.random() < 0.3:
                speaker["affiliation"] = rng.choice(affiliations)
            out.write(json.dumps(speaker) + "\n")
        for i in range(args.talks):
            base = rng.choice(talks)
            talk = {"kind": "talk", "id": f"gen:{i:08d}",
                    "title": resample(base.get("title", "talk")) or "talk"}
            if base.get("abstract"):
                talk["abstract"] = resample(base["abstract"])
            picks = 2 if rng.random() < 0.15 else 1
            ids = set()
            while len(ids) < picks:
                index = bisect.bisect_right(cumulative, rng.randrange(total))
                ids.add(f"gen-{index:07d}")
            talk["speakers"] = sorted(ids)
            for field in ("event", "date", "language", "tags", "video"):
                if field in base:
                    talk[field] = base[field]
            out.write(json.dumps(talk) + "\n")


if __name__ == "__main__":
    main()
