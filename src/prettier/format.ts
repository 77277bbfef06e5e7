// formatCharter's body: charterc's parser decides whether the text may be
// formatted at all (no syntax errors); prettier and the plugin print it; the
// result is re-parsed and compared, so a formatter bug can never rewrite a
// charter into a different one.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diag } from "../diagnostics/codes.js";
import { MAX_FORMAT_TOKENS } from "../config/limits.js";
import { countTokens, parse } from "../lower/index.js";
import { commentTexts, sameAst } from "./ast-equal.js";
import type { FormatCharterOptions, FormatCharterResult } from "./generated.js";
import plugin from "./plugin.js";

type Standalone = typeof import("prettier/standalone");

/** The formatter produced a different charter (a bug in charterc): the input must be left alone. */
export class FormatterBugError extends Error {}

export function syntaxDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code.startsWith("CH00"));
}

export async function formatCharterWith(prettier: Standalone, text: string, options: FormatCharterOptions): Promise<FormatCharterResult> {
  const file = options.file ?? "<stdin>";
  // Past the formatter's limit nothing is parsed or laid out (docs/performance.md: the memory budget).
  const over = countTokens(text, MAX_FORMAT_TOKENS).overAt;
  if (over !== null) {
    return { diagnostics: [diag("CH0018", file, { start: over, end: Math.min(text.length, over + 1) }, { max: MAX_FORMAT_TOKENS.toLocaleString("en-US"), limit: "the formatter's limit", outcome: "left unchanged" })] };
  }
  const before = parse(text, file);
  const errors = syntaxDiagnostics(before.diagnostics);
  if (errors.length > 0) return { diagnostics: errors };
  const formatted = await prettier.format(text, {
    parser: "charter",
    plugins: [plugin],
    filepath: file,
    printWidth: options.printWidth ?? 80,
    tabWidth: options.tabWidth ?? 2,
    useTabs: options.useTabs ?? false,
    endOfLine: "lf",
  });
  const after = parse(formatted, file);
  const problem =
    syntaxDiagnostics(after.diagnostics).length > 0
      ? "the output does not parse"
      : !sameAst(before.ast, after.ast)
        ? "the output is a different charter"
        : JSON.stringify(commentTexts(before.ast)) !== JSON.stringify(commentTexts(after.ast))
          ? "the output lost or moved comments"
          : null;
  if (problem !== null) throw new FormatterBugError(`formatting ${file} failed (${problem}); the file was left unchanged`);
  return { formatted };
}
