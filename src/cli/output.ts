import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { HeardError } from './errors.js';

/** Where the report goes: stdout, or --out FILE. Only the CLI touches stdout. */
export interface Output {
  isTTY: boolean;
  write(text: string): void;
  /** Resolves once the output can take more: at once, unless its buffer is full (a slow disk or reader). */
  drained(): Promise<void>;
  close(): Promise<void>;
}

/** Wait while a stream's buffer is full, so results never pile up in memory. */
export async function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** Why a write failed, in words (the system's message names the temporary file, not the one asked for). */
function writeProblem(error: NodeJS.ErrnoException, file: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `no such directory ${dirname(file)}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied in ${dirname(file)}`;
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENOTDIR':
      return `${dirname(file)} is not a directory`;
    case 'EISDIR':
      return 'it is a directory';
    default:
      return error.message;
  }
}

/**
 * stdout. A reader that stops early (`heard … | head`) closes the pipe: the rest of the report has nowhere to go
 * and that is what the user asked for, so EPIPE ends the writing quietly and the run keeps its exit code. Any
 * other write error (a full disk behind `>`) fails the run.
 */
function stdoutOutput(): Output {
  const stdout = process.stdout;
  let closed = false;
  let failure: NodeJS.ErrnoException | undefined;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else failure = error;
  });
  return {
    isTTY: Boolean(stdout.isTTY),
    write: (text) => void (closed || stdout.write(text)),
    // A reader that has gone takes nothing more: the 'drain' that the last write waited for never comes (and
    // process.stdout is never marked destroyed).
    drained: () => (closed ? Promise.resolve() : drained(stdout)),
    close: async () => {
      if (stdout.writableLength && !closed) {
        await new Promise<void>((resolve) => {
          stdout.once('drain', resolve);
          stdout.once('error', () => resolve());
        });
      }
      // Errors of a synchronous write (files, pipes on Linux) are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      if (failure) throw new HeardError(`cannot write the report to stdout: ${writeProblem(failure, 'stdout')}`);
    },
  };
}

/**
 * --out FILE, written to a temporary file beside it and renamed over it once complete: a run that fails
 * half-way (a full disk, a crash, a kill) leaves last night's report in place, never half of tonight's. The
 * rename is atomic within a directory, which is why the temporary file is not in the system's temp directory.
 */
export function openOutput(file: string | undefined): Output {
  if (!file) return stdoutOutput();
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const stream = createWriteStream(temporary, { flags: 'wx' });
  // Settled by the first error (the open may fail at once: no such directory) or by the end of the writing.
  const finished = new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', resolve);
  });
  finished.catch(() => undefined); // awaited in close(); an early failure must not be an unhandled rejection
  return {
    isTTY: false,
    write: (text) => void stream.write(text),
    drained: () => drained(stream),
    close: async () => {
      try {
        stream.end();
        await finished;
        await rename(temporary, file);
      } catch (error) {
        await unlink(temporary).catch(() => undefined); // never created, or already gone
        throw new HeardError(`cannot write ${file}: ${writeProblem(error as NodeJS.ErrnoException, file)}`);
      }
    },
  };
}
