#!/usr/bin/env bash
# Compares dechrome's single-thread throughput with resiliparse and trafilatura.
#
# usage: bench/compare.sh DATASET_DIR [--trafilatura-limit N] [--rounds R]
#
# DATASET_DIR is a WCXB-layout directory (html/<id>.html.gz, ground-truth/<id>.json), e.g.
# ../shared/bench/wcxb-dev. Every tool reads the same pages, decompressed into memory before
# timing, and runs on one core (pinned to CPU 0 with taskset when available):
#
#   - dechrome (examples/throughput.rs): decode + html5ever parse into dechrome's DOM, decode +
#     html5ever alone (its reference RcDom), and the full clean
#     (clean_bytes + to_text), over all pages;
#   - resiliparse 2.0.1: lexbor parse only, and extract_plain_text(main_content=True), all pages;
#     dechrome's three phases and resiliparse's two take turns R times (default 3) and each
#     keeps its fastest run;
#   - trafilatura: extract() on an evenly spaced sample of about N pages (default 300; it is
#     slow), with dechrome timed again on the same sample for the ratio.
#
# The table gives wall-time rates and, on Linux, rates per second of the timing thread's on-CPU
# time (from /proc/thread-self/schedstat, for every tool alike) with the time the thread waited
# for a CPU held by other work: on a busy machine the CPU-time rates are the steadier ones.
#
# The Python tools are installed into a virtualenv, target/bench-venv by default
# (DECHROME_BENCH_VENV overrides). Figures depend on the machine and on what else runs on it.
set -euo pipefail

usage() {
    echo "usage: $0 DATASET_DIR [--trafilatura-limit N] [--rounds R]" >&2
    exit 2
}

dataset=""
traf_limit=300
rounds=3
while [ $# -gt 0 ]; do
    case "$1" in
        --trafilatura-limit)
            [ $# -ge 2 ] || usage
            traf_limit=$2
            shift 2
            ;;
        --rounds)
            [ $# -ge 2 ] || usage
            rounds=$2
            shift 2
            ;;
        -h | --help) usage ;;
        -*) usage ;;
        *)
            [ -z "$dataset" ] || usage
            dataset=$1
            shift
            ;;
    esac
done
[ -n "$dataset" ] || usage
case "$traf_limit" in '' | *[!0-9]*) usage ;; esac
case "$rounds" in '' | 0 | *[!0-9]*) usage ;; esac
if [ ! -d "$dataset/html" ] || [ ! -d "$dataset/ground-truth" ]; then
    echo "$dataset: not a WCXB directory (needs html/ and ground-truth/)" >&2
    exit 2
fi
dataset=$(cd "$dataset" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${DECHROME_BENCH_VENV:-$root/target/bench-venv}
py=$venv/bin/python

# Python tools.
if ! "$py" -c 'import importlib.metadata as m, trafilatura; assert m.version("resiliparse") == "2.0.1"' 2>/dev/null; then
    echo "installing resiliparse and trafilatura into $venv" >&2
    python3 -m venv "$venv"
    # trafilatura's justext dependency needs lxml's html cleaner, packaged separately.
    "$venv/bin/pip" install --quiet resiliparse==2.0.1 trafilatura lxml_html_clean
fi

# dechrome.
echo "building dechrome (release)" >&2
(cd "$root" && cargo build --quiet --release --examples)
throughput=$root/target/release/examples/throughput

pin=()
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
    pin=(taskset -c 0)
fi

total=$(find "$dataset/ground-truth" -maxdepth 1 -name '*.json' | wc -l)
every=1
if [ "$traf_limit" -gt 0 ] && [ "$total" -gt "$traf_limit" ]; then
    every=$(((total + traf_limit - 1) / traf_limit))
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pinned to: ${pin[*]:-(no taskset)}; pages: $total in $dataset; trafilatura sample: every ${every}th page"
# dechrome's phases and resiliparse take turns, round after round, and each keeps its fastest
# run: a swing in the machine's speed then touches every tool alike.
for round in $(seq "$rounds"); do
    echo >&2 "round $round of $rounds: timing dechrome, then resiliparse, on all pages"
    "${pin[@]}" "$throughput" "$dataset" --repeat 1 >>"$out/dechrome.json"
    "${pin[@]}" "$py" "$root/bench/time_python.py" time "$dataset" \
        --tool resiliparse-parse --tool resiliparse >>"$out/python.jsonl"
done
if [ "$traf_limit" -gt 0 ]; then
    echo >&2 "timing dechrome and trafilatura on every ${every}th page"
    "${pin[@]}" "$throughput" "$dataset" --every "$every" --only clean >"$out/sample.json"
    "${pin[@]}" "$py" "$root/bench/time_python.py" time "$dataset" \
        --every "$every" --tool trafilatura >>"$out/python.jsonl"
    sample=(--dechrome-sample "$out/sample.json")
else
    sample=()
fi
echo
"$py" "$root/bench/time_python.py" table "$out/python.jsonl" --dechrome "$out/dechrome.json" "${sample[@]}"
echo
echo "versions: dechrome $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $("$py" -c 'import importlib.metadata as m; print(", ".join(p + " " + m.version(p) for p in ("resiliparse", "trafilatura")))')"
