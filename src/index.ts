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
