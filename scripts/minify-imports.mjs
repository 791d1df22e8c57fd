// Shortens the names the WebAssembly module imports its JavaScript functions by, in the module
// and in the glue that provides them, the way a JS minifier shortens identifiers.
//
//   node scripts/minify-imports.mjs [pkg dir=www/pkg]
//
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>` from the module
// "./claimlens_bg.js": about 4 KB of names, mostly random hex that gzip cannot shrink, written
// once in the module and again in the glue's import object. This renames the module to "a"
// and each import to a one- or two-letter name, in both files, so they still match. It stops
// with an error, changing nothing, when the glue does not hold each import name exactly once
// (a wasm-bindgen whose glue looks different), or when it has run on these files already.
// Measured in the README. Safe to skip: the unminified pair works the same.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = resolve(process.argv[2] ?? join(root, "www/pkg"));
const fail = (msg) => { console.error(`minify-imports: ${msg}`); process.exit(1); };
const MODULE = "./claimlens_bg.js";

const wasmPath = join(pkg, "claimlens_bg.wasm");
const gluePath = join(pkg, "claimlens.js");
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

// --- reading and writing the module ---------------------------------------------------------
function uleb(buf, at) {
  let value = 0, shift = 0, byte;
  do {
    if (at >= buf.length) fail("truncated module");
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
function encodeUleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const name = (s) => { const b = Buffer.from(s, "utf8"); return Buffer.concat([encodeUleb(b.length), b]); };
// section `id` of the module `buf`: where it starts, where its content starts and ends
function section(buf, id) {
  for (let at = 8; at < buf.length;) {
    const [size, start] = uleb(buf, at + 1);
    if (start + size > buf.length) fail("truncated section");
    if (buf[at] === id) return [at, start, start + size];
    at = start + size;
  }
  return undefined;
}
// `buf` with its section `id` (found by `section`) holding `content` instead
const withSection = (buf, [at, , end], id, content) =>
  Buffer.concat([buf.subarray(0, at), Buffer.from([id]), encodeUleb(content.length), content, buf.subarray(end)]);
// every use of the identifier `id` in a JavaScript text
const uses = (id) => new RegExp(`(?<![\\w$])${id.replace(/\$/g, "\\$")}(?![\\w$])`, "g");

if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail(`${wasmPath} is not a WebAssembly module`);
const importSection = section(wasm, 2);
if (!importSection) fail("the module imports nothing");
const [, contentAt, contentEnd] = importSection;

// The import section: each entry is module, field, kind and a description whose length
// depends on the kind; only the two names change, the description is copied as it is.
let [count, at] = uleb(wasm, contentAt);
const entries = [];
for (let i = 0; i < count; i++) {
  const strings = [];
  for (let k = 0; k < 2; k++) {
    const [len, from] = uleb(wasm, at);
    strings.push(wasm.toString("utf8", from, from + len));
    at = from + len;
  }
  const descAt = at;
  const kind = wasm[at++];
  const limits = () => { const flags = wasm[at++]; [, at] = uleb(wasm, at); if (flags & 1) [, at] = uleb(wasm, at); };
  if (kind === 0) [, at] = uleb(wasm, at); // function: type index
  else if (kind === 1) { at++; limits(); } // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) at += 2; // global: value type, mutability
  else if (kind === 4) { at++; [, at] = uleb(wasm, at); } // tag: attribute, type index
  else fail(`unknown import kind ${kind}`);
  entries.push({ module: strings[0], field: strings[1], desc: wasm.subarray(descAt, at) });
}
if (at !== contentEnd) fail("the import section did not parse to its end");
if (entries.some((e) => e.module === "a")) fail("already minified");
if (!entries.some((e) => e.module === MODULE)) fail(`the module imports nothing from "${MODULE}"`);

// --- the new names ----------------------------------------------------------------------------
const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const shortName = (i) => (i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length]);
if (entries.length > letters.length * (letters.length + 1)) fail(`${entries.length} imports: more than the one- and two-letter names`);
const renamed = new Map();
for (const e of entries) {
  if (e.module !== MODULE || renamed.has(e.field)) continue;
  if (!/^[A-Za-z_$][\w$]*$/.test(e.field)) fail(`import ${e.field} is not an identifier`);
  renamed.set(e.field, shortName(renamed.size));
}

// The glue: each import is one key of its import object, `name: function(…) {`, and the
// object is given to the module under the module's name.
for (const [from, to] of renamed) {
  const n = glue.match(uses(from))?.length ?? 0;
  if (n !== 1) fail(`the glue names ${from} ${n} times, expected once`);
  glue = glue.replace(uses(from), to);
}
const moduleKey = `"${MODULE}": `;
if (glue.split(moduleKey).length !== 2) fail(`the glue does not name "${MODULE}" once`);
glue = glue.replace(moduleKey, "a: ");

const content = Buffer.concat([
  encodeUleb(entries.length),
  ...entries.map((e) => (e.module === MODULE ? Buffer.concat([name("a"), name(renamed.get(e.field)), e.desc]) : Buffer.concat([name(e.module), name(e.field), e.desc]))),
]);
let out = withSection(wasm, importSection, 2, content);

// The closures' entry points are exports named after their Rust paths and crate hashes
// (`wasm_bindgen_<16 hex digits>___convert__closures_____invoke…`, 200 bytes of names);
// the glue names each in its own wrapper function too. They become `c0`, `c1`, … in the
// module, the glue and the module's .d.ts. Every other export keeps its name (the glue's API).
const closure = /^wasm_bindgen_[0-9a-f]{16}___convert__closures_/;
const exportSection = section(out, 7);
if (!exportSection) fail("the module exports nothing");
let [exports, e] = uleb(out, exportSection[1]);
const exported = [];
for (let i = 0; i < exports; i++) {
  const [len, from] = uleb(out, e);
  const field = out.toString("utf8", from, from + len);
  e = from + len;
  const descAt = e++;
  [, e] = uleb(out, e);
  exported.push({ field, desc: out.subarray(descAt, e) });
}
if (e !== exportSection[2]) fail("the export section did not parse to its end");
const bgTypesPath = join(pkg, "claimlens_bg.wasm.d.ts");
let bgTypes = readFileSync(bgTypesPath, "utf8");
let closures = 0;
for (const x of exported) {
  if (!closure.test(x.field)) continue;
  const to = `c${closures++}`;
  if (exported.some((y) => y.field === to) || uses(to).test(glue)) fail(`the name ${to} is taken`);
  if (!uses(x.field).test(glue)) fail(`the glue never names the export ${x.field}`);
  glue = glue.replace(uses(x.field), to);
  bgTypes = bgTypes.replace(uses(x.field), to);
  x.field = to;
}
const exportContent = Buffer.concat([encodeUleb(exported.length), ...exported.map((x) => Buffer.concat([name(x.field), x.desc]))]);
out = withSection(out, exportSection, 7, exportContent);

if (!WebAssembly.validate(out)) fail("the renamed module does not validate");
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
writeFileSync(bgTypesPath, bgTypes);
console.log(`minify-imports: ${renamed.size} imports and ${closures} closure exports renamed; module ${wasm.length} -> ${out.length} bytes`);
