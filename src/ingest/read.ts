// Read input paths (files, directories, "-" for stdin) into conversations. Never throws for bad input:
// unreadable files, bad encodings and parser failures become Skipped entries; what the reader decided on the
// user's behalf (a file read as GB18030, a speaker assumed to be the agent) becomes a Notice.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation, ParseResult, Skipped } from '../model/conversation.js';
import { decode, ENCODING_NAMES } from './decode.js';
import { adapters, detectFormat, formatFromExtension } from './index.js';
import type { AdapterResult, IngestOptions, InputFormat, Notice } from './types.js';

export { decode } from './decode.js';

/** The name stdin gets in sources and messages. */
export const STDIN_NAME = '<stdin>';

function message(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ELOOP') return 'too many levels of symbolic links';
  return e instanceof Error ? e.message : String(err);
}

/** Code-unit order, so the order never depends on the locale or the file system. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Walk {
  files: string[];
  skipped: Skipped[];
  /** Real paths of directories already entered: a symlink back into one of them is a loop. */
  dirs: Set<string>;
}

/** Files with a known extension under a directory (hidden entries and node_modules are left out). */
async function walk(dir: string, state: Walk): Promise<void> {
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
    else if (info.isFile() && formatFromExtension(path) !== undefined) state.files.push(path);
  }
}

async function readStdin(options: IngestOptions): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of options.stdin ?? process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}

/** Parse one file's text with the chosen adapter; an adapter that throws skips just this file. */
export function parseContent(text: string, file: string, options: IngestOptions): AdapterResult {
  const format: InputFormat = options.format ?? detectFormat(file, text);
  try {
    return adapters[format].parse(text, file, options);
  } catch (err) {
    return { conversations: [], skipped: [{ source: file, reason: `could not parse as ${format}: ${message(err)}` }] };
  }
}

export interface ReadResult extends ParseResult {
  /** Files whose bytes were read and decoded. */
  filesRead: number;
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
  const seenFiles = new Set<string>();

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
    conversations.push(...result.conversations);
    skipped.push(...result.skipped);
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
  return { conversations, skipped, filesRead, notices };
}
