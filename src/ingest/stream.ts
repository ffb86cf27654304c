// Inputs as a stream of events, so that a run never holds a large file whole: heard analyze reads through this.
// Line-oriented input — JSONL files and JSONL on stdin — is decoded and parsed line by line as the bytes arrive.
// CSV/TSV is read as a stream too, in passes over the file (csv.ts, streamCsv): its encoding is decided first
// (decode.ts, probeEncoding), then its rows are grouped into conversations, each handed on when its last row
// is read; CSV on stdin is spooled to a temporary file first, so it can be read more than once. Every other
// format (a JSON document, vendor JSON, captions, plain text) is read whole, one file at a time, up to
// MAX_FILE_BYTES. The events come in input order and carry what readInputs returns: conversations (within the
// limits), skipped items with their file:line, and notices.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Conversation, Skipped } from '../model/conversation.js';
import { delimiterFor, streamCsv, lfChunks } from './csv.js';
import { decode, decodeChunks, ENCODING_NAMES, firstInvalidUtf8, probeEncoding } from './decode.js';
import type { Encoding } from './decode.js';
import { detectFormat, formatFromExtension } from './index.js';
import { conversationFrom } from './json.js';
import { applyLimits, limitsOf, MAX_FILE_BYTES } from './limits.js';
import type { Limits } from './limits.js';
import { isDroppedConversation } from './normalise.js';
import { byPath, message, parseContent, STDIN_NAME, walk } from './files.js';
import type { Walk } from './files.js';
import type { IngestOptions, Notice } from './types.js';
import { parseJsonText } from './values.js';

export type InputEvent =
  | { kind: 'conversation'; conversation: Conversation }
  | { kind: 'skipped'; item: Skipped }
  | { kind: 'notice'; notice: Notice }
  /** A file (or stdin) is about to be read; `size` in bytes when known (progress). */
  | { kind: 'file'; file: string; size?: number };

/** What readInputs counts besides the items themselves, filled in as the stream is read. */
export interface StreamTotals {
  /** Files whose bytes were read and decoded. */
  filesRead: number;
  /** Conversations found (analysed ones plus those skipped whole), as ReadResult.conversationsRead. */
  conversationsRead: number;
  /** Files listed to be read, and their bytes: known once every path has been listed (progress, ETA). */
  filesListed: number;
  bytesListed: number;
  /** Bytes read so far (progress). */
  bytesRead?: number;
}

/** How much of a file is looked at to decide whether it is JSONL. */
const HEAD_BYTES = 64 * 1024;
/** One JSONL line longer than this is reported and passed over (it would be a conversation of ~100,000 turns). */
export const MAX_LINE_BYTES = MAX_FILE_BYTES;

/**
 * Is this text (the head of a source) JSONL that can be read line by line with the same result as reading it
 * whole? heard's JSON in a .jsonl/.ndjson file, or JSON whose first line is a complete object with more after it.
 */
function isJsonl(file: string, head: string, options: IngestOptions): boolean {
  const format = options.format ?? detectFormat(file, head);
  if (format !== 'json') return false;
  if (/\.(?:jsonl|ndjson)$/i.test(file)) return true;
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const newline = text.search(/\r?\n/);
  if (newline < 0 || text.startsWith('[')) return false;
  const first = text.slice(0, newline).trim();
  return first.endsWith('}') && parseJsonText(first).ok;
}

/** The first bytes of a chunked source, and the rest still to come. */
async function peek(source: AsyncIterator<Uint8Array>): Promise<{ head: Buffer; done: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < HEAD_BYTES) {
    const next = await source.next();
    if (next.done) return { head: Buffer.concat(chunks), done: true };
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
    // Enough to decide once a line has ended (a live stream may send no more until it sees results).
    if (chunk.includes(0x0a)) break;
  }
  return { head: Buffer.concat(chunks), done: false };
}

/** Can the head be decoded as it streams? Only plain UTF-8 text is; anything else is read whole by decode(). */
function streamableUtf8(head: Buffer): boolean {
  if (head.length < 2 || head.includes(0)) return false;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  // The head may end inside a character: only the complete part must be valid.
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back]!;
    if (b >= 0xc0) {
      end -= back;
      break;
    }
    if (b < 0x80) break;
  }
  return firstInvalidUtf8(head.subarray(0, end)) < 0;
}

/** Chunks already read (`head`), then the rest of the source they were read from, as one stream of chunks. */
export async function* headThenRest<T>(head: T[], rest?: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  if (rest) for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* chunksOf(iterable: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of iterable) yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

type ListedItem = { kind: 'stdin' } | { kind: 'file'; file: string; size?: number } | { kind: 'skipped'; item: Skipped };

/** What the paths name, listed before anything is read: the files (directories walked) and their total size. */
export interface InputListing {
  items: ListedItem[];
  /** The listed files' bytes (stdin not included). */
  bytes: number;
  /** "-" is among the paths. */
  stdin: boolean;
}

/** The inputs `paths` name: files, directories (recursed; files with a known extension, sorted by path), "-". */
export async function listInputs(paths: string[]): Promise<InputListing> {
  const items: ListedItem[] = [];
  for (const path of paths) {
    if (path === '-') {
      items.push({ kind: 'stdin' });
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      items.push({ kind: 'skipped', item: { source: path, reason: message(err) } });
      continue;
    }
    if (info.isDirectory()) {
      const state: Walk = { files: [], skipped: [], dirs: new Set() };
      await walk(path, state);
      for (const item of state.skipped) items.push({ kind: 'skipped', item });
      for (const file of state.files.sort(byPath)) items.push({ kind: 'file', file });
    } else {
      items.push({ kind: 'file', file: path, size: info.isFile() ? info.size : undefined });
    }
  }
  let bytes = 0;
  for (const item of items) {
    if (item.kind !== 'file') continue;
    if (item.size === undefined) {
      try {
        item.size = (await stat(item.file)).size;
      } catch {
        // reported when it is read
      }
    }
    bytes += item.size ?? 0;
  }
  return { items, bytes, stdin: items.some((item) => item.kind === 'stdin') };
}

/**
 * Every input as events, in the order given (`paths`, or their listing from listInputs). `totals` is filled in
 * as the reading goes.
 */
export async function* streamInputs(
  paths: string[] | InputListing,
  options: IngestOptions = {},
  totals?: StreamTotals,
): AsyncGenerator<InputEvent> {
  const count: StreamTotals = totals ?? { filesRead: 0, conversationsRead: 0, filesListed: 0, bytesListed: 0 };
  const limits = limitsOf(options);
  const seenFiles = new Set<string>();

  // Paths are listed first, so progress knows the total.
  const { items, bytes } = Array.isArray(paths) ? await listInputs(paths) : paths;
  count.filesListed += items.filter((item) => item.kind === 'file').length;
  count.bytesListed += bytes;

  for (const item of items) {
    if (item.kind === 'skipped') {
      yield { kind: 'skipped', item: item.item };
      continue;
    }
    if (item.kind === 'stdin') {
      yield { kind: 'file', file: STDIN_NAME };
      yield* readSource(STDIN_NAME, chunksOf(options.stdin ?? process.stdin), undefined, options, limits, count);
      continue;
    }
    const { file } = item;
    try {
      const real = await realpath(file);
      if (seenFiles.has(real)) continue; // the same file named twice is read once
      seenFiles.add(real);
    } catch {
      // reported below
    }
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (err) {
      yield { kind: 'skipped', item: { source: file, reason: message(err) } };
      continue;
    }
    yield { kind: 'file', file, size };
    const jsonlByName = /\.(?:jsonl|ndjson)$/i.test(file) && (options.format === undefined || options.format === 'json');
    const ext = formatFromExtension(file);
    const mayBeCsv = options.format === 'csv' || (options.format === undefined && (ext === 'csv' || ext === undefined));
    // Only a file that may be JSONL or CSV is opened as a stream; the rest keep the whole-file size guard.
    if (!jsonlByName && !mayBeCsv && size > MAX_FILE_BYTES && ext !== 'json') {
      yield { kind: 'skipped', item: { source: file, reason: tooLarge(size) } };
      continue;
    }
    const open = (): AsyncIterable<Uint8Array> => createReadStream(file, { highWaterMark: HEAD_BYTES }) as AsyncIterable<Uint8Array>;
    // A file that vanishes or turns unreadable between the listing and here is reported like any other.
    yield* readSource(file, open(), size, options, limits, count, open);
  }
}

function tooLarge(size: number | undefined): string {
  return `file is ${size ?? `more than ${MAX_FILE_BYTES}`} bytes, more than the ${MAX_FILE_BYTES} heard reads from one file; split it`;
}

/**
 * One source (a file or stdin): JSONL line by line, CSV in passes over the file (stdin spooled to one), anything
 * else whole. `reopen` reads a file again from its start; stdin has none.
 */
async function* readSource(
  file: string,
  source: AsyncIterable<Uint8Array>,
  size: number | undefined,
  options: IngestOptions,
  limits: Limits,
  count: StreamTotals,
  reopen?: () => AsyncIterable<Uint8Array>,
): AsyncGenerator<InputEvent> {
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      count.bytesRead = (count.bytesRead ?? 0) + chunk.length;
      yield chunk;
    }
  };
  const iterator = counted()[Symbol.asyncIterator]();
  let head: Buffer;
  let done: boolean;
  try {
    ({ head, done } = await peek(iterator));
  } catch (err) {
    yield { kind: 'skipped', item: { source: file, reason: message(err) } };
    return;
  }
  if (streamableUtf8(head) && isJsonl(file, new TextDecoder().decode(head.subarray(0, Math.min(head.length, HEAD_BYTES))), options)) {
    yield* readJsonl(file, head, done ? undefined : iterator, options, limits, count);
    return;
  }
  const chunks = [head];
  let total = head.length;
  try {
    // stdin's head may be a few bytes: as much as a file's is read before deciding (it is not JSONL, so it
    // would be read whole anyway).
    while (!done && !reopen && total < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) done = true;
      else {
        chunks.push(Buffer.from(next.value));
        total += next.value.length;
      }
    }
  } catch (err) {
    yield { kind: 'skipped', item: { source: file, reason: message(err) } };
    return;
  }
  if (isCsv(file, chunks.length === 1 ? head : Buffer.concat(chunks), done, options)) {
    if (reopen) {
      await iterator.return?.(undefined);
      count.bytesRead = (count.bytesRead ?? 0) - total; // counted again as the file is grouped
      yield* readCsv(file, reopen, options, limits, count);
    } else {
      yield* spooled(file, chunks, done ? undefined : iterator, options, limits, count);
    }
    return;
  }
  // Whole: the bytes of one file, with the size guard.
  try {
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      total += next.value.length;
      if (total > MAX_FILE_BYTES) {
        await iterator.return?.(undefined);
        yield { kind: 'skipped', item: { source: file, reason: tooLarge(size) } };
        return;
      }
      chunks.push(Buffer.from(next.value));
    }
  } catch (err) {
    yield { kind: 'skipped', item: { source: file, reason: message(err) } };
    return;
  }
  yield* readWhole(Buffer.concat(chunks), file, options, limits, count);
}

/** The head's text for format detection, in the encoding it shows (decided for good by probeEncoding). */
function headText(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  return new TextDecoder(streamableUtf8(head) ? 'utf-8' : 'gb18030').decode(head);
}

/**
 * Is this source CSV, as detectFormat would say of its whole text? The head decides when it can: what detection
 * reads of a CSV is the start (no JSON bracket, no WEBVTT or SRT cue) and the extension, or else the first line
 * that is not blank, which must then be whole in the head. When in doubt the source is read whole.
 */
function isCsv(file: string, head: Buffer, complete: boolean, options: IngestOptions): boolean {
  if (options.format !== undefined) return options.format === 'csv';
  const text = headText(head);
  if (/^\uFEFF?\s*[[{]/.test(text) || (!complete && text.trim() === '')) return false;
  if (detectFormat(file, text) !== 'csv') return false;
  return formatFromExtension(file) === 'csv' || complete || /\S[^\r\n]*[\r\n]/.test(text);
}

/** stdin's CSV, written to a temporary file (removed after) so that it can be read in passes like a file. */
async function* spooled(
  file: string,
  head: Buffer[],
  rest: AsyncIterator<Uint8Array> | undefined,
  options: IngestOptions,
  limits: Limits,
  count: StreamTotals,
): AsyncGenerator<InputEvent> {
  let dir: string | undefined;
  try {
    let path: string;
    try {
      dir = await mkdtemp(join(tmpdir(), 'heard-stdin-'));
      path = join(dir, 'stdin.csv');
      await pipeline(Readable.from(headThenRest(head, rest)), createWriteStream(path));
    } catch (err) {
      yield { kind: 'skipped', item: { source: file, reason: `could not be spooled to a temporary file to be read as CSV: ${message(err)}` } };
      return;
    }
    yield* readCsv(file, () => createReadStream(path, { highWaterMark: HEAD_BYTES }) as AsyncIterable<Uint8Array>, options, limits, count, false);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A CSV source that can be read again from its start: its encoding decided on all its bytes (probeEncoding), the
 * start of its text (the delimiter, and whether there is any text at all), then the passes of streamCsv, as
 * readWhole would have read the whole text with parseCsv (but each conversation handed on when its last row is read).
 */
async function* readCsv(
  file: string,
  reopen: () => AsyncIterable<Uint8Array>,
  options: IngestOptions,
  limits: Limits,
  count: StreamTotals,
  countBytes = true,
): AsyncGenerator<InputEvent> {
  let encoding: Encoding;
  let start: { delimiter: string; blank: boolean };
  const text = (encoding: Encoding, counting: boolean): AsyncIterable<string> => {
    const bytes = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of reopen()) {
        if (counting) count.bytesRead = (count.bytesRead ?? 0) + chunk.length;
        yield chunk;
      }
    };
    return lfChunks(decodeChunks(bytes(), encoding));
  };
  try {
    const probed = await probeEncoding(reopen);
    if (!probed.ok) {
      yield { kind: 'skipped', item: { source: file, reason: probed.reason } };
      return;
    }
    encoding = probed.encoding;
    start = await textStart(text(encoding, false), file);
  } catch (err) {
    yield { kind: 'skipped', item: { source: file, reason: message(err) } };
    return;
  }
  count.filesRead += 1;
  const notices: Notice[] = [];
  if (encoding !== 'utf-8') notices.push({ source: file, message: `read as ${ENCODING_NAMES[encoding]} (not UTF-8)` });
  if (start.blank) {
    yield { kind: 'skipped', item: { source: file, reason: 'empty file' } };
  } else {
    try {
      for await (const event of streamCsv((pass) => text(encoding, countBytes && pass === 'group'), file, start.delimiter, options)) {
        if (event.kind === 'skipped') {
          if (isDroppedConversation(event.item)) count.conversationsRead += 1;
          yield event;
        } else {
          count.conversationsRead += 1;
          yield* withinLimits(event.conversation, limits);
        }
      }
    } catch (err) {
      // A file that turns unreadable is named as such; anything else is a fault of the parsing (parseContent's words).
      const io = typeof (err as NodeJS.ErrnoException)?.code === 'string' && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!);
      yield { kind: 'skipped', item: { source: file, reason: io ? message(err) : `could not parse as csv: ${message(err)}` } };
    }
  }
  for (const notice of notices) yield { kind: 'notice', notice };
}

/**
 * The start of a text: its delimiter, decided from its first line as parseCsv decides it (csv.ts, delimiterFor:
 * only which of tab, semicolon and comma the line holds counts), and whether the text is blank. Reads no further
 * than the first line and the first character that is not white space.
 */
async function textStart(text: AsyncIterable<string>, file: string): Promise<{ delimiter: string; blank: boolean }> {
  let blank = true;
  let lineDone = false;
  let seen = '';
  for await (const chunk of text) {
    if (!lineDone) {
      const nl = chunk.indexOf('\n');
      const part = nl < 0 ? chunk : chunk.slice(0, nl);
      for (const c of ['\t', ';', ',']) if (!seen.includes(c) && part.includes(c)) seen += c;
      lineDone = nl >= 0;
    }
    if (blank && /\S/.test(chunk)) blank = false;
    if (lineDone && !blank) break;
  }
  return { delimiter: delimiterFor(file, seen), blank };
}

/** readInputs's handling of one file's bytes, as events in the order readInputs lists them. */
function* readWhole(bytes: Uint8Array, file: string, options: IngestOptions, limits: Limits, count: StreamTotals): Generator<InputEvent> {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    yield { kind: 'skipped', item: { source: file, reason: decoded.reason } };
    return;
  }
  count.filesRead += 1;
  const notices: Notice[] = [];
  if (decoded.encoding !== 'utf-8') notices.push({ source: file, message: `read as ${ENCODING_NAMES[decoded.encoding]} (not UTF-8)` });
  if (decoded.text.trim() === '') {
    yield { kind: 'skipped', item: { source: file, reason: 'empty file' } };
    for (const notice of notices) yield { kind: 'notice', notice };
    return;
  }
  const result = parseContent(decoded.text, file, options);
  count.conversationsRead += result.conversations.length + result.skipped.filter(isDroppedConversation).length;
  for (const item of result.skipped) yield { kind: 'skipped', item };
  for (const conversation of result.conversations) yield* withinLimits(conversation, limits);
  for (const notice of [...notices, ...(result.notices ?? [])]) yield { kind: 'notice', notice };
}

function* withinLimits(conversation: Conversation, limits: Limits): Generator<InputEvent> {
  const cuts: Skipped[] = [];
  const kept = applyLimits(conversation, limits, cuts);
  for (const item of cuts) yield { kind: 'skipped', item };
  yield { kind: 'conversation', conversation: kept };
}

/**
 * heard's JSONL, one conversation per line, as the bytes arrive: each line is read exactly as parseJson reads a
 * line of a JSONL file. A file of a single line is read whole (it may be a `{"conversations": [...]}` document).
 */
async function* readJsonl(
  file: string,
  head: Buffer,
  rest: AsyncIterator<Uint8Array> | undefined,
  options: IngestOptions,
  limits: Limits,
  count: StreamTotals,
): AsyncGenerator<InputEvent> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending = '';
  let lineNo = 0;
  let offset = 0; // bytes decoded so far
  let dropping = false; // inside a line too long to keep
  let first: { text: string; line: number } | undefined; // held until a second line shows the file is not one line
  let lines = 0;
  let found = 0;
  let skippedAny = false;
  count.filesRead += 1;

  const readLine = function* (text: string, line: number): Generator<InputEvent> {
    if (text.trim() === '') return;
    const where = `${file}:${line}`;
    const parsed = parseJsonText(text);
    const skipped: Skipped[] = [];
    let conversation: Conversation | undefined;
    if (!parsed.ok) skipped.push({ source: where, reason: `${parsed.reason}; expected one conversation object per line` });
    else conversation = conversationFrom(parsed.value, { file, line, record: line }, where, options, skipped);
    found += (conversation ? 1 : 0) + skipped.filter(isDroppedConversation).length;
    count.conversationsRead += (conversation ? 1 : 0) + skipped.filter(isDroppedConversation).length;
    if (skipped.length) skippedAny = true;
    for (const item of skipped) yield { kind: 'skipped', item };
    if (conversation) yield* withinLimits(conversation, limits);
  };

  const onLine = function* (text: string): Generator<InputEvent> {
    lineNo += 1;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (lineNo === 1) text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') return;
    lines += 1;
    if (lines === 1) {
      first = { text, line: lineNo };
      return;
    }
    if (first) {
      yield* readLine(first.text, first.line);
      first = undefined;
    }
    yield* readLine(text, lineNo);
  };

  const feed = function* (bytes: Uint8Array, final: boolean): Generator<InputEvent> {
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !final });
    } catch {
      const at = offset + Math.max(0, firstInvalidUtf8(bytes));
      throw new StreamDecodeError(`not valid UTF-8: invalid byte sequence at byte offset ${at}; save the file as UTF-8 (the lines before it were read, the rest of the file was not)`);
    }
    offset += bytes.length;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      start = nl + 1;
      if (dropping) {
        dropping = false;
        lineNo += 1;
        continue;
      }
      yield* onLine(pending + piece);
      pending = '';
    }
    if (!dropping) pending += text.slice(start);
    if (pending.length > MAX_LINE_BYTES) {
      yield { kind: 'skipped', item: { source: `${file}:${lineNo + 1}`, reason: `line is longer than ${MAX_LINE_BYTES} characters; not read` } };
      skippedAny = true;
      pending = '';
      dropping = true;
    }
    if (final && !dropping && pending !== '') {
      yield* onLine(pending);
      pending = '';
    }
  };

  try {
    yield* feed(head, rest === undefined);
    if (rest) {
      for (;;) {
        const next = await rest.next();
        if (next.done) break;
        yield* feed(next.value, false);
      }
      yield* feed(new Uint8Array(0), true);
    }
  } catch (err) {
    yield { kind: 'skipped', item: { source: file, reason: err instanceof StreamDecodeError ? err.message : message(err) } };
    return;
  }
  if (first) {
    // One line: the whole-file reading decides (a single object, an array, {"conversations": [...]}).
    count.filesRead -= 1;
    yield* readWhole(Buffer.from(first.text, 'utf8'), file, options, limits, count);
    return;
  }
  if (lines === 0) yield { kind: 'skipped', item: { source: file, reason: 'empty file' } };
  else if (found === 0 && !skippedAny) yield { kind: 'skipped', item: { source: file, reason: 'no conversation found (read as json)' } };
}

class StreamDecodeError extends Error {}
