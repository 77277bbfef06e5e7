// Where comments go. Prettier finds, for each comment, the enclosing node
// and the nodes just before and after it (from `getCommentChildNodes`);
// these handlers settle the cases its defaults would get wrong for charters:
//
//   - before the first import or the header      → dangling on the root, printed first
//   - in a section or the charter body, before `{` or on the `{` line,
//     before the first entry                      → dangling, printed after `{`
//   - inside a field, before its value            → dangling, printed after `:`
//   - between two items of a list                 → trailing the item before it when
//     before the comma or at the end of the comma's line, else leading the next
//   - between the terms of one value, or inside an import
//                                                  → that value / import printed as written
//
// Everything else uses prettier's defaults (leading the next entry, trailing
// the previous one on the same line, dangling in an empty section).
import type { CharterTreeNode, CommentNode } from "./nodes.js";

type Placement = "ownLine" | "endOfLine" | "remaining";

interface AttachedComment extends CommentNode {
  enclosingNode?: CharterTreeNode;
  precedingNode?: CharterTreeNode;
  followingNode?: CharterTreeNode;
}

function add(node: CharterTreeNode, c: CommentNode, leading: boolean, trailing: boolean): true {
  c.leading = leading;
  c.trailing = trailing;
  c.printed = false;
  (node.comments ??= []).push(c);
  return true;
}

export const addDangling = (n: CharterTreeNode, c: CommentNode) => add(n, c, false, false);
export const addLeading = (n: CharterTreeNode, c: CommentNode) => add(n, c, true, false);
export const addTrailing = (n: CharterTreeNode, c: CommentNode) => add(n, c, false, true);

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return true;
  }
  return false;
}

/** Whether a comma token lies in [from, to), which holds only whitespace, comments and commas. */
function commaBetween(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? to : close + 2;
    } else if (text.startsWith("//", i)) {
      while (i < to && text[i] !== "\n" && text[i] !== "\r") i++;
    } else {
      if (text[i] === ",") return true;
      i++;
    }
  }
  return false;
}

function handle(placement: Placement, comment: AttachedComment, text: string, ast: CharterTreeNode): boolean {
  const enclosing = comment.enclosingNode;
  const preceding = comment.precedingNode;
  const following = comment.followingNode;
  if (enclosing === undefined || enclosing.type === "root") {
    if (preceding !== undefined) return false;
    // Before everything: kept at the top even if the imports get sorted —
    // unless it leads the header, or is a `prettier-ignore` for what follows.
    // (Once one comment leads the first import, the later ones must too.)
    if (following?.type === "charter" || isPrettierIgnore(comment) || (following?.comments?.length ?? 0) > 0) return false;
    return addDangling(ast, comment);
  }
  switch (enclosing.type) {
    case "import":
    case "phrase":
      return addDangling(enclosing, comment);
    case "charter":
    case "section": {
      if (preceding !== undefined) return false;
      const onBraceLine = comment.start < enclosing.open || !hasLineBreak(text, enclosing.open + 1, comment.start);
      if (onBraceLine || following === undefined) return addDangling(enclosing, comment);
      return false;
    }
    case "field": {
      if (preceding === undefined || following === undefined) return addDangling(enclosing, comment);
      // Before the comma, or ending the comma's line: the item before.
      if (!commaBetween(text, preceding.end, comment.start)) return addTrailing(preceding, comment);
      return placement === "endOfLine" ? addTrailing(preceding, comment) : addLeading(following, comment);
    }
    default:
      return false;
  }
}

export const handleComments = {
  ownLine: (c: AttachedComment, text: string, _o: unknown, ast: CharterTreeNode) => handle("ownLine", c, text, ast),
  endOfLine: (c: AttachedComment, text: string, _o: unknown, ast: CharterTreeNode) => handle("endOfLine", c, text, ast),
  remaining: (c: AttachedComment, text: string, _o: unknown, ast: CharterTreeNode) => handle("remaining", c, text, ast),
};

const IGNORE = /^(?:\/\/\s*prettier-ignore\s*|\/\*\s*prettier-ignore\s*\*\/)$/;

export function isPrettierIgnore(c: CommentNode): boolean {
  return IGNORE.test(c.value);
}
