#!/usr/bin/env python3
"""Writes N synthetic pages of one site into a directory, for memory measurements of the
learning pass (`dechrome clean DIR --out OUT`): every page has the same menu, tagline,
partner note and footer (template), a section menu on a third of the pages, and ~30
paragraphs of words drawn at random (unique lines). Deterministic for a given N and seed.

    python3 bench/synthetic_site.py /tmp/synth-10k 10000
"""
import os
import random
import sys

WORDS = (
    "river town council market school bridge harvest winter summer report mayor budget "
    "library garden station festival railway museum road farmers teachers students "
    "weather storm flood drought election vote meeting plan housing park trail hospital "
    "clinic doctor nurse museum artist concert theatre league match season coach player"
).split()


def page(rng, i):
    title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
    paragraphs = []
    for _ in range(rng.randint(20, 40)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
        paragraphs.append("<p>" + " ".join(words).capitalize() + f" ({i}).</p>")
    section = (
        '<ul class="section"><li><a href="/a">Local sport</a></li>'
        '<li><a href="/b">Results and tables</a></li></ul>'
        if i % 3 == 0
        else ""
    )
    return f"""<!doctype html><html><head><title>{title}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/about">About the Valley Courier</a></nav></header>
<p class="tag">The Valley Courier: news from the hills since 1887</p>
<main><article><h1>{title}</h1>{section}
{"".join(paragraphs)}
<p>From our partner: compare energy prices in your area today</p>
</article></main>
<footer><p>The Valley Courier is published by the Valley Press Group.</p>
<p>Contact us | Privacy policy | Terms of use</p></footer></body></html>
"""


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(seed)
    site = os.path.join(out, "valley")
    os.makedirs(site, exist_ok=True)
    for i in range(n):
        with open(os.path.join(site, f"page-{i:06}.html"), "w") as f:
            f.write(page(rng, i))


if __name__ == "__main__":
    main()
