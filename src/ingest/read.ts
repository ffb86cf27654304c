// Read input paths (files, directories, "-" for stdin) into conversations. Never throws for bad input:
// unreadable files, bad encodings and parser failures become Skipped entries; what the reader decided on the
// user's behalf (a file read as GB18030, a speaker assumed to be the agent) becomes a Notice.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation, ParseResult, Skipped } from '../model/conversation.js';
import { decode, ENCODING_NAMES } from './decode.js';
import { adapters, detectFormat, formatFromExtension } from './index.js';
import { applyLimits, limitsOf, MAX_FILE_BYTES } from './limits.js';
import { isDroppedConversation } from './normalise.js';
import type { AdapterResult, IngestOptions, InputFormat, Notice } from './types.js';

export { decode } from './decode.js';

/** The name stdin gets in sources and messages. */
export const STDIN_NAME = '<stdin>';

export function message(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ELOOP') return 'too many levels of symbolic links';
  return e instanceof Error ? e.message : String(err);
}

/** Code-unit order, so the order never depends on the locale or the file system. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Walk {
  files: string[];
  skipped: Skipped[];
  /** Real paths of directories already entered: a symlink back into one of them is a loop. */
  dirs: Set<string>;
}

/** Files with a known extension under a directory (hidden entries and node_modules are left out). */
export async function walk(dir: string, state: Walk): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (err) {
    state.skipped.push({ source: dir, reason: message(err) });
    return;
  }
  if (state.dirs.has(real)) return; // symlink loop, or a directory reached twice
  state.dirs.add(real);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    state.skipped.push({ source: dir, reason: message(err) });
    return;
  }
  for (const name of names.sort(byPath)) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path); // follows symlinks
    } catch (err) {
      state.skipped.push({ source: path, reason: message(err) });
      continue;
    }
    if (info.isDirectory()) await walk(path, state);
    else if (formatFromExtension(path) === undefined) continue;
    else if (info.isFile()) state.files.push(path);
    // A FIFO would block the run forever and a device could be endless: named like a transcript, it is
    // reported rather than read or passed over in silence.
    else state.skipped.push({ source: path, reason: 'not a regular file (a FIFO, socket or device); not read' });
  }
}

async function readStdin(options: IngestOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of options.stdin ?? process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/**
 * Parse one file's text with the chosen adapter; an adapter that throws skips just this file, and a file that
 * yields nothing at all (a JSON `[]`) says so, so that no file passes through a run without a trace.
 */
export function parseContent(text: string, file: string, options: IngestOptions): AdapterResult {
  const format: InputFormat = options.format ?? detectFormat(file, text);
  try {
    const result = adapters[format].parse(text, file, options);
    if (result.conversations.length === 0 && result.skipped.length === 0) {
      return { ...result, skipped: [{ source: file, reason: `no conversation found (read as ${format})` }] };
    }
    return result;
  } catch (err) {
    return { conversations: [], skipped: [{ source: file, reason: `could not parse as ${format}: ${message(err)}` }] };
  }
}

export interface ReadResult extends ParseResult {
  /** Files whose bytes were read and decoded. */
  filesRead: number;
  /**
   * Conversations found: those returned plus those skipped whole because none of their turns was usable.
   * What could not even be told apart as a conversation (a file or line that is not JSON) is only in `skipped`.
   */
  conversationsRead: number;
  notices: Notice[];
}

/**
 * Read every input: files, directories (recursed; files with a known extension, sorted by path) and
 * "-" for stdin.
 */
export async function readInputs(paths: string[], options: IngestOptions = {}): Promise<ReadResult> {
  const conversations: Conversation[] = [];
  const skipped: Skipped[] = [];
  const notices: Notice[] = [];
  let filesRead = 0;
  let conversationsRead = 0;
  const seenFiles = new Set<string>();
  const limits = limitsOf(options);

  const handle = (bytes: Uint8Array, file: string): void => {
    const decoded = decode(bytes);
    if (!decoded.ok) {
      skipped.push({ source: file, reason: decoded.reason });
      return;
    }
    filesRead += 1;
    if (decoded.encoding !== 'utf-8') {
      notices.push({ source: file, message: `read as ${ENCODING_NAMES[decoded.encoding]} (not UTF-8)` });
    }
    if (decoded.text.trim() === '') {
      skipped.push({ source: file, reason: 'empty file' });
      return;
    }
    const result = parseContent(decoded.text, file, options);
    conversationsRead += result.conversations.length + result.skipped.filter(isDroppedConversation).length;
    skipped.push(...result.skipped);
    // Cuts by the limits are listed after the parser's own findings for the file.
    for (const conversation of result.conversations) conversations.push(applyLimits(conversation, limits, skipped));
    notices.push(...(result.notices ?? []));
  };

  const readOne = async (file: string): Promise<void> => {
    try {
      const real = await realpath(file);
      if (seenFiles.has(real)) return; // the same file named twice is read once
      seenFiles.add(real);
    } catch {
      // readFile below reports it
    }
    let bytes: Uint8Array;
    try {
      // The size is checked first: a file too big to decode is reported without reading it into memory.
      const { size } = await stat(file);
      if (size > MAX_FILE_BYTES) {
        skipped.push({ source: file, reason: `file is ${size} bytes, more than the ${MAX_FILE_BYTES} heard reads from one file; split it` });
        return;
      }
      // A file that vanishes or turns unreadable between the listing and here is reported like any other.
      bytes = await readFile(file);
    } catch (err) {
      skipped.push({ source: file, reason: message(err) });
      return;
    }
    handle(bytes, file);
  };

  for (const path of paths) {
    if (path === '-') {
      let bytes: Uint8Array;
      try {
        bytes = await readStdin(options);
      } catch (err) {
        skipped.push({ source: STDIN_NAME, reason: message(err) });
        continue;
      }
      handle(bytes, STDIN_NAME);
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      skipped.push({ source: path, reason: message(err) });
      continue;
    }
    if (info.isDirectory()) {
      const state: Walk = { files: [], skipped: [], dirs: new Set() };
      await walk(path, state);
      skipped.push(...state.skipped);
      for (const file of state.files.sort(byPath)) await readOne(file);
    } else {
      await readOne(path);
    }
  }
  return { conversations, skipped, filesRead, conversationsRead, notices };
}
