// `compare`: several charters side by side, for people choosing between
// communities — verdicts, exit terms, admission, jurisdiction, the cost to
// amend exit, decision thresholds. Pure: built from check results.
import { analyzeCharter, describeCoalition, formatCost } from "../analysis/index.js";
import { PROPERTY_IDS } from "../language/properties.js";
import type { PropertyResult } from "../rules/api.js";
import type { Charter } from "../semantics/model.js";
import { code, escapeTableCell } from "../emit/escape.js";
import { sanitizeForTerminal } from "../text/terminal.js";
import * as w from "./words.js";

export interface CompareInput {
  readonly file: string;
  readonly charter: Charter;
  readonly properties: Readonly<Record<string, PropertyResult>> | null;
}

export interface CompareRow {
  readonly key: string;
  readonly label: string;
  /** One cell per charter; a cell may hold several lines (one per decision). */
  readonly cells: readonly (readonly string[])[];
}

export interface Comparison {
  readonly charters: readonly { readonly file: string; readonly name: string; readonly kind: "charter" | "federation"; readonly version: string | null }[];
  readonly rows: readonly CompareRow[];
}

const one = (s: string | null | undefined): string[] => [s ?? "—"];

function jurisdiction(c: Charter): string {
  if (!c.jurisdiction) return "not stated";
  return c.jurisdiction.kind === "personal" ? "personal" : `territorial: ${c.jurisdiction.territory}`;
}

export function compareCharters(inputs: readonly CompareInput[]): Comparison {
  const rows: CompareRow[] = [];
  const row = (key: string, label: string, f: (x: CompareInput) => string[]) => rows.push({ key, label, cells: inputs.map(f) });
  row("kind", "kind", (x) => one(x.charter.kind));
  row("version", "version", (x) => one(x.charter.version?.text ?? "not stated"));
  for (const id of PROPERTY_IDS) row(`property:${id}`, id, (x) => one(x.properties?.[id] ? (x.properties[id]!.holds ? "holds" : "fails") : "—"));
  row("jurisdiction", "jurisdiction", (x) => one(jurisdiction(x.charter)));
  row("consent", "consent", (x) => one(x.charter.membership?.consent.value ?? "—"));
  row("concurrent", "other memberships", (x) => one(x.charter.membership?.concurrent.value ?? "—"));
  row("admission", "admission", (x) => {
    const a = x.charter.membership?.admission;
    return one(a ? (a.kind === "open" ? "open" : `by ${a.decision.name}`) : "—");
  });
  row("expulsion", "expulsion", (x) => one(x.charter.membership ? w.noneOrBy(x.charter.membership.expulsion) : "—"));
  row("exit.approval", "exit approval", (x) => one(x.charter.exit ? (w.noneOrBy(x.charter.exit.approval) ?? "not stated") : "no exit clause"));
  row("exit.notice", "exit notice", (x) => one(x.charter.exit ? x.charter.exit.notice.text : "—"));
  row("exit.penalty", "exit penalty", (x) => one(x.charter.exit ? (x.charter.exit.penalty.kind === "none" ? "none" : x.charter.exit.penalty.text) : "—"));
  row("exit.retains", "members keep", (x) => one(x.charter.exit ? w.list(x.charter.exit.retains.items) : "—"));
  row("exit.cost", "cost to amend exit", (x) => {
    const a = analyzeCharter(x.charter);
    return one(a.exit ? formatCost(a.exit.cost, a.unit) : "—");
  });
  row("amendments", "amendments", (x) => {
    const a = analyzeCharter(x.charter);
    const by = x.charter.amendments?.by?.name;
    const co = by ? a.coalitions.get(by) : undefined;
    if (!x.charter.amendments) return ["none: unanimous consent of all " + a.unit];
    return one(co ? `${by}: ${describeCoalition(co, a.unit)}` : (by ?? "—"));
  });
  row("decisions", "decision thresholds", (x) => {
    const out: string[] = [];
    for (const d of x.charter.decisions.values()) {
      const parts = [w.threshold(d.threshold) ?? "no threshold", d.quorum ? `${d.quorum.percent}% quorum` : "no quorum", d.by ? `by ${d.by.name}` : null].filter((p): p is string => p !== null);
      out.push(`${d.name}: ${parts.join(", ")}`);
    }
    return out.length > 0 ? out : ["none"];
  });
  return {
    charters: inputs.map((x) => ({ file: x.file, name: x.charter.name, kind: x.charter.kind, version: x.charter.version?.text ?? null })),
    rows,
  };
}

/** Word-wrap one line to `width` columns (a longer word stays whole). */
function wrap(line: string, width: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const word of line.split(" ")) {
    if (cur && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = `  ${word}`;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  out.push(cur);
  return out;
}

/**
 * Aligned columns; cells wrap at `width` characters so many charters still
 * fit side by side. User text goes through sanitizeForTerminal, and every
 * line starts with a row label or indentation, never with user text.
 */
export function comparisonToText(c: Comparison, width = 36): string {
  const t = sanitizeForTerminal;
  const header = ["", ...c.charters.map((x) => t(x.name))];
  const sub = ["", ...c.charters.map((x) => t(x.file))];
  const body = c.rows.map((r) => [[r.label], ...r.cells.map((cell) => cell.flatMap((l) => wrap(t(l), width)))]);
  const headRows = [header, sub].map((cells) => cells.map((cell) => wrap(cell, width)));
  const widths = header.map((_, i) => Math.max(...[...headRows, ...body].map((r) => Math.max(...r[i]!.map((l) => l.length)))));
  const fmt = (cells: readonly string[]) => cells.map((s, i) => s.padEnd(widths[i]!)).join("  ").trimEnd();
  const head = headRows.flatMap((wrapped) => {
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, k) => fmt(wrapped.map((w) => w[k] ?? "")));
  });
  const lines = [...head, widths.map((n) => "─".repeat(n)).join("  ")];
  for (const r of body) {
    const height = Math.max(...r.map((cell) => cell.length));
    for (let k = 0; k < height; k++) lines.push(fmt(r.map((cell) => cell[k] ?? "")));
  }
  return lines.join("\n");
}

/** A table cell: escaped, and never empty (an empty cell reads as a missing column). */
const cell = (text: string): string => (text === "" ? "—" : escapeTableCell(text));

export function comparisonToMarkdown(c: Comparison): string {
  const lines = [
    `| | ${c.charters.map((x) => `**${cell(x.name)}**<br>${code(x.file)}`).join(" | ")} |`,
    `|---|${c.charters.map(() => "---").join("|")}|`,
  ];
  for (const r of c.rows) lines.push(`| ${cell(r.label)} | ${r.cells.map((ls) => ls.map(cell).join("<br>")).join(" | ")} |`);
  return lines.join("\n");
}

export function comparisonToJson(c: Comparison): unknown {
  return {
    version: 1,
    charters: c.charters.map((x) => ({ ...x })),
    rows: c.rows.map((r) => ({ key: r.key, label: r.label, values: r.cells.map((cell) => [...cell]) })),
  };
}
