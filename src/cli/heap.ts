// The heap, capped on large inputs. V8 lets a heap grow before collecting by a factor that its heap controller
// allows to be larger the larger the heap's maximum, which V8 sets from the machine's memory. Measured on a 300 MB
// corpus with two jobs: the main thread held 47 MB live in 220 MB of heap, peak RSS 429 MB; with a 1,024 MB
// cap, 269 MB (with 256 MB, 270 MB). The flag caps every thread (it overrides the workers' own
// caps), and still leaves room for a conversation of 40 MB of text (721 MB). A heap's maximum is fixed when the
// process starts, so on a large input heard starts itself again with the flag.
import { spawn } from 'node:child_process';
import { fstatSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { Readable } from 'node:stream';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { headThenRest } from '../ingest/stream.js';
import type { InputListing } from '../ingest/stream.js';
import { EXIT } from './errors.js';

const HEAP_MB = 1024;
/**
 * Below this, the heap never grows far enough to matter, and starting again would (measured: 0.2 s more on a
 * small file, 0.53 → 0.75 s). HEARD_LARGE_INPUT_MB changes it.
 */
const LARGE_INPUT_BYTES = (Number(process.env.HEARD_LARGE_INPUT_MB) || 64) * 1024 * 1024;
/**
 * A pipe is read this far before deciding: what ends sooner is analysed here. Less than a large input, because
 * this process holds it, on top of its own memory, until the capped run has read it.
 */
const PIPE_AHEAD_BYTES = LARGE_INPUT_BYTES / 4;

type Stdin = AsyncIterator<Uint8Array | string>;

/** What to do about the heap: go on here (with stdin's first bytes, when they were read ahead), or the exit code
 * of the run that started again with the cap. */
export type HeapDecision = { exitCode: number } | { stdin?: AsyncIterable<Uint8Array | string> };

/**
 * Start again with the heap capped when the input is large and nothing caps the heap yet (neither an earlier
 * start nor the user's own --max-old-space-size). A pipe's size is unknown: its first bytes are read ahead, and
 * if it goes on past them this process hands them, and the rest as it comes, to the capped one.
 */
export async function capHeap(listing: InputListing): Promise<HeapDecision> {
  if (getHeapStatistics().heap_size_limit <= 2 * HEAP_MB * 1024 * 1024) return {};
  const piped = listing.stdin ? stdinKind() : 'none';
  if (piped === 'pipe') {
    const reader: Stdin = process.stdin[Symbol.asyncIterator]();
    const head: (Uint8Array | string)[] = [];
    let bytes = 0;
    while (bytes < PIPE_AHEAD_BYTES) {
      const next = await reader.next();
      if (next.done) return { stdin: headThenRest(head) }; // all of it: analysed here
      head.push(next.value);
      bytes += next.value.length;
    }
    return { exitCode: await runCapped(head, reader) };
  }
  const fromFile = typeof piped === 'number' ? piped : 0;
  return listing.bytes + fromFile >= LARGE_INPUT_BYTES ? { exitCode: await runCapped() } : {};
}

/** stdin's size when it is a file; 'pipe' for a pipe or socket (anything may come); 'none' for a terminal. */
function stdinKind(): number | 'pipe' | 'none' {
  try {
    const info = fstatSync(0);
    if (info.isFile()) return info.size;
    return info.isFIFO() || info.isSocket() ? 'pipe' : 'none';
  } catch {
    return 'none';
  }
}

/**
 * This same command again, with the heap cap; its exit code. It writes to this process's stdout and stderr, and
 * reads its stdin, or what is relayed to it: the bytes read ahead (`head`), then the rest of the pipe.
 */
async function runCapped(head?: (Uint8Array | string)[], rest?: Stdin): Promise<number> {
  const relay = head !== undefined;
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)], {
    stdio: [relay ? 'pipe' : 'inherit', 'inherit', 'inherit'],
  });
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      // Killed by a signal: end the same way, so the caller sees what the child saw.
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? EXIT.fatal);
    });
  });
  if (relay && child.stdin) await relayTo(child.stdin, head, rest);
  return exited;
}

/** The bytes read ahead, then the rest of the pipe, into the capped run's stdin. */
async function relayTo(target: Writable, head: (Uint8Array | string)[], rest?: Stdin): Promise<void> {
  await pipeline(Readable.from(headThenRest(head, rest)), target).catch((error: NodeJS.ErrnoException) => {
    // The capped run stopped reading (an error of its own, or all it needed): it reports that itself.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
}
