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
        stream.end(() => (failure ? reject(new HeardError(`cannot write ${file}: ${failure.message}`)) : resolve()));
        stream.once('error', (error) => reject(new HeardError(`cannot write ${file}: ${error.message}`)));
      }),
  };
}
