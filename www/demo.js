// The demo page: the <claim-lens> element mounts the sample article; this file wires the
// theme / highlight controls, the paste box and the JSON view. No HTML is ever parsed from
// text: paragraphs are built with createElement + textContent.
import { analyze } from "./pkg/claimlens.js";
import { ready } from "./pkg/claim-lens.js"; // the package's copy of www/claim-lens.js

const lens = document.querySelector("claim-lens");
const story = document.getElementById("story");
const timing = document.getElementById("timing");
const json = document.getElementById("json");
const controls = document.getElementById("controls");
const sample = [...story.childNodes].map((n) => n.cloneNode(true));

lens.addEventListener("claimlens-mounted", (e) => {
  const a = lens.handle.analysis();
  // sources with a statement (the sidebar's count; those only mentioned are not counted)
  const speaking = new Set(a.annotations.map((x) => x.speaker ?? x.source).filter(Boolean)).size;
  timing.textContent = `${a.annotations.length} highlights, ${speaking} sources · mounted in ${e.detail.ms.toFixed(1)} ms (${lens.handle.tier})`;
  window.claimlensDemo = { mountMs: e.detail.ms, tier: lens.handle.tier, ready: true };
  document.documentElement.dataset.claimlensReady = "true";
  json.textContent = JSON.stringify(a, null, 2);
});

controls.addEventListener("change", (e) => {
  const { name, value } = e.target;
  if (name === "theme") document.documentElement.dataset.theme = value;
  lens.setAttribute(name, value);
});
controls.addEventListener("submit", (e) => e.preventDefault());

document.getElementById("paste-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  await ready;
  const text = document.getElementById("paste").value;
  // each line is a paragraph, as the CLI reads a file (blank lines separate nothing more)
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  story.replaceChildren(...lines.map((l) => {
    const el = document.createElement("p");
    el.textContent = l;
    return el;
  }));
  json.textContent = JSON.stringify(analyze(text), null, 2);
  lens.remount();
  story.scrollIntoView({ block: "start" });
});

document.getElementById("reset").addEventListener("click", () => {
  story.replaceChildren(...sample.map((n) => n.cloneNode(true)));
  lens.remount();
});
