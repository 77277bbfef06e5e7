// Semantic tokens: the lexer's tokens (tokenize() in src/syntax) classified
// with what the AST knows — keywords, section names, field names, references
// to bodies, decisions and aliases, value keywords, literals and comments.
import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver";
import type { FileResult } from "../compiler.js";
import { tokenize } from "../syntax/index.js";
import { namesOf } from "./locate.js";

export const TOKEN_TYPES = ["keyword", "property", "string", "number", "comment", "class", "function", "namespace", "enumMember", "operator"] as const;
export const TOKEN_MODIFIERS = ["declaration", "documentation"] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const DECLARATION = 1;
const DOCUMENTATION = 2;

export function semanticTokens(result: FileResult): SemanticTokens {
  const { ast, text, lines } = result;
  // Offset → [type, modifiers] for identifiers the AST gives a role.
  const roles = new Map<number, [number, number]>();
  const mark = (span: { start: number; end: number }, type: number, mods = 0) => roles.set(span.start, [type, mods]);
  if (ast.header) mark(ast.header.keywordSpan, T.keyword);
  for (const imp of ast.imports) {
    mark(imp.span, T.keyword);
    if (imp.alias) mark(imp.alias.span, T.namespace, DECLARATION);
  }
  const markFieldName = (name: { start: number; end: number }) => mark(name, T.property);
  for (const e of ast.entries) {
    if (e.kind === "field") {
      markFieldName(e.name.span);
      continue;
    }
    mark(e.keywordSpan, T.keyword);
    if (e.keyword === "member of") {
      // `member of`: two words, both keyword.
      const of = text.indexOf("of", e.keywordSpan.start + 6);
      if (of >= 0 && of < e.keywordSpan.end) roles.set(of, [T.keyword, 0]);
    }
    for (const f of e.fields) markFieldName(f.name.span);
  }
  for (const s of namesOf(ast).sites) {
    const type = s.kind === "body" ? T.class : s.kind === "decision" ? T.function : T.namespace;
    mark(s.span, type, s.definition ? DECLARATION : 0);
  }
  const headerStart = ast.header?.keywordSpan.start ?? text.length;

  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const push = (start: number, end: number, type: number, mods: number) => {
    // Tokens may not span lines: split multi-line ones (prose, block comments).
    let s = start;
    while (s < end) {
      const pos = lines.position(s);
      const lineEnd = Math.min(end, lines.lineEnd(pos.line));
      if (lineEnd > s) {
        const line = pos.line - 1;
        const char = pos.column - 1;
        data.push(line - prevLine, line === prevLine ? char - prevChar : char, lineEnd - s, type, mods);
        prevLine = line;
        prevChar = char;
      }
      if (pos.line >= lines.lineCount) break;
      s = lines.lineStart(pos.line + 1);
    }
  };
  for (const tok of tokenize(text)) {
    switch (tok.kind) {
      case "comment":
        push(tok.start, tok.end, T.comment, 0);
        break;
      case "string":
        push(tok.start, tok.end, T.string, 0);
        break;
      case "prose":
        push(tok.start, tok.end, T.string, DOCUMENTATION);
        break;
      case "number":
      case "percent":
      case "fraction":
      case "duration":
        push(tok.start, tok.end, T.number, 0);
        break;
      case "colon":
      case "comma":
        push(tok.start, tok.end, T.operator, 0);
        break;
      case "ident": {
        const role = roles.get(tok.start);
        if (role) push(tok.start, tok.end, role[0], role[1]);
        else if (tok.start < headerStart && /^(import|as)$/.test(text.slice(tok.start, tok.end))) push(tok.start, tok.end, T.keyword, 0);
        else push(tok.start, tok.end, T.enumMember, 0);
        break;
      }
      default:
        break;
    }
  }
  return { data };
}
