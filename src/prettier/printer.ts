// The printer: charter tree → prettier doc. Layout (docs/formatting.md):
// 2-space indent (prettier's tabWidth/useTabs), `key: value` one field per
// line, a blank line around every section, at most one blank line kept
// between fields, single-field sections on one line when they fit, lists
// filled to printWidth, prose re-indented one level inside its field.
// Entries are never reordered; only whitespace changes (imports aside: see
// `printRoot`).
import { builders } from "prettier/doc";
import type { AstPath, Doc, ParserOptions, Printer } from "prettier";
import type { Term } from "../ast/ast.js";
import { handleComments, isPrettierIgnore } from "./comments.js";
import {
  childNodes,
  type CharterNode,
  type CharterTreeNode,
  type CommentNode,
  type FieldNode,
  type ImportNode,
  type PhraseNode,
  type RootNode,
  type SectionNode,
} from "./nodes.js";
import { blankLineAfter, isNextLineEmpty, newlineAfter } from "./text-utils.js";

const { breakParent, fill, group, hardline, indent, join, line, lineSuffix, literalline } = builders;

type Options = ParserOptions<CharterTreeNode>;
type Print = (selector?: string | number | (string | number)[] | AstPath<CharterTreeNode>) => Doc;

/** Text printed exactly as written; line breaks that never trim trailing spaces. */
function verbatim(text: string): Doc {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.length === 1 ? text : join(literalline, lines);
}

function printCommentDoc(c: CommentNode): Doc {
  c.printed = true;
  return c.style === "line" ? c.value.trimEnd() : verbatim(c.value);
}

const dangling = (n: CharterTreeNode): CommentNode[] => (n.comments ?? []).filter((c) => !c.leading && !c.trailing);
const leading = (n: CharterTreeNode): CommentNode[] => (n.comments ?? []).filter((c) => c.leading === true);
const trailing = (n: CharterTreeNode): CommentNode[] => (n.comments ?? []).filter((c) => c.trailing === true);

function markPrinted(text: string, comments: readonly CommentNode[]): string {
  for (const c of comments) c.printed = true;
  return text;
}

/** Comments one after another: after a line comment the next starts a new line. */
function commentRun(list: readonly CommentNode[], inner: Doc): Doc[] {
  const out: Doc[] = [];
  let afterLine = false;
  for (const c of list) {
    out.push(afterLine ? inner : " ", printCommentDoc(c));
    afterLine = c.style === "line";
  }
  return out;
}

function indentUnit(options: Options): string {
  return options.useTabs ? "\t" : " ".repeat(options.tabWidth);
}

// ── root and imports ──────────────────────────────────────────────────────

function printRoot(path: AstPath<RootNode>, options: Options, print: Print): Doc {
  const root = path.node;
  const text = options.originalText;
  const parts: Doc[] = [];
  // Comments before the first import or the header (licence, tradition notes).
  for (const c of dangling(root)) {
    parts.push(printCommentDoc(c), hardline);
    if (blankLineAfter(text, c.end)) parts.push(hardline);
  }
  if (root.imports.length > 0) {
    const docs = path.map(print, "imports");
    let order = root.imports.map((_, i) => i);
    if (importsSortable(root.imports)) {
      order = order.sort((a, b) => compareImports(root.imports[a]!, root.imports[b]!));
    }
    parts.push(join(hardline, order.map((i) => docs[i]!)), hardline, hardline);
  }
  parts.push(path.call(print, "charter"), hardline);
  return parts;
}

/**
 * Imports are sorted by path when that cannot change anything: an import
 * only binds its alias, so order carries no meaning — unless two share an
 * alias (the first wins, CH0115) or comments sit among them (they would
 * move away from the text they describe).
 */
function importsSortable(imports: readonly ImportNode[]): boolean {
  const aliases = new Set(imports.map((i) => i.alias));
  if (aliases.size !== imports.length) return false;
  return imports.every((i) => (i.comments ?? []).length === 0);
}

function compareImports(a: ImportNode, b: ImportNode): number {
  const pa = a.ast.path;
  const pb = b.ast.path;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0;
}

function printImport(node: ImportNode, options: Options): Doc {
  const inside = dangling(node);
  // A comment inside an import: keep the import as written.
  if (inside.length > 0) return verbatim(markPrinted(options.originalText.slice(node.start, node.end), inside));
  return ["import ", node.pathRaw, " as ", node.alias];
}

// ── charter body and sections ─────────────────────────────────────────────

function printContainer(path: AstPath<CharterNode | SectionNode>, options: Options, print: Print, head: Doc): Doc {
  const node = path.node;
  const text = options.originalText;
  const all = dangling(node);
  // Comments after `{` on its line (or before it) stay on the `{` line, up
  // to the first one that ends that line (a line comment, or a block
  // comment running over several lines); any later ones start the body.
  const onBrace: CommentNode[] = [];
  let k = 0;
  while (k < all.length) {
    const c = all[k]!;
    if (c.start > node.open && /[\r\n]/.test(text.slice(node.open + 1, c.start))) break;
    onBrace.push(c);
    k++;
    if (c.style === "line" || /[\r\n]/.test(c.value)) break;
  }
  const inner = all.slice(k);
  const braceDocs = onBrace.map((c) => [" ", printCommentDoc(c)]);
  const braceEndsInLine = onBrace.length > 0 && onBrace[onBrace.length - 1]!.style === "line";

  if (node.entries.length === 0 && inner.length === 0) {
    if (onBrace.length === 0) return [head, " {}"];
    return [head, " {", braceDocs, braceEndsInLine ? hardline : " ", "}"];
  }

  const body: Doc[] = [];
  inner.forEach((c, i) => {
    if (i > 0) body.push(hardline);
    body.push(printCommentDoc(c));
    if (c.style === "block" && i === inner.length - 1 && node.entries.length === 0) return;
    if (blankLineAfter(text, c.end) && (i < inner.length - 1 || node.entries.length > 0)) body.push(hardline);
  });
  if (inner.length > 0 && node.entries.length > 0) body.push(hardline);

  const entries = path.map(print, "entries");
  node.entries.forEach((e, i) => {
    if (i > 0) {
      const prev = node.entries[i - 1]!;
      body.push(hardline);
      const aroundSection = node.type === "charter" && (prev.type === "section" || e.type === "section");
      if (aroundSection || isNextLineEmpty(text, prev.end)) body.push(hardline);
    }
    body.push(entries[i]!);
  });

  if (node.type === "section" && node.entries.length === 1 && all.length === 0 && !fieldHasComments(node.entries[0]!)) {
    return group([head, " {", indent([line, body]), line, "}"]);
  }
  return [head, " {", braceDocs, indent([hardline, body]), hardline, "}"];
}

function fieldHasComments(f: FieldNode): boolean {
  return (f.comments ?? []).length > 0 || f.items.some((p) => (p.comments ?? []).length > 0);
}

// ── fields and values ─────────────────────────────────────────────────────

function printField(path: AstPath<FieldNode>, options: Options, print: Print): Doc {
  const node = path.node;
  const text = options.originalText;
  const before = dangling(node);
  const parts: Doc[] = [node.name, ":", ...commentRun(before, indent(hardline))];
  const valueOnNextLine = before.length > 0 && before[before.length - 1]!.style === "line";

  const docs = path.map(print, "items");
  const n = node.items.length;
  // A list is a fill of items; comments on lines of their own are items of
  // the fill too, so that no item holds a hard line break (fill would
  // measure such an item as fitting, whatever follows it).
  const fillParts: Doc[] = [];
  const push = (doc: Doc, sep: Doc) => {
    if (fillParts.length > 0) fillParts.push(sep);
    fillParts.push(doc);
  };
  let forceBreak = false;
  node.items.forEach((item, i) => {
    let sep: Doc = forceBreak ? hardline : line;
    let sameLine: Doc[] = [];
    for (const c of leading(item)) {
      if (c.placement === "ownLine") sep = hardline;
      if (c.style === "line" || newlineAfter(text, c.end)) {
        push([sameLine, printCommentDoc(c)], sep);
        sameLine = [];
        sep = hardline;
      } else {
        sameLine.push(printCommentDoc(c), " ");
      }
    }
    // Block comments before the comma; the first line comment after it (at
    // the end of the line), and whatever follows that on lines of its own.
    const trail = trailing(item);
    const firstLine = trail.findIndex((c) => c.style === "line");
    const inline = firstLine < 0 ? trail : trail.slice(0, firstLine);
    const after = firstLine < 0 ? [] : trail.slice(firstLine);
    push(
      [
        sameLine,
        docs[i]!,
        inline.map((c) => [" ", printCommentDoc(c)]),
        i < n - 1 ? "," : "",
        after.length > 0 ? [after.map((c, j) => lineSuffix([j === 0 ? " " : hardline, printCommentDoc(c)])), breakParent] : "",
      ],
      sep,
    );
    forceBreak = after.length > 0;
  });
  const value: Doc = fillParts.length === 1 ? fillParts[0]! : indent(fill(fillParts));
  parts.push(valueOnNextLine ? indent([hardline, value]) : [" ", value]);
  return parts;
}

function printPhrase(path: AstPath<PhraseNode>, options: Options): Doc {
  const node = path.node;
  const inside = dangling(node);
  if (node.verbatim || inside.length > 0) {
    return verbatim(markPrinted(options.originalText.slice(node.start, node.end), inside));
  }
  const field = path.parent as unknown as FieldNode;
  return join(
    " ",
    node.terms.map((t) => printTerm(t, field.depth, options)),
  );
}

function printTerm(t: Term, depth: number, options: Options): Doc {
  switch (t.kind) {
    case "ident":
      return t.name;
    case "duration":
      return t.raw.replace(/[ \t]+/, " ");
    case "prose":
      return printProse(t.value, depth, options);
    default:
      return t.raw;
  }
}

/**
 * A prose block always takes the block form: `"""`, the lines indented one
 * level deeper than the field, `"""` at the field's indentation. Dedenting
 * (§2) gives back exactly the same text: the common indentation of the
 * lines is the one printed here, since the dedented text has none left.
 */
function printProse(value: string, depth: number, options: Options): Doc {
  if (value === "") return '""""""';
  const unit = indentUnit(options);
  const inner = unit.repeat(depth + 1);
  const lines = value.split("\n");
  return ['"""', lines.map((l) => [literalline, l === "" ? "" : inner + l]), literalline, unit.repeat(depth), '"""'];
}

// ── the printer object ────────────────────────────────────────────────────

export const printer: Printer<CharterTreeNode> = {
  print(path, options, print) {
    const node = path.node;
    switch (node.type) {
      case "root":
        return printRoot(path as AstPath<RootNode>, options, print);
      case "import":
        return printImport(node, options);
      case "charter":
        return printContainer(path as AstPath<CharterNode>, options, print, [node.kind, " ", node.nameRaw]);
      case "section":
        return printContainer(path as AstPath<SectionNode>, options, print, node.name === null ? node.keyword : [node.keyword, " ", node.name]);
      case "field":
        return printField(path as AstPath<FieldNode>, options, print);
      case "phrase":
        return printPhrase(path as AstPath<PhraseNode>, options);
    }
  },
  printPrettierIgnored(path, options) {
    return verbatim(options.originalText.slice(path.node.start, path.node.end));
  },
  hasPrettierIgnore(path) {
    const node = path.node;
    if (node.type === "root" || node.type === "phrase") return false;
    return (node.comments ?? []).some((c) => c.leading === true && isPrettierIgnore(c));
  },
  canAttachComment(node) {
    return (node as { type?: string }).type !== "comment";
  },
  isBlockComment(node) {
    return (node as unknown as CommentNode).style === "block";
  },
  printComment(path) {
    return printCommentDoc(path.node as unknown as CommentNode);
  },
  getCommentChildNodes(node) {
    return childNodes(node);
  },
  // The items of a list place their own comments around the commas.
  willPrintOwnComments(path) {
    return path.node.type === "phrase";
  },
  handleComments,
  getVisitorKeys(node) {
    switch ((node as CharterTreeNode).type) {
      case "root":
        return ["imports", "charter"];
      case "charter":
      case "section":
        return ["entries"];
      case "field":
        return ["items"];
      default:
        return [];
    }
  },
};
