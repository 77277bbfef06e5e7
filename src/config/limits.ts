// The documented input limits, in one place: every reader (the project
// layer's disk host, the language server, records and configuration loading)
// takes its bound from here, and docs/performance.md states them with the
// memory and time budget they keep the worst accepted input within.

/** A charter file larger than this is refused (CH0302), never read whole. */
export const MAX_CHARTER_BYTES = 4 * 1024 * 1024;
/**
 * A charter of more tokens than this (comments count) is refused with one
 * CH0018 before it is lexed: memory grows with tokens, not bytes (a token
 * becomes a token object, CST and AST nodes). With MAX_CHARTER_BYTES it keeps every accepted input within the
 * budget of docs/performance.md; a real charter has a few thousand.
 */
export const MAX_CHARTER_TOKENS = 200_000;
/**
 * `fmt` (and the prettier plugin's `formatCharter`) leaves a charter of more
 * tokens than this unchanged, with one CH0018: prettier's document for a
 * charter costs about 2.5 KB per token, three times what `check` needs.
 */
export const MAX_FORMAT_TOKENS = 60_000;
/** A records file (YAML or JSON) larger than this is refused (CH0401). */
export const MAX_RECORDS_BYTES = 4 * 1024 * 1024;
/**
 * A records file with more YAML nodes than this (scalars, collections and
 * sequence items) is refused (CH0401) while it is being read: the yaml
 * library needs about 2 KB and 20 µs per node, so this keeps the worst
 * accepted file within about 300 MB and 5 s (docs/records.md).
 */
export const MAX_RECORDS_NODES = 200_000;
/** charterc.yaml larger than this stops the command with exit 2. */
export const MAX_CONFIG_BYTES = 256 * 1024;
