// Opens HTML files in Debian's headless Chromium and checks them; prints one JSON line per file.
//
// Usage: node check.mjs FILE.html [FILE.html ...]
// For each page: axe-core's WCAG 2.1 A/AA rules (violations listed), whether any script ran (a dialog opened,
// or the page set window.__xss), and any request that left the page (everything but the file itself).
// Exit code 0 when every page is clean, 1 otherwise.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

let clean = true;
try {
  for (const file of process.argv.slice(2)) {
    const url = pathToFileURL(file).href;
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = [];
    const dialogs = [];
    await context.route("**/*", (route) => {
      const target = route.request().url();
      if (target === url) return route.continue();
      requests.push(target);
      return route.abort();
    });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(200);
    const xss = await page.evaluate(() => Boolean(window.__xss));
    // Inject axe after the page has loaded, as a string: the page itself loads nothing.
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
    const ok = violations.length === 0 && dialogs.length === 0 && requests.length === 0 && !xss;
    clean &&= ok;
    console.log(JSON.stringify({ file, ok, violations, passes: result.passes.length, dialogs, requests, xss }));
    await context.close();
  }
} finally {
  await browser.close();
}
process.exit(clean ? 0 : 1);
