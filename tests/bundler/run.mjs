// End-to-end check of the npm package in a bundler: packs www/pkg with `npm pack`, installs
// the tarball into a throwaway Vite app (tests/bundler/app, copied to target/bundler-app),
// runs `vite build` (vite from the tools dir, installed by scripts/setup.sh), serves dist/ on
// 127.0.0.1 and checks in headless Chromium that both `<claim-lens>` (import
// "claimlens/element") and `mount()` (import from "claimlens") highlight, with the wasm fetched
// from the hashed asset Vite emitted for `new URL("claimlens_bg.wasm", import.meta.url)`.
// Builds no Rust (scripts/build-wasm.sh first); needs no network after setup (the app's only
// dependency is the tarball). Prints one line per check and `N passed, N failed`; exits 1 on
// failure.
import { createRequire } from "node:module";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { serve } from "../../scripts/serve.mjs";
import { assert, check, finish } from "../lib/check.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkgDir = join(root, "www/pkg");
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const work = join(target, "bundler-app");
const tools = process.env.NODE_TOOLS ?? join(homedir(), ".cache/claimlens-tools/node/node_modules");
const require = createRequire(join(tools, "noop.js"));
const { chromium } = require("playwright-core");
const viteBin = join(tools, "vite/bin/vite.js");

if (!existsSync(join(pkgDir, "package.json"))) {
  console.error("bundler: www/pkg/package.json is missing; run bash scripts/build-wasm.sh first");
  process.exit(1);
}
if (!existsSync(viteBin)) {
  console.error(`bundler: no vite in ${tools}; run bash scripts/setup.sh`);
  process.exit(1);
}

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;
let tarball;

const packed = await check("npm pack ./www/pkg: the tarball has the wasm, the glue, its types and the element", () => {
  // "./": npm reads a bare www/pkg as a GitHub repository
  const [info] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work, "./www/pkg"], root));
  const files = info.files.map((f) => f.path).sort();
  for (const f of ["claimlens_bg.wasm", "claimlens.js", "claimlens.d.ts", "claim-lens.js", "claim-lens.d.ts", "package.json", "README.md"]) {
    assert(files.includes(f), `${f} not in ${files.join(", ")}`);
  }
  tarball = join(work, info.filename);
  assert(existsSync(tarball), `no ${tarball}`);
  return `${info.filename}, ${(info.size / 1024).toFixed(1)} KiB: ${files.join(" ")}`;
});
if (!packed) finish();

const app = join(work, "app");
const built = await check("npm install of the tarball and vite build", () => {
  cpSync(join(root, "tests/bundler/app"), app, { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({
    name: "claimlens-bundler-test", private: true, type: "module",
    dependencies: { claimlens: `file:${tarball}` },
  }, null, 2));
  // the tarball has no dependencies, so nothing comes from the registry
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel", "error"], app);
  const installed = JSON.parse(readFileSync(join(app, "node_modules/claimlens/package.json"), "utf8"));
  assert(installed.version === version, `installed ${installed.version}, packed ${version}`);
  run(process.execPath, [viteBin, "build", "--logLevel", "warn"], app);
  const assets = readdirSync(join(app, "dist/assets"));
  const wasm = assets.filter((f) => f.endsWith(".wasm"));
  assert(wasm.length === 1 && /^claimlens_bg-[\w-]+\.wasm$/.test(wasm[0]), `wasm assets: ${assets.join(", ")}`);
  return `claimlens@${installed.version}; dist/assets: ${assets.join(", ")}`;
});
if (!built) finish();
const wasmAsset = readdirSync(join(app, "dist/assets")).find((f) => f.endsWith(".wasm"));

const server = await serve(join(app, "dist"), 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const problems = [], wasmRequests = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on("requestfinished", async (r) => {
    if (new URL(r.url()).pathname.endsWith(".wasm")) wasmRequests.push({ url: r.url(), status: (await r.response())?.status(), type: (await r.response())?.headers()["content-type"] });
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.apiReady === "true" && document.querySelector("claim-lens")?.handle, null, { timeout: 15000 })
    .catch((e) => problems.push(`not ready: ${e.message}`));

  // what a mounted article shows: its annotations, the highlight ranges painted inside it (a
  // span nested in another is in claimlens-<kind>-1 or -2), and
  // the sidebar host's heading and source names (the host: the element itself, or for mount()
  // the [data-claimlens-sidebar] after the article)
  const state = (which) => page.evaluate((which) => {
    const story = document.getElementById(which === "element" ? "story-element" : "story-api");
    const lens = document.querySelector("claim-lens");
    const handle = which === "element" ? lens.handle : window.bundlerTest.handle;
    const painted = ["quote", "denial", "unverified", "reported"].flatMap((k) => ["", "-1", "-2"].flatMap((d) => [...(CSS.highlights.get(`claimlens-${k}${d}`) ?? [])]))
      .filter((range) => story.contains(range.startContainer)).length;
    const host = which === "element"
      ? (lens.matches("[data-claimlens-sidebar]") ? lens : lens.querySelector("[data-claimlens-sidebar]"))
      : [...document.querySelectorAll("[data-claimlens-sidebar]")].find((h) => h !== lens && !lens.contains(h) && story.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
    const root = host?.shadowRoot;
    return {
      kinds: handle?.analysis().annotations.map((x) => x.kind), painted, tier: handle?.tier,
      side: root ? { heading: root.querySelector("h2")?.textContent, names: [...root.querySelectorAll("summary .name")].map((n) => n.textContent) } : null,
      analyzed: which === "api" ? window.bundlerTest.analyzed.annotations.map((x) => x.kind) : null,
    };
  }, which);

  await check('<claim-lens> from "claimlens/element" highlights its article and fills its sidebar', async () => {
    const r = await state("element");
    assert(r.kinds?.includes("quote") && r.kinds.includes("denial"), `annotations ${JSON.stringify(r.kinds)}`);
    assert(r.tier === "highlights" && r.painted >= r.kinds.length, `tier ${r.tier}, ${r.painted} ranges painted in the article for ${r.kinds.length} annotations`);
    assert(r.side && /^Sources \(\d+\)$/.test(r.side.heading) && r.side.names.includes("Rosa Delgado"), `sidebar ${JSON.stringify(r.side)}`);
    return `${r.kinds.length} annotations, ${r.painted} ranges painted; sources ${r.side.names.join(", ")}`;
  });

  await check('mount() and analyze() from "claimlens" highlight the article, sidebar after it', async () => {
    const r = await state("api");
    assert(r.kinds.includes("quote") && r.kinds.includes("denial"), `annotations ${JSON.stringify(r.kinds)}`);
    assert(r.tier === "highlights" && r.painted >= r.kinds.length, `tier ${r.tier}, ${r.painted} ranges painted in the article for ${r.kinds.length} annotations`);
    assert(r.analyzed.includes("quote") && r.analyzed.includes("denial"), `analyze(): ${JSON.stringify(r.analyzed)}`);
    assert(r.side && /^Sources \(\d+\)$/.test(r.side.heading) && r.side.names.some((n) => n.includes("Brooks")), `sidebar ${JSON.stringify(r.side)}`);
    return `${r.kinds.length} annotations, ${r.painted} ranges painted; sources ${r.side.names.join(", ")}`;
  });

  await check("the wasm came from Vite's hashed asset (new URL(…, import.meta.url) resolved), once", async () => {
    assert(wasmRequests.length === 1, `wasm requests: ${JSON.stringify(wasmRequests)}`);
    const [w] = wasmRequests;
    assert(new URL(w.url).pathname === `/assets/${wasmAsset}`, `fetched ${w.url}, emitted assets/${wasmAsset}`);
    assert(w.status === 200 && w.type === "application/wasm", `status ${w.status}, ${w.type}`);
    return new URL(w.url).pathname;
  });

  await check("no CSP or Trusted Types violation, no console error", async () => {
    const v = await page.evaluate(() => window.__cspViolations);
    assert(v.length === 0, `violations: ${v.join("; ")}`);
    assert(problems.length === 0, problems.join("; "));
  });
} finally {
  await browser.close();
  await server.close();
}
finish();
