// Turns www/pkg (the wasm-pack output of scripts/build-wasm.sh) into the npm package
// `claimlens`: copies the element module www/claim-lens.js beside the glue it imports, writes
// its type declarations, the package README (scripts/package-readme.md) and package.json, with
// the version, description and licence read from Cargo.toml.
//
//   node scripts/package.mjs [pkg dir=www/pkg]
//
// Cheap (no Rust build): re-run it after editing www/claim-lens.js to refresh the demo's copy.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = resolve(process.argv[2] ?? join(root, "www/pkg"));
const fail = (msg) => { console.error(`package: ${msg}`); process.exit(1); };

for (const f of ["claimlens.js", "claimlens.d.ts", "claimlens_bg.wasm"]) {
  if (!existsSync(join(pkg, f))) fail(`${join(pkg, f)} is missing; run bash scripts/build-wasm.sh`);
}

// The [package] table of Cargo.toml: its version, description and license strings.
function cargoPackage(text) {
  const out = {};
  let inPackage = false;
  for (const line of text.split(/\r?\n/)) {
    const table = line.match(/^\s*\[([^\]]*)\]\s*(#.*)?$/);
    if (table) { inPackage = table[1].trim() === "package"; continue; }
    const kv = inPackage && line.match(/^\s*([A-Za-z0-9_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/);
    if (kv) out[kv[1]] = JSON.parse(`"${kv[2]}"`);
  }
  return out;
}
const cargo = cargoPackage(readFileSync(join(root, "Cargo.toml"), "utf8"));
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(cargo.version ?? "")) fail(`no semver version in Cargo.toml's [package] (${cargo.version})`);
if (!cargo.license) fail("no license in Cargo.toml's [package]");

// The element module, unchanged: it is written for the package layout (imports ./claimlens.js).
const element = readFileSync(join(root, "www/claim-lens.js"), "utf8");
if (!/^import init, \{[^}]*\} from "\.\/claimlens\.js";$/m.test(element)) fail('www/claim-lens.js does not import "./claimlens.js"');
copyFileSync(join(root, "www/claim-lens.js"), join(pkg, "claim-lens.js"));

writeFileSync(join(pkg, "claim-lens.d.ts"), `// The <claim-lens> element module (import "claimlens/element"): defines the element on import.
import type { Handle, InitOutput } from "./claimlens.js";

/** Runs \`f\` when the browser is idle. */
export declare const idle: (f: () => void) => unknown;
/** Resolves once the WebAssembly module is ready (the module's default export, called once). */
export declare const ready: Promise<InitOutput>;

/** <claim-lens for="story" theme="auto" highlight="auto" kinds="quote denial unverified reported"> */
export declare class ClaimLens extends HTMLElement {
  static observedAttributes: string[];
  /** The mount handle, or null before the first mount and after removal. */
  readonly handle: Handle | null;
  /** How long the last mount took, in milliseconds. */
  mountMs?: number;
  /** Unmounts and mounts again with the current attributes. */
  remount(): void;
}

declare global {
  interface HTMLElementTagNameMap { "claim-lens": ClaimLens }
  interface HTMLElementEventMap { "claimlens-mounted": CustomEvent<{ ms: number }> }
}
`);

writeFileSync(join(pkg, "README.md"),
  readFileSync(join(root, "scripts/package-readme.md"), "utf8").replaceAll("{{version}}", cargo.version));

const licences = ["LICENSE", "LICENSE-MIT", "LICENSE-APACHE", "LICENSE.md", "LICENSE-MIT.md", "LICENSE-APACHE.md"]
  .filter((f) => existsSync(join(root, f)));
for (const f of licences) copyFileSync(join(root, f), join(pkg, f));

const snippets = existsSync(join(pkg, "snippets")); // wasm-bindgen's inline JS, if any
const manifest = {
  name: "claimlens",
  version: cargo.version,
  description: cargo.description,
  license: cargo.license,
  type: "module",
  main: "./claimlens.js",
  module: "./claimlens.js",
  types: "./claimlens.d.ts",
  exports: {
    ".": { types: "./claimlens.d.ts", default: "./claimlens.js" },
    "./element": { types: "./claim-lens.d.ts", default: "./claim-lens.js" },
    "./claimlens_bg.wasm": "./claimlens_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [
    "claimlens_bg.wasm", "claimlens_bg.wasm.d.ts", "claimlens.js", "claimlens.d.ts",
    "claim-lens.js", "claim-lens.d.ts", "README.md", ...licences, ...(snippets ? ["snippets/"] : []),
  ].filter((f) => f.endsWith("/") || existsSync(join(pkg, f))),
  // the glue only defines functions; importing the element module defines <claim-lens>
  sideEffects: ["./claim-lens.js", ...(snippets ? ["./snippets/*"] : [])],
  keywords: ["news", "quotes", "fact-checking", "highlight", "webassembly", "custom-element"],
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`package: ${pkg}/package.json (claimlens@${cargo.version}, ${manifest.files.length} files)`);
