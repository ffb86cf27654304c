// SRT (SubRip) from recorded calls: numbered cues
//   1
//   00:00:01,000 --> 00:00:04,200
//   Maria: Thank you for calling Northwind, this is Maria.
// The speaker is a "Name: " prefix; a cue without one continues the previous speaker. Formatting tags
// (<i>, <b>, <font …>) and ASS override codes ({\an8}) are dropped.
import type { Skipped } from '../model/conversation.js';
import { cueBlocks, cuesToConversation, readCues, speakerPrefix } from './cues.js';
import type { AdapterResult, IngestOptions, InputAdapter } from './types.js';

function cueText(payload: string): string {
  return payload.replace(/<[^>]*>|\{\\[^}]*\}/g, '').trim();
}

export function parseSrt(text: string, file: string, options: IngestOptions = {}): AdapterResult {
  const skipped: Skipped[] = [];
  const cues = readCues(cueBlocks(text), file, (payload) => speakerPrefix(cueText(payload), options), skipped);
  return cuesToConversation(cues, file, options, skipped);
}

/** A cue number, then a timing line with SRT's comma before the milliseconds. */
const SRT_START = /^\uFEFF?\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2},\d{1,3}\s+-->/;

export const srtAdapter: InputAdapter = {
  id: 'srt',
  extensions: ['.srt'],
  sniff: (text) => SRT_START.test(text),
  parse: parseSrt,
};
