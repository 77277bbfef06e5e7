// The prettier configuration that applies to a charter file (printWidth,
// tabWidth, useTabs from .prettierrc, package.json "prettier", overrides
// for *.charter), so that `charterc fmt` and `prettier --check` agree in a
// project that configures prettier. This reads files (through prettier's
// own resolver): only the CLI and the language server call it.
import type { FormatCharterOptions } from "./generated.js";

export async function resolveCharterOptions(file: string): Promise<Pick<FormatCharterOptions, "printWidth" | "tabWidth" | "useTabs">> {
  const prettier = await import("prettier");
  const config = await prettier.resolveConfig(file, { editorconfig: false });
  if (config === null) return {};
  const out: { printWidth?: number; tabWidth?: number; useTabs?: boolean } = {};
  if (typeof config.printWidth === "number") out.printWidth = config.printWidth;
  if (typeof config.tabWidth === "number") out.tabWidth = config.tabWidth;
  if (typeof config.useTabs === "boolean") out.useTabs = config.useTabs;
  return out;
}
