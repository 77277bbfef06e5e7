// Formatting through the prettier plugin (src/prettier). A file with syntax
// errors is left alone (its diagnostics already say why).
import type { TextEdit } from "vscode-languageserver";
import { formatCharter } from "../prettier/generated.js";
import type { LineIndex } from "../text/line-index.js";
import { toRange } from "./positions.js";

export interface FormatSettings {
  readonly tabSize?: number;
  readonly insertSpaces?: boolean;
}

export async function formatDocument(text: string, lines: LineIndex, file: string, settings: FormatSettings): Promise<TextEdit[]> {
  const r = await formatCharter(text, { file, tabWidth: settings.tabSize ?? 2, useTabs: settings.insertSpaces === false });
  if (!("formatted" in r) || r.formatted === text) return [];
  return [{ range: toRange(lines, { start: 0, end: text.length }), newText: r.formatted }];
}
