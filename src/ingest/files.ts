// The file-system side of reading inputs, shared by the streaming reader: walking directories in a stable
// order, naming errors the way messages show them, and parsing one file's text with its adapter.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Skipped } from '../model/conversation.js';
import { adapters, detectFormat, formatFromExtension } from './index.js';
import type { AdapterResult, IngestOptions, InputFormat } from './types.js';

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

