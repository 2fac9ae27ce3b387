#!/usr/bin/env python3
"""Runs Python main-text extractors over a WCXB-layout directory and writes their output, one
UTF-8 file per page, for `dechrome eval DATASET --predictions DIR` (see bench/anchors.sh).

usage: extract_python.py DATASET_DIR OUT_DIR --tool NAME [--tool NAME]... [--every K]

Writes OUT_DIR/NAME/<id>.txt for every page id (the sorted stems of ground-truth/*.json, as in
`dechrome eval`). A tool that finds nothing, or fails on a page, gets an empty file; failures are
counted on stderr. Tools, each with its default settings:

  trafilatura   trafilatura.extract(html_bytes, url=url)
  resiliparse   extract_plain_text(HTMLTree.parse_from_bytes(html, detect_encoding(html)),
                main_content=True)
  justext       justext.justext(html_bytes, justext.get_stoplist("English")): the paragraphs not
                classed as boilerplate, one per line
  boilerpipe    boilerpy3's ArticleExtractor (a port of boilerpipe) over the page decoded as
                resiliparse decodes it

Mozilla Readability runs in Node (bench/extract_readability.mjs).
"""

import argparse
import gzip
import json
import logging
import os
import sys


def page_ids(dataset_dir):
    truth_dir = os.path.join(dataset_dir, "ground-truth")
    return sorted(n[: -len(".json")] for n in os.listdir(truth_dir) if n.endswith(".json") and n != ".json")


def load_page(dataset_dir, page_id):
    """Returns (url, html_bytes) of one page."""
    url = None
    try:
        with open(os.path.join(dataset_dir, "ground-truth", page_id + ".json"), "rb") as f:
            url = json.load(f).get("url") or None
    except ValueError:
        pass
    with gzip.open(os.path.join(dataset_dir, "html", page_id + ".html.gz"), "rb") as f:
        return url, f.read()


def decode(html):
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    return bytes_to_str(html, detect_encoding(html))


def make_extractor(name):
    """Returns a function (url, html_bytes) -> str or None."""
    if name == "trafilatura":
        import trafilatura

        return lambda url, html: trafilatura.extract(html, url=url)
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import detect_encoding
        from resiliparse.parse.html import HTMLTree

        return lambda url, html: extract_plain_text(
            HTMLTree.parse_from_bytes(html, detect_encoding(html)), main_content=True
        )
    if name == "justext":
        import justext

        stoplist = justext.get_stoplist("English")

        def run(url, html):
            paragraphs = justext.justext(html, stoplist)
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        return run
    if name == "boilerpipe":
        from boilerpy3 import extractors

        extractor = extractors.ArticleExtractor(raise_on_failure=False)
        return lambda url, html: extractor.get_content(decode(html))
    raise SystemExit(f"unknown tool: {name}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset")
    parser.add_argument("out")
    parser.add_argument("--tool", action="append", required=True)
    parser.add_argument("--every", type=int, default=1)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    ids = page_ids(args.dataset)[:: max(args.every, 1)]
    for name in args.tool:
        extract = make_extractor(name)
        out_dir = os.path.join(args.out, name)
        os.makedirs(out_dir, exist_ok=True)
        failures = 0
        for page_id in ids:
            url, html = load_page(args.dataset, page_id)
            try:
                text = extract(url, html) or ""
            except Exception as error:  # one page must not stop the run
                failures += 1
                print(f"{name}: {page_id}: {type(error).__name__}: {error}", file=sys.stderr)
                text = ""
            path = os.path.join(out_dir, page_id + ".txt")
            with open(path + ".tmp", "w", encoding="utf-8", errors="replace") as f:
                f.write(text)
            os.replace(path + ".tmp", path)
        print(f"{name}: {len(ids)} pages written to {out_dir}, {failures} failed", file=sys.stderr)


if __name__ == "__main__":
    main()
