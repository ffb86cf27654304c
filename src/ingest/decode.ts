// Bytes → text. Only UTF-8 for now (a UTF-8 BOM is stripped); other encodings are reported, not guessed.

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < n && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80; // no overlong forms
      const hi = b === 0xed ? 0x9f : 0xbf; // no surrogates
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return -1;
}

function hex(bytes: Uint8Array, at: number, count: number): string {
  return Array.from(bytes.subarray(at, at + count), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decode a file's bytes. `file` is there for the encodings still to come (a per-file encoding
 * choice); messages do not repeat it, the caller reports them against the file.
 */
export function decode(bytes: Uint8Array, _file: string): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      reason: `looks like UTF-16 (byte-order mark ${hex(bytes, 0, 2)}); only UTF-8 is supported, save it as UTF-8`,
    };
  }
  try {
    // With ignoreBOM false the decoder drops a leading UTF-8 BOM.
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: `not valid UTF-8: invalid byte sequence at byte offset ${at} (${hex(bytes, at, 4)}); save the file as UTF-8`,
    };
  }
}
