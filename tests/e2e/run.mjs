// End-to-end check of the demo page in headless Debian Chromium, driven by playwright-core.
// Builds nothing (scripts/test.sh built www/pkg first); serves www/ on 127.0.0.1 on a free
// port; prints one line per check and a closing `N passed, N failed`; exits 1 on failure.
// Saves screenshots to www/screenshots/.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { serve } from "../../scripts/serve.mjs";
import { assert, check, finish } from "../lib/check.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const www = join(root, "www");
const tools = process.env.NODE_TOOLS ?? join(homedir(), ".cache/claimlens-tools/node/node_modules");
const require = createRequire(join(tools, "noop.js"));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

if (!existsSync(join(www, "pkg/claimlens_bg.wasm"))) {
  console.error("e2e: www/pkg is missing; run bash scripts/build-wasm.sh first");
  process.exit(1);
}
mkdirSync(join(www, "screenshots"), { recursive: true });


const server = await serve(www, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  // playwright gives the browser a fresh temporary profile of its own (--user-data-dir)
});

try {
  // The demo page carries the CSP (require-trusted-types-for 'script'; script-src 'self' 'wasm-unsafe-eval').
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  await page.waitForSelector("html[data-claimlens-ready]", { timeout: 15000 });

  await check("demo mounts: CSS highlights match the analysis, across inline elements", async () => {
    const r = await page.evaluate(() => {
      const norm = (t) => t.replace(/\s+/g, " ").trim();
      // the highlights hold StaticRanges, which have no text: a live Range over their bounds has
      const rangeText = (r) => { const x = new Range(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x.toString(); };
      const a = document.querySelector("claim-lens").handle.analysis();
      if (![...(CSS.highlights.get("claimlens-quote") ?? [])].every((r) => r instanceof StaticRange)) throw new Error("the highlights hold live Ranges");
      const out = {};
      for (const k of ["quote", "denial", "unverified", "reported"]) {
        // a span nested in others is in claimlens-<kind>-1 or -2 (painted above its container)
        const hs = ["", "-1", "-2"].map((d) => CSS.highlights.get(`claimlens-${k}${d}`)).filter(Boolean);
        out[k] = {
          painted: hs.flatMap((h) => [...h]).map((r) => norm(rangeText(r))).sort(),
          expected: a.annotations.filter((x) => x.kind === k).map((x) => norm(x.text)).sort(),
        };
      }
      return { out, tier: window.claimlensDemo.tier };
    });
    assert(r.tier === "highlights", `tier ${r.tier}`);
    for (const [k, v] of Object.entries(r.out)) assert(JSON.stringify(v.painted) === JSON.stringify(v.expected), `${k}: painted ${JSON.stringify(v.painted)} expected ${JSON.stringify(v.expected)}`);
    const q = r.out.quote.painted;
    assert(q.length >= 4, `quotes: ${JSON.stringify(q)}`);
    assert(q.some((t) => t.startsWith("“We are not going to open a plant")), "mayor quote missing");
    assert(q.some((t) => t.includes("every test")), "quote crossing <strong> missing");
    assert(q.some((t) => t.includes("wait again")), "quote crossing nested span/em missing");
    assert(r.out.denial.painted.length >= 1, "no denial painted");
    return Object.entries(r.out).map(([k, v]) => `${v.painted.length} ${k}`).join(", ");
  });

  await check("mount time (first mount on load; then steady state, mount + sidebar)", async () => {
    const r = await page.evaluate(() => {
      const lens = document.querySelector("claim-lens");
      const first = window.claimlensDemo.mountMs;
      const runs = [];
      for (let i = 0; i < 5; i++) { lens.remount(); runs.push(lens.mountMs); }
      runs.sort((a, b) => a - b);
      return { first, median: runs[2] };
    });
    // a report, with a bound only a broken build crosses: wall time on a shared machine is no
    // test (the figure to watch is printed here and measured by benches/wasm.mjs; a steady
    // mount takes ~3 ms on an idle 2-core machine, and 4x that when the host is busy)
    assert(r.median < 250, `median ${r.median} ms`);
    return `first ${r.first.toFixed(1)} ms, median ${r.median.toFixed(1)} ms`;
  });

  await check("sidebar lists sources grouped by type, with counts", async () => {
    const r = await page.evaluate(() => {
      const host = document.querySelector("[data-claimlens-sidebar]");
      const root = host?.shadowRoot;
      if (!root) return null;
      return {
        heading: root.querySelector("h2")?.textContent,
        groups: [...root.querySelectorAll("h3")].map((h) => h.textContent),
        names: [...root.querySelectorAll("summary .name")].map((n) => n.textContent),
        badges: [...root.querySelectorAll("summary .badge")].map((n) => n.textContent),
        sum: root.querySelector("p.sum")?.textContent,
        legend: [...root.querySelectorAll(".legend button")].map((b) => b.getAttribute("aria-pressed")),
        live: root.querySelector("[aria-live]")?.textContent,
      };
    });
    assert(r, "no sidebar host with an open shadow root");
    assert(/^Sources \(\d+\)$/.test(r.heading), `heading ${r.heading}`);
    // the count is of sources with a statement; the ones only mentioned are listed, not counted
    const speaking = r.badges.filter((b) => b !== "mentioned").length, mentioned = r.badges.length - speaking;
    assert(r.heading === `Sources (${speaking})`, `heading ${r.heading}, badges ${r.badges}`);
    assert(r.sum.endsWith(` from ${speaking} sources` + (mentioned ? ` · ${mentioned} more mentioned` : "")), `summary ${r.sum}`);
    assert(r.names.includes("Reuters"), `names ${r.names}`);
    assert(r.names.some((n) => n.includes("Brandt")), `names ${r.names}`);
    assert(r.groups.some((g) => g.startsWith("People")), `groups ${r.groups}`);
    assert(r.legend.length === 4 && r.legend.every((p) => p === "true"), `legend ${r.legend}`);
    assert(r.live?.startsWith("claimlens:"), `live region ${r.live}`);
    return `${r.heading}; ${r.sum}; ${r.groups.join(", ")}`;
  });

  await check("tooltip on hover, closed by Escape", async () => {
    const pt = await page.evaluate(() => {
      // the highlight's StaticRange, made live to measure it
      const sr = [...CSS.highlights.get("claimlens-quote")][0];
      const r = new Range(); r.setStart(sr.startContainer, sr.startOffset); r.setEnd(sr.endContainer, sr.endOffset);
      const b = r.getClientRects()[0];
      return { x: b.left + Math.min(20, b.width / 2), y: b.top + b.height / 2 };
    });
    await page.mouse.move(pt.x, pt.y);
    const tip = page.locator("[data-claimlens-ui=tooltip]");
    await page.waitForFunction(() => document.querySelector("[data-claimlens-ui=tooltip]")?.style.display === "block", null, { timeout: 3000 });
    const text = await tip.evaluate((h) => h.shadowRoot.textContent);
    assert(text.includes("Quote") && text.includes("Said by"), `tooltip text ${text}`);
    await page.screenshot({ path: join(www, "screenshots/demo-tooltip.png") });
    await page.keyboard.press("Escape");
    const hidden = await tip.evaluate((h) => h.style.display);
    assert(hidden === "none", `after Escape: ${hidden}`);
    await page.mouse.move(5, 5);
    return text.slice(0, 60);
  });

  await check("keyboard: Alt+ArrowDown/Up in the article step through highlights, Escape closes", async () => {
    await page.evaluate(() => document.getElementById("story").focus());
    const state = () => page.evaluate(() => {
      const host = document.querySelector("[data-claimlens-ui=tooltip]");
      const f = CSS.highlights.get("claimlens-focus");
      return {
        focus: f ? [...f].map((r) => r.toString().replace(/\s+/g, " ").trim()) : [],
        tip: host?.style.display === "block" ? host.shadowRoot.querySelector(".head").textContent : null,
        live: document.querySelector("[data-claimlens-sidebar]").shadowRoot.querySelector("[aria-live]").textContent,
        active: document.activeElement?.id,
        tabindex: document.getElementById("story").getAttribute("tabindex"),
      };
    });
    await page.keyboard.press("Alt+ArrowDown");
    const a = await state();
    assert(a.active === "story" && a.tabindex === "0", `focus ${a.active}, tabindex ${a.tabindex}`);
    assert(a.focus.length === 1 && a.tip, `first: ${JSON.stringify(a)}`);
    assert(a.live.startsWith("Marked ") && a.live.includes(", 1 of "), `live ${a.live}`);
    await page.keyboard.press("Alt+ArrowDown");
    const b = await state();
    assert(b.focus.length === 1 && b.focus[0] !== a.focus[0] && b.live.includes(", 2 of "), `second: ${JSON.stringify(b)}`);
    await page.keyboard.press("Alt+ArrowUp");
    const c = await state();
    assert(c.focus[0] === a.focus[0], `back: ${JSON.stringify(c)}`);
    await page.screenshot({ path: join(www, "screenshots/demo-keyboard.png") });
    await page.keyboard.press("Escape");
    const d = await state();
    assert(d.tip === null, `after Escape: ${d.tip}`);
    await page.evaluate(() => document.activeElement?.blur());
    return `${a.tip} → ${b.tip}`;
  });

  await check("sidebar click scrolls to the span and marks it", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1280, height: 420 });
    // the last statement in the article: open the sources (each lists what it said when it
    // first opens), then click that entry
    const id = await page.evaluate(async () => {
      const root = document.querySelector("[data-claimlens-sidebar]").shadowRoot;
      const closed = root.querySelectorAll("[data-claimlens-entry]").length;
      root.querySelectorAll("details").forEach((d) => (d.open = true));
      await new Promise((r) => setTimeout(r, 30));
      const entries = [...root.querySelectorAll("[data-claimlens-entry]")];
      if (closed !== 0 || entries.length === 0) throw new Error(`entries: ${closed} before opening, ${entries.length} after`);
      const last = entries.reduce((a, b) => (+b.dataset.claimlensEntry > +a.dataset.claimlensEntry ? b : a));
      return last.dataset.claimlensEntry;
    });
    await page.locator(`[data-claimlens-entry="${id}"]`).click();
    const r = await page.evaluate(() => {
      const h = CSS.highlights.get("claimlens-focus");
      const range = h && [...h][0];
      const b = range?.getBoundingClientRect();
      return { y: window.scrollY, text: range?.toString(), top: b?.top, bottom: b?.bottom, ih: innerHeight,
        live: document.querySelector("[data-claimlens-sidebar]").shadowRoot.querySelector("[aria-live]").textContent };
    });
    assert(r.text, "no claimlens-focus highlight");
    assert(r.y > 0, `did not scroll (scrollY ${r.y})`);
    assert(r.top >= 0 && r.bottom <= r.ih, `span not in view: ${r.top}..${r.bottom} of ${r.ih}`);
    assert(r.live.startsWith("Marked"), `announcement ${r.live}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    return `scrolled to ${r.y}, marked “${r.text.slice(0, 40)}…”`;
  });

  await check("legend toggle hides and shows a kind", async () => {
    const btn = page.locator('[data-claimlens-sidebar] button[data-kind="quote"]');
    await btn.click();
    const off = await page.evaluate(() => CSS.highlights.get("claimlens-quote")?.size ?? 0);
    const pressed = await btn.getAttribute("aria-pressed");
    await btn.click();
    const on = await page.evaluate(() => CSS.highlights.get("claimlens-quote")?.size ?? 0);
    assert(off === 0 && pressed === "false" && on > 0, `off ${off}, pressed ${pressed}, on ${on}`);
  });

  await check("no CSP or Trusted Types violation, no console error", async () => {
    const v = await page.evaluate(() => window.__cspViolations);
    assert(v.length === 0, `violations: ${v.join("; ")}`);
    assert(problems.length === 0, problems.join("; "));
  });

  await check("screenshots, light and dark", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.emulateMedia({ colorScheme: "light" });
    await page.screenshot({ path: join(www, "screenshots/demo-light.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: join(www, "screenshots/demo-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });
    return "www/screenshots/demo-{light,dark,tooltip}.png";
  });

  await check("marks tier via the highlight control, and back", async () => {
    await page.selectOption('select[name="highlight"]', "marks");
    await page.waitForFunction(() => document.querySelectorAll("#story mark[data-claimlens-kind]").length > 0, null, { timeout: 5000 });
    const r = await page.evaluate(() => ({
      marks: document.querySelectorAll("#story mark[data-claimlens-kind]").length,
      hl: CSS.highlights.get("claimlens-quote")?.size ?? 0,
    }));
    await page.screenshot({ path: join(www, "screenshots/demo-marks.png") });
    await page.selectOption('select[name="highlight"]', "auto");
    await page.waitForFunction(() => document.querySelectorAll("#story mark").length === 0 && CSS.highlights.get("claimlens-quote")?.size > 0, null, { timeout: 5000 });
    assert(r.marks > 5 && r.hl === 0, JSON.stringify(r));
    return `${r.marks} marks`;
  });

  await check("pasted article is analysed", async () => {
    await page.fill("#paste", "“We did nothing wrong,” said Tom Reyes, the club’s owner.\n\nThe league declined to comment. The club is said to be for sale, according to The Courier.");
    await page.click("#paste-form button[type=submit]");
    await page.waitForFunction(() => [...(CSS.highlights.get("claimlens-quote") ?? [])].some((r) => {
      // a StaticRange has no text: a live Range over its bounds has
      const x = new Range(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset);
      return x.toString().includes("We did nothing wrong");
    }), null, { timeout: 5000 });
    const paras = await page.evaluate(() => document.querySelectorAll("#story p").length);
    const json = await page.evaluate(() => JSON.parse(document.getElementById("json").textContent));
    assert(paras === 2, `${paras} paragraphs`);
    assert(json.annotations.some((a) => a.kind === "denial"), "no denial in the pasted text's JSON");
    await page.click("#reset");
  });
  await check("pasted page text (one line per paragraph) gives the CLI's analysis", async () => {
    const text = [
      "Skip to content", "Council Closes Library, Mayor Says", "By Sam Writer", "Updated: 12 May 2024 10:15 GMT", "",
      "SPRINGFIELD (AP) — The council voted on Tuesday to close the Main Street library, officials said.",
      "“We did nothing wrong,” said Tom Reyes, the council’s leader.",
      "The mayor declined to comment. The library is reportedly to be sold, according to The Courier.",
      "The library on Main Street, closed since May. (AP Photo/John Roe)",
      "READ MORE: ‘We will fight this,’ say residents", "Share with facebook", "",
      "Your email address will not be published. Required fields are marked *",
    ].join("\n");
    const bin = [process.env.CARGO_TARGET_DIR ?? join(root, "target")].flatMap((t) => [join(t, "release/claimlens"), join(t, "debug/claimlens")]).find(existsSync);
    assert(bin, "no claimlens binary in target/ (cargo build first)");
    const cli = JSON.parse(execFileSync(bin, ["analyze", "--json", "-"], { input: text }).toString());
    await page.fill("#paste", text);
    await page.click("#paste-form button[type=submit]");
    await page.waitForFunction(() => [...(CSS.highlights.get("claimlens-quote") ?? [])].some((r) => {
      // a StaticRange has no text: a live Range over its bounds has
      const x = new Range(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset);
      return x.toString().includes("We did nothing wrong");
    }), null, { timeout: 5000 });
    const { direct, mounted, paras } = await page.evaluate(async () => {
      const { analyze } = await import("./pkg/claimlens.js");
      return { direct: analyze(document.getElementById("paste").value), mounted: document.querySelector("claim-lens").handle.analysis(), paras: document.querySelectorAll("#story p").length };
    });
    assert(JSON.stringify(direct) === JSON.stringify(cli), "analyze() in the page differs from the CLI on the same text");
    const facts = (a) => a.annotations.map((x) => [x.kind, x.text, x.subtype ?? "", x.speaker ?? x.source ?? ""].join("|")).join("\n");
    assert(facts(mounted) === facts(cli), `the mounted article differs from the CLI:\n${facts(mounted)}\n---\n${facts(cli)}`);
    const roles = (a) => a.blocks.map((b) => b.role).join(",");
    assert(roles(mounted) === roles(cli), `block roles differ: ${roles(mounted)} / ${roles(cli)}`);
    assert(paras === text.split("\n").filter((l) => l.trim()).length, `${paras} paragraphs`);
    assert(!cli.sources.some((s) => ["Sam Writer", "AP", "Associated Press", "John Roe"].includes(s.name)), `furniture listed: ${cli.sources.map((s) => s.name)}`);
    await page.click("#reset");
    return `${cli.annotations.length} annotations, roles ${roles(cli)}`;
  });

  // One long paragraph in the <mark> tier: thousands of cuts in one text node. Cutting it by
  // repeated splitText and joining it back by repeated appendData copied the text each time:
  // 800 KB took 12 s to mount and 12 s to unmount. Growth is checked as a ratio of medians
  // (4x the text may take at most 8x the time: linear work stays near 4x), not as a time.
  await check("marks tier on one long paragraph: exact text back, linear in its length", async () => {
    const r = await page.evaluate(async () => {
      const { mount } = await import("./pkg/claimlens.js");
      const base = "The minister said on Monday that the plan “will not work” 😀, according to Reuters. ";
      const run = (size) => {
        let text = "";
        while (text.length < size) text += base;
        const el = document.createElement("article");
        const p = document.createElement("p");
        p.textContent = text;
        el.append(p);
        document.body.append(el);
        const t0 = performance.now();
        const h = mount(el, { highlight: "marks", sidebar: false });
        const marks = el.querySelectorAll("mark").length;
        const same = el.textContent === text;
        // every quote is the same words: each cut landed where its annotation starts and ends
        const quotes = [...el.querySelectorAll('mark[data-claimlens-kind="quote"]')].map((m) => m.textContent);
        const cuts = quotes.length > 100 && quotes.every((q) => q === "“will not work”");
        h.unmount();
        const ms = performance.now() - t0;
        const back = p.childNodes.length === 1 && p.firstChild.data === text && !el.querySelector("mark");
        el.remove();
        return { ms, marks, same, back, cuts };
      };
      run(20_000); // warm-up
      const med = (size) => { const rs = [run(size), run(size), run(size)]; rs.sort((a, b) => a.ms - b.ms); return rs[1]; };
      return { small: med(200_000), big: med(800_000) };
    });
    for (const [k, v] of Object.entries(r)) {
      assert(v.marks > 100, `${k}: ${v.marks} marks`);
      assert(v.same, `${k}: the marked article's text differs from the original`);
      assert(v.cuts, `${k}: a quote mark does not hold exactly its quote`);
      assert(v.back, `${k}: unmount did not give back one text node with the original text`);
    }
    const ratio = r.big.ms / r.small.ms;
    assert(ratio <= 8, `4x the text took ${ratio.toFixed(1)}x the time (${r.small.ms.toFixed(0)} -> ${r.big.ms.toFixed(0)} ms)`);
    return `${r.small.marks} / ${r.big.marks} marks; mount + unmount ${r.small.ms.toFixed(0)} -> ${r.big.ms.toFixed(0)} ms, ${ratio.toFixed(1)}x for 4x`;
  });
  await ctx.close();

  // axe-core needs its script injected: a context that bypasses the page's CSP.
  const actx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const apage = await actx.newPage();
  await apage.goto(server.url);
  await apage.waitForSelector("html[data-claimlens-ready]", { timeout: 15000 });
  for (const scheme of ["light", "dark"]) {
    await check(`axe-core: no serious or critical violation (${scheme})`, async () => {
      await apage.emulateMedia({ colorScheme: scheme });
      // open every source so the entries are checked too
      const listed = await apage.evaluate(async () => {
        const root = document.querySelector("[data-claimlens-sidebar]").shadowRoot;
        root.querySelectorAll("details").forEach((d) => (d.open = true));
        await new Promise((r) => setTimeout(r, 30));
        return root.querySelectorAll("[data-claimlens-entry]").length;
      });
      assert(listed > 0, "the opened sources list their entries");
      if (!(await apage.evaluate(() => !!window.axe))) await apage.addScriptTag({ content: axeSource });
      const res = await apage.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, n: v.nodes.length, t: v.nodes[0]?.target?.join(" ") }));
      });
      const bad = res.filter((v) => v.impact === "serious" || v.impact === "critical");
      assert(bad.length === 0, JSON.stringify(bad));
      return res.length ? `minor: ${res.map((v) => `${v.id}(${v.impact})`).join(", ")}` : "none at all";
    });
  }
  await actx.close();
} finally {
  await browser.close();
  await server.close();
}

finish();
