// The charterc prettier plugin (re-exported by ./index.ts): `plugins: ["charterc/prettier"]` in a
// prettier config, or `prettier --plugin charterc/prettier`. It parses with
// charterc's own parser (`src/lower`), refuses files with syntax errors (a
// prettier syntax error with the position), and prints with `./printer.ts`.
import type { Plugin, SupportLanguage } from "prettier";
import { parse as parseCharter } from "../lower/index.js";
import { LineIndex } from "../text/line-index.js";
import { buildTree, type CharterTreeNode } from "./nodes.js";
import { printer } from "./printer.js";

export const languages: SupportLanguage[] = [
  {
    name: "charter",
    parsers: ["charter"],
    extensions: [".charter"],
    vscodeLanguageIds: ["charter"],
  },
];

/** A syntax error in prettier's shape: the message with `(line:column)` and a `loc`. */
export class CharterSyntaxError extends SyntaxError {
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  readonly code: string;
  constructor(message: string, code: string, loc: CharterSyntaxError["loc"]) {
    super(`${message} (${loc.start.line}:${loc.start.column})`);
    this.name = "SyntaxError";
    this.code = code;
    this.loc = loc;
  }
}

function parse(text: string, options?: { filepath?: string }): CharterTreeNode {
  const file = options?.filepath ?? "<input>";
  const { ast, diagnostics } = parseCharter(text, file);
  const syntax = diagnostics.find((d) => d.code.startsWith("CH00"));
  if (syntax !== undefined) {
    const lines = new LineIndex(text);
    const start = lines.position(syntax.span.start);
    const end = lines.position(syntax.span.end);
    // prettier's code frame counts columns from 1 in `loc`.
    throw new CharterSyntaxError(`${syntax.code}: ${syntax.message}`, syntax.code, {
      start: { line: start.line, column: start.column },
      end: { line: end.line, column: end.column },
    });
  }
  return buildTree(ast, text);
}

export const parsers: Plugin<CharterTreeNode>["parsers"] = {
  charter: {
    parse,
    astFormat: "charter-ast",
    locStart: (node: CharterTreeNode) => node.start,
    locEnd: (node: CharterTreeNode) => node.end,
  },
};

export const printers: Plugin<CharterTreeNode>["printers"] = {
  "charter-ast": printer,
};

export const defaultOptions = { tabWidth: 2, printWidth: 80 };

const plugin: Plugin<CharterTreeNode> = { languages, parsers, printers, defaultOptions };
export default plugin;
