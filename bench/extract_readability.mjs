// Runs Mozilla Readability over a WCXB-layout directory and writes its text, one UTF-8 file per
// page, for `dechrome eval DATASET --predictions DIR` (see bench/anchors.sh).
//
// usage: node extract_readability.mjs DATASET_DIR OUT_DIR [--every K] [--from I] [--count N]
//
// --from/--count take N pages of the sorted ids from position I (bench/anchors.sh runs a few
// hundred pages per process: jsdom's memory grows from page to page until V8's heap is full).
//
// Each page is parsed by jsdom from its bytes (jsdom sniffs the encoding from the BOM and the
// <meta> charset), with the page's URL; `new Readability(document).parse()` gives the article's
// HTML, printed as text with a line break around every block element (its `textContent` would
// glue the last word of one paragraph to the first of the next). A page Readability finds no
// article in, or fails on, gets an empty file.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL", "DT", "FIGCAPTION",
  "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV",
  "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
]);

function textOf(node, out) {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) {
      out.push(child.data);
    } else if (child.nodeType === 1) {
      const block = BLOCKS.has(child.tagName);
      if (block) out.push("\n");
      textOf(child, out);
      if (block) out.push("\n");
    }
  }
  return out;
}

const [dataset, outRoot, ...rest] = process.argv.slice(2);
if (!dataset || !outRoot || rest.length % 2 !== 0) {
  console.error(
    "usage: node extract_readability.mjs DATASET_DIR OUT_DIR [--every K] [--from I] [--count N]",
  );
  process.exit(2);
}
const flags = {};
for (let i = 0; i < rest.length; i += 2) flags[rest[i]] = Math.max(0, parseInt(rest[i + 1], 10) || 0);
const every = Math.max(1, flags["--every"] || 1);
const from = flags["--from"] || 0;
const count = flags["--count"] || Infinity;
const ids = fs
  .readdirSync(path.join(dataset, "ground-truth"))
  .filter((n) => n.endsWith(".json") && n !== ".json")
  .map((n) => n.slice(0, -".json".length))
  .sort()
  .filter((_, i) => i % every === 0)
  .slice(from, from + count);
const outDir = path.join(outRoot, "readability");
fs.mkdirSync(outDir, { recursive: true });
const quiet = new VirtualConsole();
let failures = 0;
for (const id of ids) {
  let url;
  try {
    url = JSON.parse(fs.readFileSync(path.join(dataset, "ground-truth", id + ".json"))).url;
  } catch {
    url = undefined;
  }
  let text = "";
  try {
    const html = zlib.gunzipSync(fs.readFileSync(path.join(dataset, "html", id + ".html.gz")));
    const dom = new JSDOM(html, {
      url: url || "https://example.invalid/",
      contentType: "text/html",
      virtualConsole: quiet,
    });
    const article = new Readability(dom.window.document).parse();
    if (article && article.content) {
      const content = new JSDOM(article.content, { virtualConsole: quiet });
      text = textOf(content.window.document.body, []).join("").replace(/[ \t]*\n\s*/g, "\n").trim();
      content.window.close();
    }
    dom.window.close();
  } catch (error) {
    failures += 1;
    console.error(`readability: ${id}: ${error && error.message}`);
  }
  const file = path.join(outDir, id + ".txt");
  fs.writeFileSync(file + ".tmp", text);
  fs.renameSync(file + ".tmp", file);
}
console.error(`readability: ${ids.length} pages written to ${outDir}, ${failures} failed`);
