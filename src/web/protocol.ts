// What the playground page and its language-server worker (src/lsp/browser.ts)
// exchange besides LSP itself: two custom requests and their answers.

/** The bundled charters, for the example picker. Params: null. */
export const EXAMPLES_REQUEST = "charterc/playground/examples";
/** The panels' data for one open document. Params: `{ uri }`. */
export const REPORT_REQUEST = "charterc/playground/report";

/** Where the in-memory workspace lives (file:///playground/charters/…). */
export const PLAYGROUND_ROOT = "/playground";

export interface Example {
  /** Project-relative path, e.g. `charters/federations/delian-league.charter`. */
  readonly path: string;
  readonly text: string;
}

export interface Verdict {
  readonly id: string;
  readonly holds: boolean;
  readonly reasons: readonly string[];
  readonly witness: readonly string[];
}

export interface Report {
  readonly uri: string;
  /** The text the report is about (the page ignores a report about an older text). */
  readonly text: string;
  readonly name: string | null;
  readonly kind: string | null;
  readonly verdicts: readonly Verdict[];
  /** Who can weaken `exit`, in words, and the cheapest path; null without an exit clause. */
  readonly exit: { readonly cost: string; readonly witness: string } | null;
  /** The constitution as HTML (rendered from the same Markdown as `charterc build`, raw HTML disabled). */
  readonly constitution: string;
  readonly errors: number;
}

// The few LSP shapes the page reads (declared here: only src/lsp/ imports the
// vscode-languageserver packages).
export interface LspPosition {
  readonly line: number;
  readonly character: number;
}
export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}
export interface LspDiagnostic {
  readonly range: LspRange;
  readonly severity?: number;
  readonly code?: string | number;
  readonly source?: string;
  readonly message: string;
  readonly data?: unknown;
}
export interface LspTextEdit {
  readonly range: LspRange;
  readonly newText: string;
}
export interface LspWorkspaceEdit {
  readonly changes?: { readonly [uri: string]: readonly LspTextEdit[] };
}
export interface LspCodeAction {
  readonly title: string;
  readonly kind?: string;
  readonly edit?: LspWorkspaceEdit;
  readonly command?: unknown;
}
