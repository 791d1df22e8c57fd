// Speed of analyze() in WebAssembly (V8, as in Chromium), from the built package in www/pkg:
//   bash scripts/build-wasm.sh && node benches/wasm.mjs
// Prints the first call, the median and p90 of 200 calls on a ~5 KB article, and 1 MB throughput.
import fs from "node:fs";
import init, { analyze } from "../www/pkg/claimlens.js";
await init({ module_or_path: fs.readFileSync(new URL("../www/pkg/claimlens_bg.wasm", import.meta.url)) });
const a = fs.readFileSync(new URL("../tests/fixtures/plain.txt", import.meta.url), "utf8");
const b = fs.readFileSync(new URL("../tests/fixtures/crlf_emoji.txt", import.meta.url), "utf8");
let t5 = ""; while (t5.length < 5000) t5 += a + "\n" + b + "\n";
let t1m = ""; while (t1m.length < 1_000_000) t1m += a + "\n" + b + "\n";
let t0 = performance.now(); analyze(t5); const first = performance.now() - t0;
for (let i = 0; i < 50; i++) analyze(t5);
const times = [];
for (let i = 0; i < 200; i++) { t0 = performance.now(); analyze(t5); times.push(performance.now() - t0); }
times.sort((x, y) => x - y);
const big = [];
for (let i = 0; i < 5; i++) { t0 = performance.now(); analyze(t1m); big.push(performance.now() - t0); }
big.sort((x, y) => x - y);
console.log(`5 KB (${t5.length} chars): first ${first.toFixed(2)} ms, median ${times[100].toFixed(3)} ms, p90 ${times[180].toFixed(3)} ms`);
console.log(`1 MB: median ${big[2].toFixed(1)} ms = ${(t1m.length / 1e6 / (big[2] / 1000)).toFixed(1)} MB/s`);
