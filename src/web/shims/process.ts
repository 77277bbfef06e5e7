// A `process` for the browser bundles (injected by scripts/build-web.mjs):
// the compiler reads `process.env` to learn it runs bundled, never more.
export const process = {
  env: { CHARTERC_BUNDLED: "1", NODE_ENV: "production" } as Record<string, string | undefined>,
  argv: [] as string[],
  cwd: (): string => "/",
  stderr: { write: (_s: string): boolean => true },
};
