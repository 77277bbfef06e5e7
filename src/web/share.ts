// Sharing by URL: the file name and the text, deflated and base64url-encoded
// into the fragment (`#c=…`). The fragment is never sent to a server; nothing
// leaves the page.
import { Inflate, deflateSync, strFromU8, strToU8 } from "fflate";

export interface Shared {
  /** Path of the charter in the playground's workspace (e.g. `charters/free-commons.charter`). */
  readonly path: string;
  readonly text: string;
}

/** Largest text a fragment may carry once inflated (the file-size limit is larger; a URL this long is already unwieldy). */
const MAX_INFLATED = 2_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

export function encodeShare(s: Shared): string {
  return `c=${toBase64Url(deflateSync(strToU8(JSON.stringify({ p: s.path, t: s.text })), { level: 9 }))}`;
}

/** The shared charter in a fragment (with or without `#`), or null when there is none or it is damaged. */
export function decodeShare(fragment: string): Shared | null {
  const m = /^#?c=([A-Za-z0-9_-]+)$/.exec(fragment);
  if (!m) return null;
  try {
    const bytes = inflateBounded(fromBase64Url(m[1]!));
    if (!bytes) return null;
    const v = JSON.parse(strFromU8(bytes)) as unknown;
    if (!v || typeof v !== "object") return null;
    const { p, t } = v as { p?: unknown; t?: unknown };
    if (typeof p !== "string" || typeof t !== "string") return null;
    return { path: safePath(p), text: t };
  } catch {
    return null;
  }
}

/** Inflate, giving up (null) past MAX_INFLATED bytes: a small fragment cannot blow up into a huge text. */
function inflateBounded(data: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inf = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_INFLATED) over = true;
    else chunks.push(chunk);
  });
  for (let i = 0; i < data.length && !over; i += 4096) inf.push(data.subarray(i, i + 4096), i + 4096 >= data.length);
  if (over) return null;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A shared path stays a plain relative `.charter` path inside the workspace. */
export function safePath(p: string): string {
  const parts = p.split("/").filter((x) => x !== "" && x !== "." && x !== "..");
  const clean = parts.map((x) => x.replace(/[^A-Za-z0-9_.-]/g, "_")).join("/");
  return clean.endsWith(".charter") && clean.length <= 200 ? clean : "charters/playground.charter";
}
