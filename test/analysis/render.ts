// Render a generated CharterSpec (oracle.ts) as `.charter` text, with the
// variations the metamorphic tests apply: renamed clauses, reordered
// sections, comments sprinkled in.
import { type AmendSpec, type CharterSpec, thresholdText } from "./oracle.js";

export interface RenderOptions {
  /** Rename every body and decision (consistently). */
  readonly rename?: (name: string) => string;
  /** A permutation of the sections (indices into the natural order); missing indices keep their place at the end. */
  readonly order?: readonly number[];
  /** Insert comments between sections and between fields. */
  readonly comments?: boolean;
}

export function renderSpec(spec: CharterSpec, opts: RenderOptions = {}): string {
  const rn = opts.rename ?? ((s: string) => s);
  const c = opts.comments ?? false;
  const amend = (a: AmendSpec) => (a === null ? [] : a === "never" ? ["amendable: never"] : [`amendable: by ${rn(a)}`]);
  const section = (head: string, fields: string[]) => {
    const sep = c ? "\n    /* a block comment */ " : " ";
    return `  ${head} {${sep}${fields.join(c ? "\n    // a line comment\n    " : " ")} }`;
  };
  const sections: string[] = [];
  if (spec.membership) sections.push(section("membership", ['eligibility: "anyone"', "admission: open", ...amend(spec.membership.amendable)]));
  if (spec.exit) sections.push(section("exit", ["approval: none", "retains: property", ...amend(spec.exit.amendable)]));
  for (const b of spec.bodies) {
    const fields = [b.members === "all" ? "members: all members" : `members: ${b.members} seats`];
    const sel = b.selection;
    if (sel) fields.push(sel.kind === "sortition" ? "selection: sortition" : sel.kind === "election" ? `selection: election by ${rn(sel.by)}` : `selection: appointment by ${rn(sel.by)}`);
    if (b.members !== "all") fields.push("recall: none");
    sections.push(section(`body ${rn(b.name)}`, [...fields, ...amend(b.amendable)]));
  }
  for (const d of spec.decisions) {
    const fields = [`by: ${rn(d.by)}`];
    if (d.quorum !== null) fields.push(`quorum: ${(d.quorum / spec.n) * 100}%`);
    fields.push(`threshold: ${thresholdText(d.threshold)}`);
    sections.push(section(`decision ${rn(d.name)}`, [...fields, ...amend(d.amendable)]));
  }
  if (spec.amendments) sections.push(section("amendments", [`by: ${rn(spec.amendments.by)}`, ...amend(spec.amendments.amendable)]));
  if (spec.rights) sections.push(section("rights", ['speech: "free"', ...amend(spec.rights.amendable)]));
  let ordered = sections;
  if (opts.order) {
    const seen = new Set<number>();
    ordered = [];
    for (const i of opts.order) if (i < sections.length && !seen.has(i)) (seen.add(i), ordered.push(sections[i]!));
    sections.forEach((s, i) => seen.has(i) || ordered.push(s));
  }
  const joiner = c ? "\n  // between sections\n" : "\n";
  return `${c ? "/* generated */\n" : ""}charter "Generated" {\n  jurisdiction: personal\n${ordered.join(joiner)}\n}\n`;
}
