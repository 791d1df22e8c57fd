// The browser benchmark (www/bench.html). Everything is measured in this one page with
// performance.now(); results go to window.__bench (`done: true` at the end, or `error`) and to
// the table. Measurements:
//  - first analyze() after init, on the seed article (the demo's sample, read from index.html);
//  - seed article: analyze(text), 20 warm-up calls, then 200 samples of 20 calls each (one
//    sample = batch time / 20: performance.now() is clamped to 100 µs without cross-origin
//    isolation, 5 µs with it, so single calls of ~1 ms could not be resolved);
//  - compromise on the seed article, when window.nlp is loaded: one "call" is
//      nlp(text).quotations().json(); nlp(text).people().json();
//    (two parses, as two separate lookups would do), 3 warm-ups then 30 samples of 1 call;
//    also reported: the same two lookups on one parse (const d = nlp(text)), for reference;
//  - 100 KB: the seed article repeated (joined by "\n") to >= 100,000 chars, analyze() median
//    of 5 (after 1 warm-up) and MB/s of UTF-8;
//  - mount to frame, seed and 100 KB: the lines as <p> in a fresh <article>, then
//    t0; handle = mount(el); await requestAnimationFrame + setTimeout 0; t = now - t0;
//    unmount; median of 7 (after 1 warm-up); the time of the mount() call alone is kept too;
//  - long tasks: a 2 MB article (the seed repeated) mounted once in each tier, with a
//    PerformanceObserver of "longtask" entries (tasks over 50 ms) from the mount() call to two
//    frames after it: the longest task, how many there were, and their total (the target is
//    no task over 50 ms).
import init, { analyze, mount } from "./pkg/claimlens.js";

const results = (window.__bench = { done: false });
const tbody = document.querySelector("#results tbody");
const now = () => performance.now();
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => { const s = sorted(xs), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const p90 = (xs) => sorted(xs)[Math.ceil(xs.length * 0.9) - 1];
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function row(name, value) {
  const tr = tbody.insertRow();
  tr.insertCell().textContent = name;
  tr.insertCell().textContent = value;
}

/** The demo's sample article: the lines of <article id="story"> in www/index.html. */
async function seedArticle() {
  const html = await (await fetch("index.html")).text();
  // the page requires Trusted Types for HTML sinks; this policy only parses our own index.html
  const policy = trustedTypes.createPolicy("bench", { createHTML: (s) => s });
  const doc = new DOMParser().parseFromString(policy.createHTML(html), "text/html");
  return [...doc.getElementById("story").children].map((e) => e.textContent.replace(/\s+/g, " ").trim()).join("\n");
}

/** `samples` timings (ms per call) of `f`, each over a batch of `batch` calls, after `warm` calls. */
function time(f, { warm, samples, batch = 1 }) {
  for (let i = 0; i < warm; i++) f();
  const out = [];
  for (let i = 0; i < samples; i++) {
    const t0 = now();
    for (let j = 0; j < batch; j++) f();
    out.push((now() - t0) / batch);
  }
  return out;
}

/** A fresh `<article>` with each line of `text` as a `<p>`. */
function article(text) {
  const el = document.createElement("article");
  el.append(...text.split("\n").map((l) => Object.assign(document.createElement("p"), { textContent: l })));
  return el;
}

/** Median of `runs` mount-to-next-frame timings of `text` as paragraphs in a fresh article. */
async function mountToFrame(text, runs = 7) {
  const stage = document.getElementById("stage");
  const out = [], sync = [];
  for (let i = 0; i <= runs; i++) { // run 0 is a warm-up
    const el = article(text);
    stage.append(el);
    await nextFrame(); // the article itself is laid out before the clock starts
    const t0 = now();
    const handle = mount(el);
    const tm = now() - t0;
    await nextFrame();
    const t = now() - t0;
    results.tier = handle.tier;
    handle.unmount();
    el.remove();
    if (i > 0) { out.push(t); sync.push(tm); }
  }
  return { median: median(out), p90: p90(out), mountMedian: median(sync), runs };
}

/**
 * The page's own DOM work while an article is mounted: 20,000 small changes outside the
 * article (what ads, comments and feeds do), timed with `text` mounted and with nothing
 * mounted (medians of 5). A browser updates every live Range on every change to the
 * document, so highlights held as live Ranges would tax all of it.
 */
function pageWork(text) {
  const stage = document.getElementById("stage");
  const other = document.createElement("div");
  stage.append(other);
  const work = () => {
    const t0 = now();
    for (let i = 0; i < 20000; i++) { const s = document.createElement("span"); s.textContent = "x"; other.append(s); s.remove(); }
    return now() - t0;
  };
  const alone = median(Array.from({ length: 5 }, work));
  const el = article(text);
  stage.append(el);
  const handle = mount(el);
  const mounted = median(Array.from({ length: 5 }, work));
  handle.unmount();
  el.remove();
  other.remove();
  return { alone, mounted, ratio: mounted / alone };
}

/** Long tasks while `text` is mounted in tier `highlight` ("auto" or "marks"), to two frames after. */
async function longTasks(text, highlight) {
  const stage = document.getElementById("stage");
  const el = article(text);
  stage.append(el);
  await nextFrame();
  const tasks = [];
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  obs.observe({ type: "longtask" });
  const handle = mount(el, { highlight });
  const tier = handle.tier;
  await nextFrame();
  await nextFrame();
  await new Promise((r) => setTimeout(r, 100)); // entries are delivered after the task
  obs.disconnect();
  handle.unmount();
  el.remove();
  const d = tasks.map(Math.round);
  return { tier, count: d.length, longest: d.length ? Math.max(...d) : 0, total: d.reduce((a, b) => a + b, 0), chars: text.length };
}

async function run() {
  results.crossOriginIsolated = self.crossOriginIsolated;
  const seed = await seedArticle();
  await init();
  let t0 = now();
  const first = analyze(seed);
  results.firstAnalyzeMs = now() - t0;
  results.seed = { chars: seed.length, annotations: first.annotations.length };
  row("first analyze() after init", `${results.firstAnalyzeMs.toFixed(2)} ms (${seed.length} chars, ${first.annotations.length} annotations)`);

  const cl = time(() => analyze(seed), { warm: 20, samples: 200, batch: 20 });
  results.seed.claimlens = { median: median(cl), p90: p90(cl), samples: 200, batch: 20 };
  row("seed analyze(), claimlens", `median ${median(cl).toFixed(3)} ms, p90 ${p90(cl).toFixed(3)} ms (200 samples × 20 calls)`);

  if (typeof window.nlp === "function") {
    const nlp = window.nlp;
    const two = time(() => { nlp(seed).quotations().json(); nlp(seed).people().json(); }, { warm: 3, samples: 30 });
    const one = time(() => { const d = nlp(seed); d.quotations().json(); d.people().json(); }, { warm: 3, samples: 30 });
    results.seed.compromise = {
      version: nlp.version, calls: "nlp(text).quotations().json(); nlp(text).people().json()",
      median: median(two), p90: p90(two), samples: 30,
      oneParse: { calls: "d = nlp(text); d.quotations().json(); d.people().json()", median: median(one), p90: p90(one), samples: 30 },
    };
    results.seed.ratio = median(two) / median(cl);
    results.seed.ratioOneParse = median(one) / median(cl);
    row(`seed, compromise ${nlp.version} (quotations + people, 2 parses)`, `median ${median(two).toFixed(2)} ms, p90 ${p90(two).toFixed(2)} ms (30 samples)`);
    row("seed, compromise (one parse)", `median ${median(one).toFixed(2)} ms, p90 ${p90(one).toFixed(2)} ms (30 samples)`);
    row("ratio compromise / claimlens (medians)", `${results.seed.ratio.toFixed(1)}× (one parse: ${results.seed.ratioOneParse.toFixed(1)}×)`);
  } else {
    results.seed.compromise = null;
    row("compromise", "not loaded (run through node benches/browser.mjs)");
  }

  let big = seed;
  while (big.length < 100_000) big += "\n" + seed;
  const bytes = new TextEncoder().encode(big).length;
  analyze(big); // warm-up
  const bt = time(() => analyze(big), { warm: 0, samples: 5 });
  results.big = { chars: big.length, bytes, median: median(bt), mbPerS: bytes / 1e6 / (median(bt) / 1000), runs: 5 };
  row("100 KB analyze()", `median ${median(bt).toFixed(2)} ms of 5 (${big.length} chars, ${bytes} bytes) = ${results.big.mbPerS.toFixed(1)} MB/s`);

  results.mountSeed = await mountToFrame(seed);
  results.mountBig = await mountToFrame(big);
  row("mount to next frame, seed", `median ${results.mountSeed.median.toFixed(2)} ms of 7 (${results.tier}; mount() itself ${results.mountSeed.mountMedian.toFixed(2)} ms)`);
  row("mount to next frame, 100 KB", `median ${results.mountBig.median.toFixed(2)} ms of 7 (mount() itself ${results.mountBig.mountMedian.toFixed(2)} ms)`);

  let huge = big;
  while (huge.length < 2_000_000) huge += "\n" + big;
  results.longTasks = [await longTasks(huge, "auto"), await longTasks(huge, "marks")];
  for (const l of results.longTasks) {
    row(`long tasks mounting 2 MB (${l.tier})`, `longest ${l.longest} ms, ${l.count} over 50 ms, ${l.total} ms in all`);
  }

  results.pageWork = pageWork(big);
  row("20,000 page DOM changes, 100 KB mounted / nothing mounted", `${results.pageWork.mounted.toFixed(1)} ms / ${results.pageWork.alone.toFixed(1)} ms = ${results.pageWork.ratio.toFixed(2)}×`);
}

run().then(
  () => { results.done = true; document.getElementById("status").textContent = "Done."; },
  (e) => { results.error = String(e?.stack ?? e); document.getElementById("status").textContent = `Error: ${e}`; },
);
