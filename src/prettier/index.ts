// `charterc/prettier`: the prettier plugin (default export and its parts),
// plus the formatting helpers the CLI, the emitters and the language server use.
export { default, languages, parsers, printers, defaultOptions, CharterSyntaxError } from "./plugin.js";
export { formatCharter, formatJson, formatMarkdown, type FormatCharterOptions, type FormatCharterResult } from "./generated.js";
