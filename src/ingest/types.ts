import type { ParseResult } from '../model/conversation.js';

/** Every input format heard reads (kept here, light, so the CLI can list them without loading parsers). */
export const INPUT_FORMATS = ['text', 'csv', 'json', 'contact-lens', 'transcribe', 'ccai', 'vtt', 'srt'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface IngestOptions {
  /** --input-format: skip detection. */
  format?: InputFormat;
  /** --agent NAME / --customer NAME: speaker names whose role is known. */
  agent?: string[];
  customer?: string[];
  /** --columns role=Sender,text=Body: CSV header overrides, keyed by heard's field name. */
  columns?: Partial<Record<CsvField, string>>;
  /** Config roles (README, "Your rubric"): more role words per role, and `{regex}` patterns over whole labels. */
  roles?: Partial<Record<'agent' | 'customer' | 'bot', (string | { regex: string })[]>>;
  /** --max-turn-chars, --max-turns: the guards of limits.ts (defaults there). */
  maxTurnChars?: number;
  maxTurns?: number;
  maxConversationChars?: number;
  /** Where "-" reads from (default process.stdin); tests pass their own stream. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export type CsvField = 'conversation' | 'agent' | 'role' | 'speaker' | 'text' | 'timestamp';

/**
 * Something the reader decided on the user's behalf that they should know — the encoding a file was read in
 * when it was not UTF-8, the speaker it assumed to be the agent. Printed on stderr; never fatal, never counted
 * as skipped.
 */
export interface Notice {
  source: string;
  message: string;
}

export interface AdapterResult extends ParseResult {
  notices?: Notice[];
}

/** One input format: like a textlint plugin, it knows its extensions and turns text into conversations. */
export interface InputAdapter {
  id: InputFormat;
  /** Extensions that select this format by themselves (vendor JSON shares .json and is told by its content). */
  extensions: string[];
  /** True when the content looks like this format (used when the extension says nothing). */
  sniff(text: string): boolean;
  parse(text: string, file: string, options: IngestOptions): AdapterResult;
}
