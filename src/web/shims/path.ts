// `node:path` for the browser bundle: the POSIX half of Node's path module,
// which is all the compiler core uses once the host's paths are POSIX (the
// playground's in-memory workspace lives under `/playground`). esbuild
// aliases `node:path` to this file in scripts/build-web.mjs only.
function normalizeParts(parts: readonly string[], absolute: boolean): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(p);
  }
  return out;
}

function normalize(p: string): string {
  if (p === "") return ".";
  const absolute = p.startsWith("/");
  const trailing = p.endsWith("/");
  let s = normalizeParts(p.split("/"), absolute).join("/");
  if (s === "" && !absolute) s = ".";
  if (s !== "" && trailing) s += "/";
  return absolute ? `/${s}` : s;
}

function join(...parts: string[]): string {
  const joined = parts.filter((x) => x !== "").join("/");
  return joined === "" ? "." : normalize(joined);
}

function resolve(...parts: string[]): string {
  let acc = "";
  for (let i = parts.length - 1; i >= 0 && !acc.startsWith("/"); i--) {
    const p = parts[i]!;
    if (p !== "") acc = acc === "" ? p : `${p}/${acc}`;
  }
  if (!acc.startsWith("/")) acc = `/${acc}`;
  const s = normalizeParts(acc.split("/"), true).join("/");
  return `/${s}`;
}

function relative(from: string, to: string): string {
  const a = resolve(from).split("/").filter(Boolean);
  const b = resolve(to).split("/").filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

function dirname(p: string): string {
  if (p === "") return ".";
  const s = p.replace(/\/+$/, "");
  if (s === "") return "/";
  const i = s.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return s.slice(0, i);
}

function basename(p: string, ext?: string): string {
  const s = p.replace(/\/+$/, "");
  const b = s.slice(s.lastIndexOf("/") + 1);
  return ext && b.endsWith(ext) && b !== ext ? b.slice(0, -ext.length) : b;
}

function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf(".");
  return i <= 0 ? "" : b.slice(i);
}

const isAbsolute = (p: string): boolean => p.startsWith("/");

interface PosixPath {
  sep: "/";
  delimiter: ":";
  normalize: typeof normalize;
  join: typeof join;
  resolve: typeof resolve;
  relative: typeof relative;
  dirname: typeof dirname;
  basename: typeof basename;
  extname: typeof extname;
  isAbsolute: typeof isAbsolute;
  posix: PosixPath;
}

const path = { sep: "/", delimiter: ":", normalize, join, resolve, relative, dirname, basename, extname, isAbsolute } as PosixPath;
path.posix = path;

export default path;
export { normalize, join, resolve, relative, dirname, basename, extname, isAbsolute };
export const sep = "/";
export const posix = path;
