// Checks HTML pages as a browser and a validator see them (run by tests/html.rs):
//   node tests/js/check.mjs CHROMIUM PAGE.html...
// 1. html-validate (recommended rules) on every page;
// 2. every page opened in one headless Chromium, axe-core run in it, every
//    violation reported.
// Prints one line per problem and a summary; exits 1 if there is any problem.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { HtmlValidate } from "html-validate";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const [chromium, ...pages] = process.argv.slice(2);
if (!chromium || pages.length === 0) {
  console.error("usage: node check.mjs CHROMIUM PAGE.html...");
  process.exit(2);
}

let problems = 0;
const report = (page, what) => {
  problems += 1;
  console.log(`${page}: ${what}`);
};

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // A page's title is its document's title, which names the framework or
    // the level verbatim; a search engine's length limit must not cut it.
    "long-title": "off",
  },
});
for (const page of pages) {
  const result = await validator.validateFile(page);
  for (const r of result.results) {
    for (const m of r.messages) {
      report(page, `html-validate ${m.ruleId} line ${m.line}:${m.column}: ${m.message}`);
    }
  }
}

const profile = mkdtempSync(join(tmpdir(), "jobpack-chromium-"));
const browser = await puppeteer.launch({
  executablePath: chromium,
  // Without the background-networking flags Chromium waits for the network
  // on a closed machine; a fresh profile keeps runs independent.
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profile}`,
  ],
  headless: true,
});
try {
  const axe = require.resolve("axe-core/axe.min.js");
  const tab = await browser.newPage();
  for (const page of pages) {
    const requests = [];
    tab.removeAllListeners("request");
    tab.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url());
    });
    await tab.goto(pathToFileURL(resolve(page)).href, { waitUntil: "load" });
    await tab.addScriptTag({ path: axe });
    const result = await tab.evaluate(async () => {
      // Every rule axe runs by default: WCAG A and AA, and best practices.
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
    });
    for (const v of result) {
      report(page, `axe ${v.id}: ${v.help} (${v.nodes.slice(0, 3).join("; ")})`);
    }
    for (const url of requests) {
      report(page, `fetched ${url}: a page must be self-contained`);
    }
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`checked ${pages.length} page(s): ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
