// The library API of charterc (package entry `charterc`): the same pure
// functions the CLI, the language server and the prettier plugin use.
export { check, parseSource, resolveImportPath, type CheckResult, type CompilerHost, type FileResult, type SourceFile } from "./compiler.js";
export { parse } from "./lower/index.js";
export { resolve } from "./semantics/resolve.js";
export type * from "./ast/ast.js";
export type * from "./semantics/model.js";
export type { Diagnostic, Severity } from "./diagnostics/diagnostic.js";
export { CODES, findCode } from "./diagnostics/codes.js";
export { DEFAULT_OPTIONS, type CheckOptions, type Profile } from "./config/options.js";
export { LineIndex } from "./text/line-index.js";
export { analyzeCharter, renderWitness, formatCost, type CharterAnalysis } from "./analysis/index.js";
export { runRules } from "./rules/index.js";
export type { PropertyResult } from "./rules/api.js";
export { emitCharter, renderMarkdown, toCanonicalJson, recordSchemas, toIgCsv, EMIT_KINDS, type EmitKind } from "./emit/index.js";
export { validateRecords } from "./validate/index.js";
export { diffCharters, sideOf } from "./diff/index.js";
export { compareCharters } from "./diff/compare.js";
