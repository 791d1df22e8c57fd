// A/B of two built packages in one node process: `analyze()` calls on the same text,
// interleaved (A then B, then B then A, …) so that the machine's drift hits both alike;
// prints the median of each and B/A, and says so when their outputs differ.
//   bash scripts/build-wasm.sh && cp -r www/pkg /tmp/pkgA   # before a change
//   bash scripts/build-wasm.sh && cp -r www/pkg /tmp/pkgB   # after it
//   node benches/ab.mjs /tmp/pkgA /tmp/pkgB [text-file]     # R=rounds (default 15)
// Not part of CI. Run it a few times: on this 2-core VM an A/A run drifts by up to ±3%.
import fs from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [a, b, file] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node benches/ab.mjs PKG_A PKG_B [TEXT_FILE]");
  process.exit(2);
}
const text = file ? fs.readFileSync(file, "utf8") : fs.readFileSync(new URL("../tests/fixtures/wire_story.txt", import.meta.url), "utf8").repeat(20);
const load = async (dir) => {
  const d = resolve(dir);
  // the query keeps the two glue modules apart (each holds its own instance)
  const m = await import(`${pathToFileURL(`${d}/claimlens.js`)}?${d}`);
  await m.default({ module_or_path: fs.readFileSync(`${d}/claimlens_bg.wasm`) });
  return m;
};
const ma = await load(a);
const mb = await load(b);
if (JSON.stringify(ma.analyze(text)) !== JSON.stringify(mb.analyze(text))) console.log("the two outputs differ");
const rounds = Number(process.env.R ?? 15);
const ta = [];
const tb = [];
for (let r = 0; r < rounds; r++) {
  for (const [m, t] of r % 2 ? [[ma, ta], [mb, tb]] : [[mb, tb], [ma, ta]]) {
    const t0 = performance.now();
    m.analyze(text);
    t.push(performance.now() - t0);
  }
}
const median = (t) => t.sort((x, y) => x - y)[t.length >> 1];
console.log(`${text.length} chars: A ${median(ta).toFixed(2)} ms, B ${median(tb).toFixed(2)} ms, B/A ${(median(tb) / median(ta)).toFixed(3)} (medians of ${rounds})`);
