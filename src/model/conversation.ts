// The one conversation model every input format is normalised into.

export type Role = 'agent' | 'customer' | 'bot' | 'system';
export type Language = 'en' | 'zh';

/** Where an item came from, so every message and finding can point back at it. */
export interface SourceRef {
  file: string;
  /** 1-based line in the file, for line-oriented formats. */
  line?: number;
  /** 1-based record number (CSV row, JSON array item, JSONL line). */
  record?: number;
}

export interface Turn {
  index: number;
  role: Role;
  speaker?: string;
  text: string;
  /** Seconds from the start of the conversation, or epoch seconds for chat timestamps. */
  start?: number;
  end?: number;
  source: SourceRef;
}

export interface Conversation {
  id: string;
  agent?: string;
  language?: Language;
  turns: Turn[];
  source: SourceRef;
}

/** An input item that was not analysed, and why: nothing is dropped without being counted. */
export interface Skipped {
  source: string;
  reason: string;
}

export interface ParseResult {
  conversations: Conversation[];
  skipped: Skipped[];
}

export function formatSource(ref: SourceRef): string {
  if (ref.line !== undefined) return `${ref.file}:${ref.line}`;
  if (ref.record !== undefined) return `${ref.file}#${ref.record}`;
  return ref.file;
}
