import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { HeardError } from './errors.js';

/** Where the report goes: stdout, or --out FILE. Only the CLI touches stdout. */
export interface Output {
  stream: Writable;
  isTTY: boolean;
  write(text: string): void;
  close(): Promise<void>;
}

export function openOutput(file: string | undefined): Output {
  if (!file) {
    return {
      stream: process.stdout,
      isTTY: Boolean(process.stdout.isTTY),
      write: (text) => void process.stdout.write(text),
      close: () => new Promise((resolve) => (process.stdout.writableLength ? process.stdout.once('drain', resolve) : resolve())),
    };
  }
  const stream = createWriteStream(file);
  let failure: Error | undefined;
  stream.on('error', (error) => (failure = error));
  return {
    stream,
    isTTY: false,
    write: (text) => void stream.write(text),
    close: () =>
      new Promise((resolve, reject) => {
        const fail = (error: Error) => reject(new HeardError(`cannot write ${file}: ${error.message}`));
        // The open may already have failed (no such directory): then 'finish' never comes, and neither would exit 2.
        if (failure) return fail(failure);
        stream.once('error', fail);
        // end's callback also runs on an error, with it, before the 'error' listeners have recorded it.
        stream.end((error?: Error | null) => (error || failure ? fail(error ?? failure!) : resolve()));
      }),
  };
}
