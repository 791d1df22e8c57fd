// Browser benchmark: claimlens (wasm, www/pkg) against compromise.js, both measured in the same
// headless Debian Chromium page (www/bench.html + www/bench.js), driven by playwright-core.
//   bash scripts/build-wasm.sh && node benches/browser.mjs
// Not part of CI (timings depend on the machine). Needs playwright-core and compromise@14 in
// ~/.cache/claimlens-tools/node (bash scripts/setup.sh, or npm install compromise@14 there);
// NODE_TOOLS and CHROMIUM override the tools folder and the browser. Serves www/ on a free
// port and answers vendor/compromise.js with compromise's UMD build (it is outside www/).
// Prints one line per measurement; exits 1 if something is missing or the page throws.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../scripts/serve.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const www = join(root, "www");
const tools = process.env.NODE_TOOLS ?? join(homedir(), ".cache/claimlens-tools/node/node_modules");
const fail = (msg) => { console.error(`bench: ${msg}`); process.exit(1); };

if (!existsSync(join(www, "pkg/claimlens_bg.wasm"))) fail("www/pkg is missing; run bash scripts/build-wasm.sh first");
if (!existsSync(join(tools, "playwright-core"))) fail(`playwright-core is missing from ${tools}; run bash scripts/setup.sh`);
const compromisePath = join(tools, "compromise/builds/compromise.js"); // UMD: sets window.nlp
if (!existsSync(compromisePath)) fail(`compromise is missing from ${tools}; run bash scripts/setup.sh (or npm install compromise@14 there)`);
const compromise = readFileSync(compromisePath, "utf8");
const { chromium } = createRequire(join(tools, "noop.js"))("playwright-core");

const ms = (x, d = 2) => `${x.toFixed(d)} ms`;
const server = await serve(www, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let code = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  // an uncaught error (e.g. a failed import) ends the wait at once instead of at the timeout
  const thrown = new Promise((_, reject) => page.on("pageerror", (e) => reject(new Error(`pageerror: ${e.message}`))));
  thrown.catch(() => {}); // it may reject before the race below is set up
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  await page.route("**/vendor/compromise.js", (r) => r.fulfill({ contentType: "text/javascript", body: compromise }));
  await page.goto(new URL("bench.html", server.url).href);
  await Promise.race([thrown, page.waitForFunction(() => window.__bench?.done || window.__bench?.error, null, { timeout: 180_000 })]);
  const b = await page.evaluate(() => window.__bench);
  if (b.error) problems.push(`bench error: ${b.error}`);
  if (problems.length) throw new Error(problems.join("\n"));

  const s = b.seed, c = s.compromise;
  console.log(`chromium ${browser.version()}, crossOriginIsolated ${b.crossOriginIsolated} (performance.now() clamp ${b.crossOriginIsolated ? "5 µs" : "100 µs"}), compromise ${c.version}`);
  console.log(`first analyze() after init (${s.chars.toLocaleString("en")} chars, ${s.annotations} annotations): ${ms(b.firstAnalyzeMs)}`);
  console.log(`seed analyze (${s.chars.toLocaleString("en")} chars): claimlens median ${ms(s.claimlens.median, 3)} p90 ${ms(s.claimlens.p90, 3)} ` +
    `(200 samples x 20 calls); compromise [${c.calls}] median ${ms(c.median, 1)} p90 ${ms(c.p90, 1)} (30 runs); ratio ${s.ratio.toFixed(0)}x`);
  console.log(`  compromise on one parse [${c.oneParse.calls}]: median ${ms(c.oneParse.median, 1)} p90 ${ms(c.oneParse.p90, 1)}; ratio ${s.ratioOneParse.toFixed(0)}x`);
  console.log(`100 KB analyze (${b.big.chars.toLocaleString("en")} chars, ${b.big.bytes.toLocaleString("en")} bytes UTF-8): claimlens median ${ms(b.big.median, 1)} of 5 = ${b.big.mbPerS.toFixed(1)} MB/s`);
  console.log(`mount to next frame (${b.tier}), seed: median ${ms(b.mountSeed.median, 1)} p90 ${ms(b.mountSeed.p90, 1)} of 7; ` +
    `100 KB: median ${ms(b.mountBig.median, 1)} p90 ${ms(b.mountBig.p90, 1)} of 7`);
  console.log(`  the mount() call alone: seed median ${ms(b.mountSeed.mountMedian, 2)}; 100 KB median ${ms(b.mountBig.mountMedian, 1)}`);
  for (const l of b.longTasks) {
    console.log(`long tasks mounting ${(l.chars / 1e6).toFixed(1)} M chars (${l.tier}, PerformanceObserver "longtask", to two frames after): longest ${ms(l.longest, 0)}, ${l.count} over 50 ms, ${ms(l.total, 0)} in all (target: none over 50 ms)`);
  }
  const w = b.pageWork;
  console.log(`20,000 DOM changes elsewhere on the page: ${ms(w.mounted, 1)} with 100 KB mounted, ${ms(w.alone, 1)} with nothing mounted (${w.ratio.toFixed(2)}x; medians of 5)`);
} catch (e) {
  console.error(`bench: the page failed:\n${e?.message ?? e}`);
  code = 1;
} finally {
  await browser.close();
  await server.close();
}
process.exit(code);
