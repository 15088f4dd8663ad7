// Runs Mozilla Readability over <folder>/html/*.html and prints one JSON object:
// { "seconds": n, "pages": { "<id>": "<extracted text>" } }. Used by `eval-extraction` as the baseline.
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const folder = process.argv[2];
const htmlFolder = path.join(folder, "html");
const virtualConsole = new VirtualConsole(); // page scripts and CSS errors stay quiet
const files = fs.readdirSync(htmlFolder).filter((f) => f.endsWith(".html")).sort();
const pages = {};
let seconds = 0;
// Three passes, the last timed: the first ones warm V8's JIT, as `eval-extraction` does for its own extractor.
for (let pass = 0; pass < 3; pass++) {
  const started = process.hrtime.bigint();
  for (const file of files) {
    const id = path.basename(file, ".html");
    try {
      const html = fs.readFileSync(path.join(htmlFolder, file), "utf8");
      const dom = new JSDOM(html, { virtualConsole });
      const article = new Readability(dom.window.document).parse();
      pages[id] = article && article.textContent ? article.textContent : "";
      dom.window.close();
    } catch (error) {
      pages[id] = "";
    }
  }
  seconds = Number(process.hrtime.bigint() - started) / 1e9;
}
process.stdout.write(JSON.stringify({ seconds, pages }));
