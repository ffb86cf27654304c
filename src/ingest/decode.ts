// Bytes → text. Encodings are detected, never guessed silently: UTF-8 (BOM or not), UTF-16 LE/BE by their
// byte-order mark, and GB18030/GBK (what Excel on Chinese Windows saves) when the bytes are not UTF-8 and look
// like Chinese double-byte text. Anything else is reported with the byte offset of the first bad sequence.
// Whole buffers (decode) and streams (probeEncoding, then decodeChunks) are judged by the same scanners, which
// can be fed in chunks, so a file read as it streams gets exactly the decision it would get read whole.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };
/** The decision on a stream of bytes, without its text. */
export type Probed = { ok: true; encoding: Encoding } | { ok: false; reason: string };

/** How each encoding is named in messages. */
export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
};

/**
 * One step of a byte scanner: reads the sequence at `bytes[i]` (absolute offset `at`), looking at most 3 bytes
 * past it, and returns its length, or 0 to end the scan there.
 */
type Step = (bytes: Uint8Array, i: number, at: number) => number;

/** Where a scanner found its first bad sequence: the offset and the bytes there, as messages show them. */
interface Fault {
  at: number;
  hex: string;
}

function hex(bytes: Uint8Array, at: number, count: number): string {
  return Array.from(bytes.subarray(at, at + count), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

/**
 * A scanner fed in chunks. A step runs only when the 3 bytes after it have arrived (or the input has ended), so
 * the scan of a chunked input is the scan of the whole: the last bytes of a chunk wait for the next one.
 */
class ByteScan {
  private carry: Uint8Array = new Uint8Array(0);
  private offset = 0; // absolute offset of carry[0]
  private stopped = false;

  constructor(
    private readonly step: Step,
    private readonly from = 0,
  ) {}

  push(chunk: Uint8Array, final = false): void {
    if (this.stopped) return;
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const limit = final ? bytes.length : bytes.length - 3;
    let i = Math.max(0, this.from - this.offset);
    while (i < limit) {
      const length = this.step(bytes, i, this.offset + i);
      if (length === 0) {
        this.stopped = true;
        return;
      }
      i += length;
    }
    i = Math.min(i, bytes.length);
    this.carry = bytes.slice(i);
    this.offset += i;
  }
}

/** Scan a whole buffer. */
function scanAll(step: Step, bytes: Uint8Array, from = 0): void {
  new ByteScan(step, from).push(bytes, true);
}

interface Utf8Scan {
  firstInvalid: number;
  /** The bytes at firstInvalid, for the message. */
  hex: string;
  /** Valid sequences of two bytes or more. */
  multibyte: number;
  /** Invalid sequences (after each, the scan resumes at the next byte). */
  invalid: number;
}

function utf8Step(out: Utf8Scan, stopAtFirst: boolean): Step {
  return (bytes, i, at) => {
    const n = bytes.length;
    const cont = (j: number, lo = 0x80, hi = 0xbf): boolean => j < n && bytes[j]! >= lo && bytes[j]! <= hi;
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
      if (out.firstInvalid < 0) {
        out.firstInvalid = at;
        out.hex = hex(bytes, i, 4);
      }
      out.invalid += 1;
      return stopAtFirst ? 0 : 1;
    }
    if (len > 1) out.multibyte += 1;
    return len;
  };
}

const newUtf8Scan = (): Utf8Scan => ({ firstInvalid: -1, hex: '', multibyte: 0, invalid: 0 });

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const out = newUtf8Scan();
  scanAll(utf8Step(out, true), bytes);
  return out.firstInvalid;
}

/** Finds the first unpaired surrogate (or the odd last byte) in UTF-16 code units after the BOM. */
function utf16Step(fault: Fault, littleEndian: boolean): Step {
  return (bytes, i, at) => {
    const unit = (j: number): number => (littleEndian ? bytes[j]! | (bytes[j + 1]! << 8) : (bytes[j]! << 8) | bytes[j + 1]!);
    const bad = (): number => {
      fault.at = at;
      fault.hex = hex(bytes, i, 4);
      return 0;
    };
    if (i + 1 >= bytes.length) return bad();
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return bad();
      const next = unit(i + 2);
      return next < 0xdc00 || next > 0xdfff ? bad() : 4;
    }
    return u >= 0xdc00 && u <= 0xdfff ? bad() : 2;
  };
}

const noFault = (): Fault => ({ at: -1, hex: '' });

/** Byte offset of the first unpaired surrogate (or the odd last byte) in UTF-16 code units after the BOM, or -1. */
export function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const fault = noFault();
  scanAll(utf16Step(fault, littleEndian), bytes, 2);
  return fault.at;
}

interface GbCounts {
  highTrail: number;
  lowTrail: number;
  invalid: number;
}

/**
 * Do bytes that are not UTF-8 read as Chinese GB18030/GBK text? In GBK Chinese text almost every lead byte
 * (0x81-0xFE) is followed by a trail byte that is also high (0xA1-0xFE for the common GB2312 characters); in a
 * Latin-1 or Windows-1252 file, the high bytes are accented letters mostly followed by ASCII letters, which
 * GBK would also accept as (rare) characters. So the double-byte pairs with a high trail byte must outnumber
 * four to one both the pairs with an ASCII trail byte and the bytes that are not GB18030 at all (a damaged
 * GB18030 file is still reported as one, at the damaged byte).
 */
function gbCountStep(counts: GbCounts): Step {
  return (bytes, i) => {
    const b = bytes[i]!;
    const next = bytes[i + 1] ?? 0;
    if (b < 0x80) return 1;
    if (b === 0x80 || b === 0xff || next < 0x30 || (next > 0x39 && next < 0x40) || next === 0x7f || next === 0xff) {
      counts.invalid += 1;
      return 1;
    }
    if (next <= 0x39) return 4; // a four-byte GB18030 sequence
    if (next >= 0x80) counts.highTrail += 1;
    else counts.lowTrail += 1;
    return 2;
  };
}

function looksLikeGb18030(counts: GbCounts): boolean {
  return counts.highTrail > 0 && counts.highTrail >= 4 * counts.lowTrail && counts.highTrail >= 4 * counts.invalid;
}

/** Finds the first sequence that is not well-formed GB18030 (one, two or four bytes). */
function gbFaultStep(fault: Fault): Step {
  return (bytes, i, at) => {
    const inRange = (j: number, lo: number, hi: number): boolean => j < bytes.length && bytes[j]! >= lo && bytes[j]! <= hi;
    const bad = (): number => {
      fault.at = at;
      fault.hex = hex(bytes, i, 4);
      return 0;
    };
    const b = bytes[i]!;
    if (b < 0x80) return 1;
    if (b === 0x80 || b === 0xff) return bad();
    if (inRange(i + 1, 0x30, 0x39)) return inRange(i + 2, 0x81, 0xfe) && inRange(i + 3, 0x30, 0x39) ? 4 : bad();
    return inRange(i + 1, 0x40, 0x7e) || inRange(i + 1, 0x80, 0xfe) ? 2 : bad();
  };
}

/** Byte offset of the first sequence that is not well-formed GB18030 (one, two or four bytes), or -1. */
export function firstInvalidGb18030(bytes: Uint8Array): number {
  const fault = noFault();
  scanAll(gbFaultStep(fault), bytes);
  return fault.at;
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

/** Bytes the first decisions look at: the byte-order mark, UTF-16 without one (512), a NUL (8 KB). */
export const SNIFF_BYTES = 8192;

/** A NUL byte in the first 8 KB: no text encoding heard reads has one (UTF-16 was ruled out before). */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

type Decoder = InstanceType<typeof TextDecoder>;

const fatal = (encoding: Encoding): Decoder => new TextDecoder(encoding, { fatal: true, ignoreBOM: false });

// With ignoreBOM false the decoders drop a leading byte-order mark.
const decoders = {
  'utf-8': fatal('utf-8'),
  'utf-16le': fatal('utf-16le'),
  'utf-16be': fatal('utf-16be'),
  gb18030: fatal('gb18030'),
};

/**
 * What the first bytes decide (at least SNIFF_BYTES of them, or all there are): UTF-16 by its byte-order mark,
 * a refusal (UTF-16 without one, binary), or UTF-8 to be tried.
 */
function byHead(head: Uint8Array): Probed {
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, encoding: 'utf-16be' };
  if (looksLikeBomlessUtf16(head)) {
    return { ok: false, reason: 'looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)' };
  }
  if (looksBinary(head)) return { ok: false, reason: `a binary file, not text: NUL byte at byte offset ${head.indexOf(0)}` };
  return { ok: true, encoding: 'utf-8' };
}

function utf16Failure(encoding: Encoding, fault: Fault): string {
  return `not valid ${ENCODING_NAMES[encoding]} (as its byte-order mark says it is): invalid sequence at byte offset ${fault.at} (${fault.hex})`;
}

/** What failed UTF-8 bytes are, once all were scanned: GB18030 (maybe damaged), or damaged UTF-8. */
interface Utf8Failure {
  utf8: Utf8Scan;
  gb: GbCounts;
  /** The first bytes that are not GB18030 (the decoder is stricter than this scan: it may refuse others). */
  gbFault: Fault;
  /** The first 4 bytes, which the message shows when the scan found nothing the decoder refused. */
  head: Buffer;
}

/** The decision on bytes that are not UTF-8; `gbValid` says whether they decode as GB18030 (asked only if it matters). */
function afterUtf8Failure(f: Utf8Failure, gbValid: () => boolean): Probed {
  // A UTF-8 file with a few damaged bytes is still mostly valid UTF-8: report the damage, never re-read the
  // whole file as GB18030 (which would accept most of it and turn it into mojibake).
  if (f.utf8.multibyte <= f.utf8.invalid && looksLikeGb18030(f.gb)) {
    if (gbValid()) return { ok: true, encoding: 'gb18030' };
    const at = Math.max(0, f.gbFault.at);
    return {
      ok: false,
      reason: `not valid GB18030 (the bytes are not UTF-8 and read as Chinese GB18030/GBK text): invalid byte sequence at byte offset ${at} (${f.gbFault.at < 0 ? hex(f.head, 0, 4) : f.gbFault.hex})`,
    };
  }
  return {
    ok: false,
    reason: `not valid UTF-8: invalid byte sequence at byte offset ${f.utf8.firstInvalid} (${f.utf8.hex}); save the file as UTF-8`,
  };
}

/** Scans the bytes that failed as UTF-8 for afterUtf8Failure, fed in chunks; with `checkGb`, decodes them as GB18030 too. */
class Utf8FailureScan {
  readonly result: Utf8Failure;
  gbValid = true;
  private readonly scans: ByteScan[];
  private readonly gbDecoder: Decoder | undefined;

  constructor(checkGb: boolean) {
    this.result = { utf8: newUtf8Scan(), gb: { highTrail: 0, lowTrail: 0, invalid: 0 }, gbFault: noFault(), head: Buffer.alloc(0) };
    this.scans = [new ByteScan(utf8Step(this.result.utf8, false)), new ByteScan(gbCountStep(this.result.gb)), new ByteScan(gbFaultStep(this.result.gbFault))];
    if (checkGb) this.gbDecoder = fatal('gb18030');
  }

  push(chunk: Uint8Array, final = false): void {
    if (this.result.head.length < 4) this.result.head = Buffer.concat([this.result.head, chunk.subarray(0, 4)]).subarray(0, 4);
    for (const scan of this.scans) scan.push(chunk, final);
    if (!this.gbDecoder || !this.gbValid) return;
    try {
      this.gbDecoder.decode(chunk, { stream: !final });
    } catch {
      this.gbValid = false;
    }
  }
}

/**
 * Decode a file's bytes: UTF-16 by its byte-order mark, else UTF-8, else GB18030 when the bytes read as
 * Chinese double-byte text. `encoding` says which was used, so the caller can tell the user when it was not UTF-8.
 */
export function decode(bytes: Uint8Array): Decoded {
  const head = byHead(bytes);
  if (!head.ok) return head;
  if (head.encoding !== 'utf-8') {
    try {
      return { ok: true, text: decoders[head.encoding].decode(bytes), encoding: head.encoding };
    } catch {
      const fault = noFault();
      scanAll(utf16Step(fault, head.encoding === 'utf-16le'), bytes, 2);
      return { ok: false, reason: utf16Failure(head.encoding, fault) };
    }
  }
  try {
    return { ok: true, text: decoders['utf-8'].decode(bytes), encoding: 'utf-8' };
  } catch {
    const scan = new Utf8FailureScan(false);
    scan.push(bytes, true);
    let text = '';
    const probed = afterUtf8Failure(scan.result, () => {
      try {
        text = decoders.gb18030.decode(bytes);
        return true;
      } catch {
        return false;
      }
    });
    return probed.ok ? { ok: true, text, encoding: 'gb18030' } : probed;
  }
}

/** A source of bytes that can be read from its start again (a file, or stdin spooled to one). */
export type ReopenableBytes = () => AsyncIterable<Uint8Array>;

/**
 * The encoding of a stream of bytes, decided exactly as decode() decides for the same bytes whole: the head
 * decides UTF-16 (by its BOM), UTF-16 without one and binary; then the whole stream must decode. Bytes that are
 * not UTF-8 are read a second time to weigh them as GB18030 (or to find the first bad one). Memory stays that
 * of a chunk.
 */
export async function probeEncoding(open: ReopenableBytes): Promise<Probed> {
  let verdict: Probed | undefined;
  let decoder: Decoder | undefined;
  let head = Buffer.alloc(0);
  let failed = false;
  const feed = (chunk: Uint8Array, final: boolean): void => {
    if (!decoder) return;
    try {
      decoder.decode(chunk, { stream: !final });
    } catch {
      failed = true;
      decoder = undefined;
    }
  };
  for await (const chunk of open()) {
    if (verdict === undefined) {
      head = Buffer.concat([head, chunk]);
      if (head.length < SNIFF_BYTES) continue;
      verdict = byHead(head);
      if (!verdict.ok) return verdict;
      decoder = fatal(verdict.encoding);
      feed(head, false);
    } else if (decoder) {
      feed(chunk, false);
    } else break; // failed: the rest is scanned below
  }
  if (verdict === undefined) {
    verdict = byHead(head);
    if (!verdict.ok) return verdict;
    decoder = fatal(verdict.encoding);
    feed(head, false);
  }
  feed(new Uint8Array(0), true);
  if (!failed || !verdict.ok) return verdict;
  const encoding = verdict.encoding;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const fault = noFault();
    const scan = new ByteScan(utf16Step(fault, encoding === 'utf-16le'), 2);
    for await (const chunk of open()) scan.push(chunk);
    scan.push(new Uint8Array(0), true);
    return { ok: false, reason: utf16Failure(encoding, fault) };
  }
  const scan = new Utf8FailureScan(true);
  for await (const chunk of open()) scan.push(chunk);
  scan.push(new Uint8Array(0), true);
  return afterUtf8Failure(scan.result, () => scan.gbValid);
}

/** Decoded text of a byte stream whose encoding is known, chunk by chunk: a character split between chunks is whole. */
export async function* decodeChunks(source: AsyncIterable<Uint8Array>, encoding: Encoding): AsyncGenerator<string> {
  const decoder = fatal(encoding);
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
