import { existsSync, readFileSync } from "node:fs";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { LineIndex } from "../../src/text/line-index.js";

const SPEC = new URL("../../../shared/spec/LANGUAGE.md", import.meta.url);

/** The §5 example of the language spec (a copy is kept as a fixture). */
export function specExample(): string {
  return readFileSync(new URL("./fixtures/spec-example.charter", import.meta.url), "utf8");
}

/** The example as the spec currently has it, when the spec is at hand. */
export function specExampleFromSpec(): string | null {
  if (!existsSync(SPEC)) return null;
  const m = /```charter\n([\s\S]*?)```/.exec(readFileSync(SPEC, "utf8"));
  return m ? m[1]! : null;
}

/** `CODE@line` for each diagnostic, in order. */
export function codesAtLines(text: string, diags: readonly Diagnostic[]): string[] {
  const li = new LineIndex(text);
  return diags.map((d) => `${d.code}@${li.position(d.span.start).line}`);
}

export function spansInside(text: string, diags: readonly Diagnostic[]): boolean {
  return diags.every((d) => 0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= text.length);
}
