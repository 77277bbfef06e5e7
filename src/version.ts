// Replaced at build time from package.json (scripts/build.mjs); the
// fallback serves tests that run the sources directly.
declare const __CHARTERC_VERSION__: string | undefined;
export const VERSION: string = typeof __CHARTERC_VERSION__ === "string" ? __CHARTERC_VERSION__ : "0.0.0-dev";
