// Decoding file bytes as UTF-8 without losing them (pure).
//
// Valid UTF-8 decodes as usual. Each byte that is not part of a valid
// sequence becomes a lone low surrogate U+DC80–U+DCFF ("surrogateescape"):
// the text keeps a mark exactly where the bad byte was, `invalidUtf8()` finds
// it again (the compiler reports CH0016 there), and nothing downstream can
// mistake the mark for a real character. A byte order mark is kept as text.

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

export interface Decoded {
  readonly text: string;
  /** False when at least one byte was not valid UTF-8. */
  readonly clean: boolean;
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < b.length && b[j]! >= lo && b[j]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) return cont(i + 1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(i + 2) ? 3 : 0;
  if (c >= 0xf0 && c <= 0xf4) return cont(i + 1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: strict.decode(bytes), clean: true };
  } catch {
    // Slow path, only for files that are not valid UTF-8.
  }
  const parts: string[] = [];
  let run = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (run < i) parts.push(lenient.decode(bytes.subarray(run, i)));
    parts.push(String.fromCharCode(0xdc00 + bytes[i]!));
    i++;
    run = i;
  }
  if (run < bytes.length) parts.push(lenient.decode(bytes.subarray(run)));
  return { text: parts.join(""), clean: false };
}

export interface InvalidUtf8 {
  /** UTF-16 offset of the first mark in the text. */
  readonly offset: number;
  /** Byte offset of that byte in the file. */
  readonly byteOffset: number;
  /** The byte's value. */
  readonly byte: number;
  /** How many bytes of the file were not valid UTF-8. */
  readonly count: number;
}

const MARK = /(?<![\ud800-\udbff])[\udc80-\udcff]/g;

/** Where text decoded by `decodeUtf8()` had bytes that were not UTF-8, or undefined when it had none. */
export function invalidUtf8(text: string): InvalidUtf8 | undefined {
  MARK.lastIndex = 0;
  const first = MARK.exec(text);
  if (!first) return undefined;
  let count = 1;
  while (MARK.exec(text)) count++;
  const offset = first.index;
  const prefix = text.slice(0, offset);
  // Bytes before the mark: UTF-8 length of the text, each earlier mark counting one byte.
  let byteOffset = 0;
  for (let k = 0; k < prefix.length; k++) {
    const u = prefix.charCodeAt(k);
    if (u < 0x80) byteOffset += 1;
    else if (u < 0x800) byteOffset += 2;
    else if (u >= 0xd800 && u <= 0xdbff && k + 1 < prefix.length && prefix.charCodeAt(k + 1) >= 0xdc00 && prefix.charCodeAt(k + 1) <= 0xdfff) {
      byteOffset += 4;
      k++;
    } else if (u >= 0xdc80 && u <= 0xdcff) byteOffset += 1;
    else byteOffset += 3;
  }
  return { offset, byteOffset, byte: text.charCodeAt(offset) - 0xdc00, count };
}
