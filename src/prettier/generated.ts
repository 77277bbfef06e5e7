// Formatting of what charterc generates (Markdown, JSON) and of charter
// source, for the emitters, `charterc fmt` and the language server. Prettier
// is loaded lazily (its standalone build and only the plugins needed), so a
// command that never formats never pays for it. This folder is the only
// importer of prettier.
import type { Diagnostic } from "../diagnostics/diagnostic.js";

type Standalone = typeof import("prettier/standalone");
type PrettierPlugin = import("prettier").Plugin;

let standalone: Promise<Standalone> | null = null;
function prettier(): Promise<Standalone> {
  standalone ??= import("prettier/standalone");
  return standalone;
}

let markdownPlugins: Promise<PrettierPlugin[]> | null = null;
let jsonPlugins: Promise<PrettierPlugin[]> | null = null;

function loadMarkdown(): Promise<PrettierPlugin[]> {
  markdownPlugins ??= import("prettier/plugins/markdown").then((m) => [(m.default ?? m) as PrettierPlugin]);
  return markdownPlugins;
}

function loadJson(): Promise<PrettierPlugin[]> {
  jsonPlugins ??= Promise.all([import("prettier/plugins/babel"), import("prettier/plugins/estree")]).then((ms) =>
    ms.map((m) => ((m as { default?: unknown }).default ?? m) as PrettierPlugin),
  );
  return jsonPlugins;
}

/**
 * Canonical Markdown layout for generated pages (prettier's markdown
 * printer, `proseWrap: "preserve"`: lines are never re-wrapped, so text the
 * emitter escaped stays exactly as escaped).
 */
export async function formatMarkdown(text: string): Promise<string> {
  const [p, plugins] = await Promise.all([prettier(), loadMarkdown()]);
  return p.format(text, { parser: "markdown", plugins, proseWrap: "preserve", endOfLine: "lf" });
}

/** Canonical JSON layout (prettier's `json` parser: 2-space indent, one trailing newline). */
export async function formatJson(text: string): Promise<string> {
  const [p, plugins] = await Promise.all([prettier(), loadJson()]);
  return p.format(text, { parser: "json", plugins, endOfLine: "lf" });
}

export interface FormatCharterOptions {
  /** Path used in diagnostics (default `<stdin>`). */
  readonly file?: string;
  /** Prettier's printWidth (default 80). */
  readonly printWidth?: number;
  /** Prettier's tabWidth (default 2). */
  readonly tabWidth?: number;
  readonly useTabs?: boolean;
}

export type FormatCharterResult = { readonly formatted: string } | { readonly diagnostics: Diagnostic[] };

/**
 * Format charter source with the charterc prettier plugin. A file with
 * syntax errors is not formatted: its syntax diagnostics come back instead.
 */
export async function formatCharter(text: string, options: FormatCharterOptions = {}): Promise<FormatCharterResult> {
  const { formatCharterWith } = await import("./format.js");
  return formatCharterWith(await prettier(), text, options);
}
