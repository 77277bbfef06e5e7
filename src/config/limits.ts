// The documented input limits, in one place: every reader (the project
// layer's disk host, the language server, records and configuration loading)
// takes its bound from here, and docs/performance.md states them with the
// memory and time budget they keep the worst accepted input within.

/** A charter file larger than this is refused (CH0302), never read whole. */
export const MAX_CHARTER_BYTES = 32 * 1024 * 1024;
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
