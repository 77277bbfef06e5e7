// The diff in three formats: text for terminals, Markdown for pull-request
// comments (user text escaped), and JSON (schemas/diff.schema.json).
import type { Colors } from "../diagnostics/render-text.js";
import { NO_COLORS } from "../diagnostics/render-text.js";
import { sanitizeForTerminal as t } from "../text/terminal.js";
import { code, escapeMarkdownInline, escapeTableCell, escapeWithCodeSpans } from "../emit/escape.js";
import { isEmptyDiff, type Bump, type Change, type CharterDiff, type Effect } from "./types.js";

const BUMP_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The largest bump over several diffs. */
export function overallBump(diffs: readonly CharterDiff[]): Bump {
  let b: Bump = "none";
  for (const d of diffs) if (BUMP_RANK[d.bump.suggested] > BUMP_RANK[b]) b = d.bump.suggested;
  return b;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function tally(d: { weakens: number; strengthens: number; neutral: number }): string {
  return `${d.weakens} weakening, ${d.strengthens} strengthening, ${d.neutral} neutral`;
}

/** "exit · approval: none → by board-vote", "added decision review", "renamed decision ordinary → decision regular". */
export function headline(c: Change): string {
  const where = c.field ? `${c.clause} · ${c.field}` : c.clause;
  switch (c.kind) {
    case "renamed":
      return c.field ? `${where}: renamed ${c.old} → ${c.new}` : `renamed ${c.oldClause ?? c.old} → ${c.clause}`;
    case "added":
      return c.field ? `${where}: added` : `added ${c.clause}`;
    case "removed":
      return c.field ? `${where}: removed` : `removed ${c.clause}`;
    case "changed":
      return `${where}: ${c.old ?? "(not stated)"} → ${c.new ?? "(not stated)"}`;
  }
}

// ---------------------------------------------------------------- text

function effectText(e: Effect, c: Colors): string {
  const label = `[${e}]`.padEnd(13);
  return e === "weakens" ? c.red(label) : e === "strengthens" ? c.green(label) : c.dim(label);
}

/** The diff for a terminal: every piece of user text goes through sanitizeForTerminal (no control character, no line of its own). */
export function diffToText(d: CharterDiff, c: Colors = NO_COLORS): string {
  const lines: string[] = [];
  lines.push(c.bold(`${d.kind} "${t(d.name)}": ${t(d.oldFile)} → ${t(d.newFile)}`));
  if (isEmptyDiff(d)) {
    lines.push("  no semantic changes (formatting, comments and the version field are not compared)");
    if (d.bump.warning) lines.push(c.yellow(`  warning: ${t(d.bump.warning)}`));
    return lines.join("\n");
  }
  const version = d.bump.oldVersion !== d.bump.newVersion ? ` · version ${t(d.bump.oldVersion ?? "(none)")} → ${t(d.bump.newVersion ?? "(none)")}` : "";
  lines.push(`  ${tally(d.summary)} · suggested bump: ${c.bold(d.bump.suggested)}${version}`);
  if (d.bump.warning) lines.push(c.yellow(`  warning: ${t(d.bump.warning)}`));
  if (d.changes.length > 0) {
    lines.push("", "  Changes");
    for (const ch of d.changes) {
      const at = ch.newLine !== null ? ` (${t(d.newFile)}:${ch.newLine})` : ch.oldLine !== null ? ` (${t(d.oldFile)}:${ch.oldLine})` : "";
      lines.push(`    ${effectText(ch.effect, c)} ${t(headline(ch))}${c.dim(at)}`);
      lines.push(`    ${" ".repeat(13)} ${t(ch.description)} ${c.dim(`[${ch.dimension}]`)}`);
    }
  }
  if (d.properties.length > 0) {
    lines.push("", "  Properties");
    for (const p of d.properties) {
      lines.push(`    ${effectText(p.effect, c)} ${p.id}: ${p.old} → ${p.new}`);
      for (const r of p.reasons) lines.push(`    ${" ".repeat(13)} ${t(r)}`);
      if (p.witness.length > 0) lines.push(`    ${" ".repeat(13)} ${c.dim(`witness: ${t(p.witness.join(" → "))}`)}`);
    }
  }
  if (d.costs.length > 0) {
    lines.push("", "  Coalition costs");
    for (const k of d.costs) {
      lines.push(`    ${effectText(k.effect, c)} ${k.label}: ${t(k.old?.text ?? "(none)")} → ${t(k.new?.text ?? "(none)")}`);
      const worse = k.effect === "weakens" ? k.new : k.old;
      if (worse) lines.push(`    ${" ".repeat(13)} ${c.dim(`witness: ${t(worse.witness)}`)}`);
    }
  }
  return lines.join("\n");
}

export function diffsToText(diffs: readonly CharterDiff[], c: Colors = NO_COLORS, unchanged = 0): string {
  const blocks = diffs.map((d) => diffToText(d, c));
  if (diffs.length > 1 || unchanged > 0) {
    const total = diffs.reduce((s, d) => ({ weakens: s.weakens + d.summary.weakens, strengthens: s.strengthens + d.summary.strengthens, neutral: s.neutral + d.summary.neutral }), { weakens: 0, strengthens: 0, neutral: 0 });
    const extra = unchanged > 0 ? `, ${plural(unchanged, "file", "files")} without semantic changes` : "";
    blocks.push(`${plural(diffs.length, "file", "files")} compared${extra}: ${tally(total)} · suggested bump: ${overallBump(diffs)}`);
  }
  return blocks.join("\n\n");
}

// ---------------------------------------------------------------- markdown

const mdEffect = (e: Effect) => (e === "weakens" ? "🔴 **weakens**" : e === "strengthens" ? "🟢 strengthens" : "⚪ neutral");

/** A table cell: escaped, and never empty (an empty cell reads as a missing column). */
const cell = (text: string | null | undefined): string => (text === null || text === undefined || text === "" ? "—" : escapeTableCell(text));
/** A cell whose `backticked` parts (rule reasons) render as code. */
const cellWithCode = (text: string): string => (text === "" ? "—" : escapeWithCodeSpans(text));

export function diffToMarkdown(d: CharterDiff): string {
  const out: string[] = [];
  out.push(`### ${d.kind} "${escapeMarkdownInline(d.name)}"`, "");
  out.push(`${code(d.oldFile)} → ${code(d.newFile)}`, "");
  if (isEmptyDiff(d)) {
    out.push("No semantic changes (formatting, comments and the version field are not compared).");
    if (d.bump.warning) out.push("", `> **Warning:** ${escapeWithCodeSpans(d.bump.warning)}`);
    return out.join("\n");
  }
  const version = d.bump.oldVersion !== d.bump.newVersion ? ` · version ${escapeMarkdownInline(d.bump.oldVersion ?? "(none)")} → ${escapeMarkdownInline(d.bump.newVersion ?? "(none)")}` : "";
  out.push(`**Suggested bump: ${d.bump.suggested}**${version} · ${tally(d.summary)}`);
  if (d.bump.warning) out.push("", `> **Warning:** ${escapeWithCodeSpans(d.bump.warning)}`);
  if (d.changes.length > 0) {
    out.push("", "| Effect | Clause | Change | Before | After | What it means for members |", "|---|---|---|---|---|---|");
    for (const c of d.changes) {
      const what = c.kind === "changed" ? (c.field ?? "") : c.field ? `${c.field}: ${c.kind}` : c.kind;
      const before = c.kind === "renamed" && !c.field ? (c.oldClause ?? c.old) : c.old;
      const after = c.kind === "renamed" && !c.field ? c.clause : c.new;
      out.push(`| ${mdEffect(c.effect)} | ${cell(c.clause)} | ${cell(what)} | ${cell(before)} | ${cell(after)} | ${cellWithCode(`${c.description} (${c.dimension})`)} |`);
    }
  }
  if (d.properties.length > 0) {
    out.push("", "| Effect | Property | Before | After | Why |", "|---|---|---|---|---|");
    for (const p of d.properties) {
      const why = [...p.reasons, ...(p.witness.length > 0 ? [`witness: ${p.witness.join(" → ")}`] : [])].join("; ");
      out.push(`| ${mdEffect(p.effect)} | ${code(p.id)} | ${p.old} | ${p.new} | ${cellWithCode(why)} |`);
    }
  }
  if (d.costs.length > 0) {
    out.push("", "| Effect | Coalition cost | Before | After | Witness |", "|---|---|---|---|---|");
    for (const k of d.costs) {
      const worse = k.effect === "weakens" ? k.new : k.old;
      out.push(`| ${mdEffect(k.effect)} | ${cell(k.label)} | ${cell(k.old?.text)} | ${cell(k.new?.text)} | ${cell(worse?.witness)} |`);
    }
  }
  return out.join("\n");
}

export function diffsToMarkdown(diffs: readonly CharterDiff[], unchanged = 0): string {
  const parts = ["## Charter changes", ""];
  if (diffs.length > 1 || unchanged > 0) {
    const extra = unchanged > 0 ? `, ${plural(unchanged, "file", "files")} without semantic changes` : "";
    parts.push(`${plural(diffs.length, "file", "files")} compared${extra} · suggested bump: **${overallBump(diffs)}**`, "");
  }
  parts.push(diffs.map(diffToMarkdown).join("\n\n"));
  return parts.join("\n");
}

// ---------------------------------------------------------------- json

export interface DiffJson {
  readonly version: 1;
  readonly diffs: readonly unknown[];
  readonly summary: { files: number; unchanged: number; weakens: number; strengthens: number; neutral: number; bump: Bump };
}

export function diffToJsonValue(d: CharterDiff): unknown {
  return {
    old: { file: d.oldFile, version: d.bump.oldVersion },
    new: { file: d.newFile, version: d.bump.newVersion },
    charter: d.name,
    kind: d.kind,
    empty: isEmptyDiff(d),
    changes: d.changes.map((c) => ({ ...c })),
    properties: d.properties.map((p) => ({ ...p, reasons: [...p.reasons], witness: [...p.witness] })),
    costs: d.costs.map((k) => ({ ...k })),
    bump: { ...d.bump },
    summary: { ...d.summary },
  };
}

export function diffsToJson(diffs: readonly CharterDiff[], unchanged = 0): DiffJson {
  const sum = (k: "weakens" | "strengthens" | "neutral") => diffs.reduce((s, d) => s + d.summary[k], 0);
  return {
    version: 1,
    diffs: diffs.map(diffToJsonValue),
    summary: { files: diffs.length + unchanged, unchanged, weakens: sum("weakens"), strengthens: sum("strengthens"), neutral: sum("neutral"), bump: overallBump(diffs) },
  };
}
