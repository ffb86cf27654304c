// Bytes → text. Encodings are detected, never guessed silently: UTF-8 (BOM or not), UTF-16 LE/BE by their
// byte-order mark, and GB18030/GBK (what Excel on Chinese Windows saves) when the bytes are not UTF-8 and look
// like Chinese double-byte text. Anything else is reported with the byte offset of the first bad sequence.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

/** How each encoding is named in messages. */
export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
};

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  return scanUtf8(bytes, true).firstInvalid;
}

interface Utf8Scan {
  firstInvalid: number;
  /** Valid sequences of two bytes or more. */
  multibyte: number;
  /** Invalid sequences (after each, the scan resumes at the next byte). */
  invalid: number;
}

function scanUtf8(bytes: Uint8Array, stopAtFirst: boolean): Utf8Scan {
  const n = bytes.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < n && bytes[i]! >= lo && bytes[i]! <= hi;
  const out: Utf8Scan = { firstInvalid: -1, multibyte: 0, invalid: 0 };
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80; // no overlong forms
      const hi = b === 0xed ? 0x9f : 0xbf; // no surrogates
      len = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
      len = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (len === 0) {
      if (out.firstInvalid < 0) out.firstInvalid = i;
      out.invalid += 1;
      if (stopAtFirst) return out;
      i += 1;
    } else {
      if (len > 1) out.multibyte += 1;
      i += len;
    }
  }
  return out;
}

/** Byte offset of the first unpaired surrogate (or the odd last byte) in UTF-16 code units after the BOM, or -1. */
export function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number): number => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = 2;
  while (i + 1 < bytes.length) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 4;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return i;
    } else {
      i += 2;
    }
  }
  return i < bytes.length ? i : -1;
}

/**
 * Do bytes that are not UTF-8 read as Chinese GB18030/GBK text? In GBK Chinese text almost every lead byte
 * (0x81-0xFE) is followed by a trail byte that is also high (0xA1-0xFE for the common GB2312 characters); in a
 * Latin-1 or Windows-1252 file, the high bytes are accented letters mostly followed by ASCII letters, which
 * GBK would also accept as (rare) characters. So the double-byte pairs with a high trail byte must outnumber
 * four to one both the pairs with an ASCII trail byte and the bytes that are not GB18030 at all (a damaged
 * GB18030 file is still reported as one, at the damaged byte).
 */
function looksLikeGb18030(bytes: Uint8Array): boolean {
  let highTrail = 0;
  let lowTrail = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const next = bytes[i + 1] ?? 0;
    if (b < 0x80) i += 1;
    else if (b === 0x80 || b === 0xff || next < 0x30 || (next > 0x39 && next < 0x40) || next === 0x7f || next === 0xff) {
      invalid += 1;
      i += 1;
    } else if (next <= 0x39) i += 4; // a four-byte GB18030 sequence
    else {
      if (next >= 0x80) highTrail += 1;
      else lowTrail += 1;
      i += 2;
    }
  }
  return highTrail > 0 && highTrail >= 4 * lowTrail && highTrail >= 4 * invalid;
}

/** Byte offset of the first sequence that is not well-formed GB18030 (one, two or four bytes), or -1. */
export function firstInvalidGb18030(bytes: Uint8Array): number {
  const inRange = (i: number, lo: number, hi: number): boolean => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) i += 1;
    else if (b === 0x80 || b === 0xff) return i;
    else if (inRange(i + 1, 0x30, 0x39)) {
      if (!inRange(i + 2, 0x81, 0xfe) || !inRange(i + 3, 0x30, 0x39)) return i;
      i += 4;
    } else if (inRange(i + 1, 0x40, 0x7e) || inRange(i + 1, 0x80, 0xfe)) i += 2;
    else return i;
  }
  return -1;
}

function hex(bytes: Uint8Array, at: number, count: number): string {
  return Array.from(bytes.subarray(at, at + count), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

/**
 * UTF-16 text without a byte-order mark shows as NUL bytes in every other position of ASCII-range text: many
 * NULs, nearly all at even offsets (big-endian) or all at odd ones (little-endian). A binary file's NULs fall
 * on both.
 */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  const nul = [0, 0];
  head.forEach((b, i) => {
    if (b === 0) nul[i % 2] += 1;
  });
  const [more, fewer] = nul[0]! >= nul[1]! ? [nul[0]!, nul[1]!] : [nul[1]!, nul[0]!];
  return head.length >= 4 && more + fewer >= head.length / 4 && fewer <= more / 8;
}

/** A NUL byte in the first 8 KB: no text encoding heard reads has one (UTF-16 was ruled out before). */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

// With ignoreBOM false the decoders drop a leading byte-order mark.
const decoders = {
  'utf-8': new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }),
  'utf-16le': new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false }),
  'utf-16be': new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false }),
  gb18030: new TextDecoder('gb18030', { fatal: true, ignoreBOM: false }),
};

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return { ok: true, text: decoders[encoding].decode(bytes), encoding };
  } catch {
    const at = firstInvalidUtf16(bytes, encoding === 'utf-16le');
    return {
      ok: false,
      reason: `not valid ${ENCODING_NAMES[encoding]} (as its byte-order mark says it is): invalid sequence at byte offset ${at} (${hex(bytes, at, 4)})`,
    };
  }
}

/**
 * Decode a file's bytes: UTF-16 by its byte-order mark, else UTF-8, else GB18030 when the bytes read as
 * Chinese double-byte text. `encoding` says which was used, so the caller can tell the user when it was not UTF-8.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (looksLikeBomlessUtf16(bytes)) {
    return { ok: false, reason: 'looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)' };
  }
  if (looksBinary(bytes)) {
    return { ok: false, reason: `a binary file, not text: NUL byte at byte offset ${bytes.indexOf(0)}` };
  }
  try {
    return { ok: true, text: decoders['utf-8'].decode(bytes), encoding: 'utf-8' };
  } catch {
    // A UTF-8 file with a few damaged bytes is still mostly valid UTF-8: report the damage, never re-read the
    // whole file as GB18030 (which would accept most of it and turn it into mojibake).
    const scan = scanUtf8(bytes, false);
    if (scan.multibyte <= scan.invalid && looksLikeGb18030(bytes)) {
      try {
        return { ok: true, text: decoders.gb18030.decode(bytes), encoding: 'gb18030' };
      } catch {
        const at = Math.max(0, firstInvalidGb18030(bytes));
        return {
          ok: false,
          reason: `not valid GB18030 (the bytes are not UTF-8 and read as Chinese GB18030/GBK text): invalid byte sequence at byte offset ${at} (${hex(bytes, at, 4)})`,
        };
      }
    }
    const at = scan.firstInvalid;
    return {
      ok: false,
      reason: `not valid UTF-8: invalid byte sequence at byte offset ${at} (${hex(bytes, at, 4)}); save the file as UTF-8`,
    };
  }
}
