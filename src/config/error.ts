/** A charterc.yaml that cannot be used: the message names file:line:col. */
export class ConfigError extends Error {}
