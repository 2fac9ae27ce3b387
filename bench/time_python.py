#!/usr/bin/env python3
"""Single-thread timing of Python main-text extractors, for bench/compare.sh.

Two modes:

  time_python.py time DATASET_DIR [--every K] [--tool resiliparse|resiliparse-parse|trafilatura]...
      Loads the pages of a WCXB-layout directory into memory (ids are the sorted stems of
      ground-truth/*.json, as in `dechrome eval`; each html/<id>.html.gz is decompressed before
      timing), then times each tool over every page on the calling thread and prints one JSON
      object per tool. With --every K only every K-th id is used (the same sample as the
      throughput example's --every K).

      resiliparse        detect_encoding + HTMLTree.parse_from_bytes + extract_plain_text(
                         tree, main_content=True)
      resiliparse-parse  detect_encoding + HTMLTree.parse_from_bytes (lexbor parse only)
      trafilatura        trafilatura.extract(html_bytes, url=url), default settings

      Each record has wall-time rates and, on Linux, rates per second of on-CPU time of the
      timing thread (from /proc/thread-self/schedstat, as dechrome's example measures them)
      with the seconds it waited for a CPU.

  time_python.py table PYTHON.jsonl --dechrome ALL.json [--dechrome-sample SAMPLE.json]
      Reads the JSON lines of the time mode and the output of dechrome's throughput example (on
      all pages, and on trafilatura's sample) and prints the comparison table and ratios.

Sizes are decompressed bytes; MB are 10^6 bytes.
"""

import argparse
import gc
import gzip
import json
import logging
import os
import sys
import time


def load_pages(dataset_dir, every):
    """Returns [(id, url, html_bytes)] for every `every`-th sorted id of the dataset."""
    truth_dir = os.path.join(dataset_dir, "ground-truth")
    ids = sorted(n[: -len(".json")] for n in os.listdir(truth_dir) if n.endswith(".json") and n != ".json")
    pages = []
    for page_id in ids[:: max(every, 1)]:
        with open(os.path.join(truth_dir, page_id + ".json"), "rb") as f:
            try:
                url = json.load(f).get("url") or None
            except ValueError:
                url = None
        with gzip.open(os.path.join(dataset_dir, "html", page_id + ".html.gz"), "rb") as f:
            pages.append((page_id, url, f.read()))
    return pages


def make_resiliparse(main_text):
    """The resiliparse workload: full extraction, or parse only."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(_url, html):
        tree = HTMLTree.parse_from_bytes(html, detect_encoding(html))
        if main_text:
            return extract_plain_text(tree, main_content=True)
        return tree

    return extract


def make_trafilatura():
    """The trafilatura workload: extract() with default settings."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

    def extract(url, html):
        return trafilatura.extract(html, url=url)

    return extract


def version_of(package):
    try:
        from importlib.metadata import version

        return version(package)
    except Exception:  # noqa: BLE001 - a missing version is not worth failing over
        return None


TOOLS = {
    "resiliparse": (lambda: make_resiliparse(True), "resiliparse"),
    "resiliparse-parse": (lambda: make_resiliparse(False), "resiliparse"),
    "trafilatura": (make_trafilatura, "trafilatura"),
}


def thread_schedstat():
    """(on-CPU seconds, run-queue wait seconds) of this thread so far, or None off Linux."""
    try:
        with open("/proc/thread-self/schedstat") as f:
            on_cpu, waiting = f.read().split()[:2]
        return int(on_cpu) / 1e9, int(waiting) / 1e9
    except (OSError, ValueError):
        return None


def rates(record, prefix, seconds, pages, size):
    record[prefix + "pages_per_s"] = pages / seconds if seconds > 0 else 0.0
    record[prefix + "mb_per_s"] = size / 1e6 / seconds if seconds > 0 else 0.0


def time_tool(name, pages):
    """Times tool `name` over `pages`; returns the result record."""
    factory, package = TOOLS[name]
    extract = factory()
    extract(pages[0][1], pages[0][2])  # import-time and first-call work stays out of the timing
    failures = 0
    gc.collect()
    stat_before = thread_schedstat()
    cpu_before = time.thread_time()
    start = time.perf_counter()
    for _page_id, url, html in pages:
        try:
            extract(url, html)
        except Exception:  # noqa: BLE001 - a failing page is counted, not fatal
            failures += 1
    seconds = time.perf_counter() - start
    cpu_seconds = time.thread_time() - cpu_before
    stat_after = thread_schedstat()
    size = sum(len(html) for _, _, html in pages)
    record = {
        "tool": name,
        "version": version_of(package),
        "pages": len(pages),
        "bytes": size,
        "seconds": seconds,
        "failures": failures,
    }
    rates(record, "", seconds, len(pages), size)
    if stat_before and stat_after:
        # The same source as dechrome's throughput example, so that both are measured alike.
        cpu_seconds = stat_after[0] - stat_before[0]
        record["wait_seconds"] = stat_after[1] - stat_before[1]
    record["cpu_seconds"] = cpu_seconds
    rates(record, "cpu_", cpu_seconds, len(pages), size)
    return record


def cmd_time(args):
    pages = load_pages(args.dataset, args.every)
    if not pages:
        sys.exit(f"no pages in {args.dataset}")
    for name in args.tool or ["resiliparse"]:
        print(json.dumps(time_tool(name, pages)), flush=True)


def read_json_lines(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def cmd_table(args):
    # Several rounds may be given (one JSON line per tool and round): each tool's and each
    # phase's fastest run is kept.
    records = {}
    for r in read_json_lines(args.python):
        if r["tool"] not in records or r["seconds"] < records[r["tool"]]["seconds"]:
            records[r["tool"]] = r
    dechrome = read_json_lines(args.dechrome)
    sample = read_json_lines(args.dechrome_sample) if args.dechrome_sample else []
    for rounds, name in ((dechrome, "dechrome"), (sample, "dechrome-sample")):
        for phase, suffix in (("parse", "-parse"), ("rcdom", "-rcdom"), ("clean", "")):
            timed = [r for r in rounds if f"{phase}_seconds" in r]
            if timed:
                record = min(timed, key=lambda r: r[f"{phase}_seconds"])
                records[name + suffix] = {
                    key: record.get(f"{phase}_{key}")
                    for key in ("seconds", "cpu_seconds", "wait_seconds", "pages_per_s", "mb_per_s",
                                "cpu_pages_per_s", "cpu_mb_per_s")
                }
                records[name + suffix]["pages"] = record["pages"]

    def num(value, width, digits):
        return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"

    rows = [
        ("dechrome-parse", "html5ever parse only (decode + Dom::parse)"),
        ("dechrome-rcdom", "html5ever alone (decode + RcDom)"),
        ("dechrome", "dechrome clean (clean_bytes + to_text)"),
        ("resiliparse-parse", "resiliparse parse only (lexbor)"),
        ("resiliparse", "resiliparse extract_plain_text main_content"),
        ("dechrome-sample", "dechrome clean, trafilatura's sample"),
        ("trafilatura", "trafilatura extract, sample"),
    ]
    print(f"{'':<44} {'':>5} {'wall':>7} {'cpu':>7} {'wait':>6} {'pages/s':>8} {'pages/s':>8} {'MB/s':>7} {'MB/s':>7}")
    print(f"{'tool':<44} {'pages':>5} {'s':>7} {'s':>7} {'s':>6} {'wall':>8} {'cpu':>8} {'wall':>7} {'cpu':>7}")
    print("-" * 106)
    for tool, label in rows:
        r = records.get(tool)
        if r is None:
            continue
        print(
            f"{label:<44} {r['pages']:>5} {num(r['seconds'], 7, 2)} {num(r.get('cpu_seconds'), 7, 2)}"
            f" {num(r.get('wait_seconds'), 6, 2)} {num(r['pages_per_s'], 8, 1)}"
            f" {num(r.get('cpu_pages_per_s'), 8, 1)} {num(r['mb_per_s'], 7, 2)} {num(r.get('cpu_mb_per_s'), 7, 2)}"
        )
    print("(cpu: the timing thread's on-CPU time; wait: time it waited for a CPU held by other work)")
    print()
    print(f"{'ratio of pages/s':<58} {'wall':>7} {'cpu':>7}")

    def ratio(label, a, b):
        if a not in records or b not in records:
            return
        ra, rb = records[a], records[b]

        def of(key):
            x, y = ra.get(key), rb.get(key)
            return x / y if x and y else None

        print(f"{label:<58} {num(of('pages_per_s'), 6, 2)}x {num(of('cpu_pages_per_s'), 6, 2)}x")

    ratio("dechrome / resiliparse (all pages)", "dechrome", "resiliparse")
    ratio("dechrome / trafilatura (same sample)", "dechrome-sample", "trafilatura")
    ratio("html5ever parse / resiliparse lexbor parse", "dechrome-parse", "resiliparse-parse")
    print()
    print(f"{'ratio of times (the same pages)':<58} {'wall':>7} {'cpu':>7}")
    # A time ratio is the inverse ratio of pages/s.
    ratio("dechrome clean time / html5ever parse only (Dom::parse)", "dechrome-parse", "dechrome")
    ratio("dechrome clean time / html5ever alone (RcDom)", "dechrome-rcdom", "dechrome")
    d, dp = records.get("dechrome"), records.get("dechrome-parse")
    if d and dp and d["seconds"]:
        share = dp["seconds"] / d["seconds"]
        cpu_share = dp["cpu_seconds"] / d["cpu_seconds"] if dp.get("cpu_seconds") and d.get("cpu_seconds") else None
        cpu_text = f"{cpu_share * 100:>6.1f}%" if cpu_share is not None else f"{'-':>7}"
        print(f"{'html5ever parse (Dom::parse) time / dechrome clean time':<58} {share * 100:>6.1f}% {cpu_text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_time = sub.add_parser("time", help="time Python extractors on a WCXB directory")
    p_time.add_argument("dataset", help="WCXB-layout directory")
    p_time.add_argument("--every", type=int, default=1, help="use every K-th page id (default 1: all)")
    p_time.add_argument("--tool", action="append", choices=sorted(TOOLS), help="tool to time (repeatable)")
    p_time.set_defaults(func=cmd_time)
    p_table = sub.add_parser("table", help="print the comparison table from JSON lines")
    p_table.add_argument("python", help="JSON lines from the time mode")
    p_table.add_argument("--dechrome", required=True, help="throughput example output, all pages (one line per round)")
    p_table.add_argument("--dechrome-sample", help="throughput example output on trafilatura's sample")
    p_table.set_defaults(func=cmd_table)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
