import type { ParseResult } from '../model/conversation.js';

/** Every input format heard reads (kept here, light, so the CLI can list them without loading parsers). */
export const INPUT_FORMATS = ['text', 'csv', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface IngestOptions {
  /** --input-format: skip detection. */
  format?: InputFormat;
  /** --agent NAME / --customer NAME: speaker names whose role is known. */
  agent?: string[];
  customer?: string[];
  /** --columns role=Sender,text=Body: CSV header overrides, keyed by heard's field name. */
  columns?: Partial<Record<CsvField, string>>;
  /** Where "-" reads from (default process.stdin); tests pass their own stream. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export type CsvField = 'conversation' | 'agent' | 'role' | 'speaker' | 'text' | 'timestamp';

/** One input format: like a textlint plugin, it knows its extensions and turns text into conversations. */
export interface InputAdapter {
  id: InputFormat;
  extensions: string[];
  /** True when the content looks like this format (used when the extension says nothing). */
  sniff(text: string): boolean;
  parse(text: string, file: string, options: IngestOptions): ParseResult;
}
