// A TypeScript user of the package: compiled with `tsc --noEmit --strict` against the
// generated declarations (www/pkg/claimlens.d.ts and the element module's claim-lens.d.ts)
// by scripts/test.sh. It fails to compile if the API degrades to `any` (see the checks below
// that only a precise type satisfies) or if a field, union or signature changes.
import init, { analyze, mount, toW3C, type W3cPage, type Analysis, type Annotation, type Handle, type Kind, type MountOptions, type Subtype } from "../../www/pkg/claimlens.js";
import { ClaimLens, ready } from "../../www/pkg/claim-lens.js";

/** Compiles only when `A` and `B` are the same type (`any` is not `string`). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const check = <T extends true>(): T => true as T;

check<Equal<Parameters<typeof analyze>[0], string>>();
check<Equal<ReturnType<typeof analyze>, Analysis>>();
check<Equal<Parameters<typeof mount>[0], Element>>();
check<Equal<Parameters<typeof mount>[1], MountOptions | undefined>>();
check<Equal<ReturnType<Handle["analysis"]>, Analysis>>();
check<Equal<Annotation["kind"], Kind>>();
check<Equal<Exclude<Annotation["subtype"], undefined>, Subtype>>();
check<Equal<Handle["tier"], "highlights" | "marks" | "">>();

export async function main(article: HTMLElement): Promise<string[]> {
  await init();
  const a: Analysis = analyze(article.textContent ?? "");
  const lines: string[] = [];
  for (const x of a.annotations) {
    const who: string = x.speaker ?? x.source ?? "unattributed";
    const kind: "quote" | "denial" | "unverified" | "reported" = x.kind;
    lines.push(`${kind} ${x.subtype ?? ""} ${who}: ${x.text} [${x.start}, ${x.end})`);
    for (const v of x.via ?? []) lines.push(`  via ${v}`);
  }
  for (const s of a.sources) lines.push(`${s.name} (${s.type}), ${s.mentions.length} mentions`);
  for (const b of a.blocks) if (b.role === "headline") lines.push(`headline at ${b.start}`);

  const options: MountOptions = { highlight: "marks", kinds: ["quote", "denial"], theme: "dark", sidebar: false };
  const handle: Handle = mount(article, options);
  const again = mount(document.createElement("div"));
  lines.push(`${handle.tier} ${handle.analysis().annotations.length} ${again.mounted}`);
  handle.unmount();

  const page: W3cPage = toW3C(article.textContent ?? "", location.href);
  for (const it of page.items) {
    const [quote, pos] = it.target.selector;
    lines.push(`${it.id} ${quote.exact} at ${pos.start}-${pos.end} (${it.body.map((b) => b.value).join(", ")})`);
  }

  await ready;
  const el: ClaimLens = document.createElement("claim-lens");
  el.setAttribute("for", article.id);
  document.body.append(el);
  el.addEventListener("claimlens-mounted", (e) => lines.push(`mounted in ${e.detail.ms} ms`));
  return lines;
}

// @ts-expect-error: a number is not text
analyze(42);
// @ts-expect-error: not a kind
const bad: MountOptions = { kinds: ["quotes"] };
void bad;
