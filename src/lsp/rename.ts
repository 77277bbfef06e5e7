// Rename a body, a decision or an import alias: every definition and use in
// the file, as one workspace edit.
import { ErrorCodes, ResponseError, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { FileResult } from "../compiler.js";
import type { FeatureContext } from "./context.js";
import { IDENT_RE, siteAt } from "./locate.js";
import { sitesOf } from "./definition.js";
import { toRange } from "./positions.js";

export function prepareRename(result: FileResult, offset: number): { range: Range; placeholder: string } | null {
  const site = siteAt(result.ast, offset);
  if (!site) return null;
  return { range: toRange(result.lines, site.span), placeholder: site.name };
}

export function rename(ctx: FeatureContext, result: FileResult, offset: number, newName: string): WorkspaceEdit | ResponseError<void> | null {
  const site = siteAt(result.ast, offset);
  if (!site) return null;
  if (!IDENT_RE.test(newName)) {
    return new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is not a valid name: use letters, digits, \`_\` and \`-\`, starting with a letter or \`_\``);
  }
  const edits: TextEdit[] = sitesOf(result, site).map((s) => ({ range: toRange(result.lines, s.span), newText: newName }));
  return { changes: { [ctx.uriOf(result.file)]: edits } };
}
