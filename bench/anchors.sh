#!/usr/bin/env bash
# Scores dechrome and the extractors it measures itself against on one benchmark, with one
# metric: `dechrome eval`'s (WCXB word F1 and snippet rates).
#
# usage: bench/anchors.sh DATASET_DIR [OUT_DIR]
#
# DATASET_DIR is a WCXB-layout directory (html/<id>.html.gz, ground-truth/<id>.json), e.g.
# ../shared/bench/wcxb-dev. Each anchor writes its text for every page into OUT_DIR/<tool>/
# (default: target/anchors), with its default settings:
#
#   - trafilatura, resiliparse (main_content=True), jusText (English stoplist) and boilerpipe
#     (boilerpy3's ArticleExtractor), by bench/extract_python.py in a virtualenv
#     (target/bench-venv; DECHROME_BENCH_VENV overrides);
#   - Mozilla Readability (@mozilla/readability over jsdom), by bench/extract_readability.mjs in
#     target/bench-node (needs Node.js and npm);
#   - rs-trafilatura 0.2.2 (the Rust port of trafilatura with page-type profiles, whose output
#     drafted part of WCXB's ground truth), by the small crate in bench/rs-trafilatura, built
#     into target/bench-rs-trafilatura;
#
# then `dechrome eval DATASET_DIR --predictions OUT_DIR/<tool>` scores each, and dechrome itself
# is scored as printed and with `--without-title` (the anchors print no title heading). Prints
# one table: per tool, overall F1 and F1 per page type, `with` found and `without` leaked.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
    echo "usage: $0 DATASET_DIR [OUT_DIR]" >&2
    exit 2
fi
dataset=$1
if [ ! -d "$dataset/html" ] || [ ! -d "$dataset/ground-truth" ]; then
    echo "$dataset: not a WCXB directory (needs html/ and ground-truth/)" >&2
    exit 2
fi
dataset=$(cd "$dataset" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/target/anchors}
mkdir -p "$out"
out=$(cd "$out" && pwd)
venv=${DECHROME_BENCH_VENV:-$root/target/bench-venv}
py=$venv/bin/python
node_dir=$root/target/bench-node

if ! "$py" -c 'import trafilatura, resiliparse, justext, boilerpy3' 2>/dev/null; then
    echo "installing the Python extractors into $venv" >&2
    python3 -m venv "$venv"
    # trafilatura's justext dependency needs lxml's html cleaner, packaged separately.
    "$venv/bin/pip" install --quiet resiliparse==2.0.1 trafilatura lxml_html_clean justext boilerpy3
fi
if [ ! -d "$node_dir/node_modules/@mozilla/readability" ] || [ ! -d "$node_dir/node_modules/jsdom" ]; then
    echo "installing @mozilla/readability and jsdom into $node_dir" >&2
    mkdir -p "$node_dir"
    (cd "$node_dir" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --silent @mozilla/readability jsdom)
fi
# Node resolves the script's imports from the script's own directory.
cp "$root/bench/extract_readability.mjs" "$node_dir/"

echo "building dechrome (release)" >&2
(cd "$root" && cargo build --quiet --release)
dechrome=$root/target/release/dechrome

tools=(trafilatura resiliparse justext boilerpipe)
for tool in "${tools[@]}"; do
    echo "extracting with $tool" >&2
    "$py" "$root/bench/extract_python.py" "$dataset" "$out" --tool "$tool"
done
echo "extracting with readability" >&2
pages=$(find "$dataset/ground-truth" -maxdepth 1 -name '*.json' | wc -l)
for ((from = 0; from < pages; from += 250)); do
    node "$node_dir/extract_readability.mjs" "$dataset" "$out" --from "$from" --count 250
done
echo "extracting with rs-trafilatura" >&2
CARGO_TARGET_DIR=$root/target/bench-rs-trafilatura cargo build --quiet --release \
    --manifest-path "$root/bench/rs-trafilatura/Cargo.toml"
"$root/target/bench-rs-trafilatura/release/extract-rs-trafilatura" "$dataset" "$out"

echo "scoring" >&2
"$dechrome" eval "$dataset" --json >"$out/dechrome.json"
"$dechrome" eval "$dataset" --json --without-title >"$out/dechrome-without-title.json"
for tool in "${tools[@]}" readability rs-trafilatura; do
    "$dechrome" eval "$dataset" --json --predictions "$out/$tool" >"$out/$tool.json"
done

"$py" - "$out" dechrome dechrome-without-title rs-trafilatura "${tools[@]}" readability <<'EOF'
import json, os, sys
out, names = sys.argv[1], sys.argv[2:]
reports = {n: json.load(open(os.path.join(out, n + ".json"))) for n in names}
types = sorted(reports[names[0]]["by_type"])
print("| tool | overall F1 | " + " | ".join(types) + " | `with` found | `without` leaked |")
print("|---|---|" + "---|" * len(types) + "---|---|")
for n in names:
    r = reports[n]
    cells = [f"{r['overall']['f1']:.3f}"] + [f"{r['by_type'][t]['f1']:.3f}" for t in types]
    cells += [f"{100 * r['overall']['with_found_rate']:.1f}%", f"{100 * r['overall']['without_leaked_rate']:.1f}%"]
    print(f"| {n} | " + " | ".join(cells) + " |")
EOF
echo
echo "versions: dechrome $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $("$py" -c 'import importlib.metadata as m; print(", ".join(p + " " + m.version(p) for p in ("trafilatura", "resiliparse", "jusText", "boilerpy3")))'), @mozilla/readability $(node -p "require('$node_dir/node_modules/@mozilla/readability/package.json').version"), jsdom $(node -p "require('$node_dir/node_modules/jsdom/package.json').version"), rs-trafilatura 0.2.2"
