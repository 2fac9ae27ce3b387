#!/usr/bin/env python3
"""Which removal reasons cost the most ground-truth words, for error analysis.

    dechrome clean DATASET/html --out OUT --format json --explain --no-auto-profile -q
    python3 bench/lost_by_reason.py DATASET OUT [--top N] [--pages PREFIX]

DATASET is a WCXB-layout directory (ground-truth/<id>.json with ground_truth.main_content
and _internal.page_type.primary); OUT holds dechrome's JSON output per page (<id>.json, with
the `removed` list that --explain adds).

A removed block counts as *lost* when the ground truth holds its words more often than the
clean text and the blocks removed before it do (so the second copy of a repeated passage
counts as lost only when the ground truth repeats it too), and as *right* otherwise. Words are
lowercased runs of \\w characters, as in `dechrome eval`; blocks of fewer than four words are
left out (too many short labels occur in any text by chance).

Reasons are grouped by detector and cause, with numbers and quoted text masked
("link-density: N of the text is links", "markup: inside <div> named "…""). The report lists,
per reason, the words lost, the words rightly removed, the pages that lost words, and a few
examples. With --pages PREFIX it lists instead, for the reasons whose grouped name starts
with PREFIX, the pages that lost the most words under them.
"""

import argparse
import collections
import json
import os
import re
import sys


def words(text):
    return " ".join(re.findall(r"\w+", text.lower()))


def reason_key(reason):
    cause = re.sub(r'"[^"]*"', '"…"', reason["cause"])
    cause = re.sub(r"\d+(\.\d+)?", "N", cause)
    return f"{reason['detector']}: {cause}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset")
    ap.add_argument("out")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--pages", metavar="PREFIX")
    args = ap.parse_args()

    gt_dir = os.path.join(args.dataset, "ground-truth")
    lost = collections.Counter()
    right = collections.Counter()
    pages = collections.defaultdict(set)
    examples = collections.defaultdict(list)
    per_page = collections.Counter()
    missing = 0
    for name in sorted(os.listdir(gt_dir)):
        if not name.endswith(".json"):
            continue
        page_id = name[: -len(".json")]
        with open(os.path.join(gt_dir, name), encoding="utf-8") as f:
            gt = json.load(f)
        truth = words(gt["ground_truth"].get("main_content") or "")
        kind = gt.get("_internal", {}).get("page_type", {}).get("primary", "?")
        path = os.path.join(args.out, page_id + ".json")
        if not os.path.exists(path):
            missing += 1
            continue
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        kept = words(doc.get("text") or "")
        removed_so_far = collections.Counter()
        for block in doc.get("removed", []):
            text = words(block["text"])
            count = len(text.split())
            if count < 4 or not block.get("reasons"):
                continue
            key = reason_key(block["reasons"][0])
            removed_so_far[text] += 1
            if truth.count(text) >= kept.count(text) + removed_so_far[text]:
                lost[key] += count
                pages[key].add(page_id)
                examples[key].append((page_id, kind, block["text"][:90]))
                if args.pages and key.startswith(args.pages):
                    per_page[(page_id, kind)] += count
            else:
                right[key] += count
    if missing:
        print(f"{missing} pages have no output in {args.out}", file=sys.stderr)
    if args.pages:
        for (page_id, kind), count in per_page.most_common(args.top):
            print(f"{count:6d} words lost  {page_id} {kind}")
        return
    print(f"{'lost':>7} {'right':>8} {'pages':>5}  reason")
    for key, count in lost.most_common(args.top):
        print(f"{count:7d} {right[key]:8d} {len(pages[key]):5d}  {key[:110]}")
        for page_id, kind, text in examples[key][:2]:
            print(f"{'':23}{page_id} {kind}: {text!r}")


if __name__ == "__main__":
    main()
