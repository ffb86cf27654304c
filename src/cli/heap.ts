// The main thread's heap, capped on large inputs as the workers' heaps are (workers.ts). V8 sizes a heap by the
// machine's memory: with gigabytes free it lets the heap grow to about four times its live data before collecting
// (measured on a 300 MB corpus: 47 MB live, 220 MB committed, peak RSS 429 MB). Under a cap of 256 MB it grows
// the heap by much less (same run: 270 MB peak RSS, no slower). A heap's limit is fixed when the process starts,
// so on a large input heard starts itself again with the cap.
import { spawn } from 'node:child_process';
import { fstatSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { InputListing } from '../ingest/stream.js';
import { EXIT } from './errors.js';

const MAIN_HEAP_MB = 256;
/** Below this, the heap never grows far enough to matter, and the second start (~0.2 s) would. */
const LARGE_INPUT_BYTES = 64 * 1024 * 1024;

/** The size of stdin when it is a file; undefined for a pipe or socket (anything may come). */
function stdinBytes(): number | undefined {
  try {
    const info = fstatSync(0);
    if (info.isFile()) return info.size;
    return info.isFIFO() || info.isSocket() ? undefined : 0; // a terminal: someone typing
  } catch {
    return 0;
  }
}

/** Whether this run should restart with the heap cap: a large input, and no cap yet (ours or the user's). */
export function wantsHeapCap(listing: InputListing): boolean {
  if (getHeapStatistics().heap_size_limit <= 2 * MAIN_HEAP_MB * 1024 * 1024) return false;
  const fromStdin = listing.stdin ? stdinBytes() : 0;
  return fromStdin === undefined || listing.bytes + fromStdin >= LARGE_INPUT_BYTES;
}

/** Run this same command again in a process with the heap cap; its exit code. stdin, stdout and stderr are its. */
export function runWithHeapCap(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${MAIN_HEAP_MB}`, ...process.argv.slice(1)], { stdio: 'inherit' });
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      // Killed by a signal: end the same way, so the caller sees what the child saw.
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? EXIT.fatal);
    });
  });
}
