// Whether to colour output is decided here, not by picocolors' own guess
// (which turns colour on whenever CI is set, even when piped).
import pc from "picocolors";
import type { Colors } from "../diagnostics/render-text.js";
import { NO_COLORS } from "../diagnostics/render-text.js";

export function wantColor(stream: NodeJS.WriteStream, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  return stream.isTTY === true;
}

export function colors(enabled: boolean): Colors {
  if (!enabled) return NO_COLORS;
  const c = pc.createColors(true);
  return { red: c.red, yellow: c.yellow, cyan: c.cyan, dim: c.dim, bold: c.bold, green: c.green };
}
