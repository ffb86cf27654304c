// WebVTT from recorded calls: a "WEBVTT" first line, then cues
//   00:00:01.000 --> 00:00:04.200 align:start
//   <v Maria>Thank you for calling Northwind, this is Maria.
// The speaker is the cue's voice tag (<v Name>, <v.class Name>) or a "Name: " prefix. NOTE, STYLE and REGION
// blocks are skipped; other tags (<c>, <i>, <b>, <lang>, inline timestamps) are dropped and entities decoded.
import type { Skipped } from '../model/conversation.js';
import { cueBlocks, cuesToConversation, readCues, speakerPrefix, type CueLine } from './cues.js';
import type { AdapterResult, IngestOptions, InputAdapter } from './types.js';

const HEADER = /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]*)>/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ', '&lrm;': '', '&rlm;': '', '&quot;': '"', '&apos;': "'" };

function cueText(payload: string): string {
  return payload
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (e) => ENTITIES[e]!)
    .trim();
}

function cueLine(payload: string, options: IngestOptions): CueLine {
  const voice = VOICE.exec(payload);
  if (voice && voice[1]!.trim() !== '') return { speaker: voice[1]!.trim(), text: cueText(payload) };
  return speakerPrefix(cueText(payload), options);
}

export function parseVtt(text: string, file: string, options: IngestOptions = {}): AdapterResult {
  const skipped: Skipped[] = [];
  const blocks = cueBlocks(text);
  if (!blocks[0] || !HEADER.test(blocks[0].lines[0]!)) {
    return { conversations: [], skipped: [{ source: `${file}:1`, reason: 'not WebVTT: the first line must be "WEBVTT"' }] };
  }
  // NOTE, STYLE and REGION blocks are comments and styling, not cues.
  const cueBlocksOnly = blocks.slice(1).filter((b) => !/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(b.lines[0]!));
  const cues = readCues(cueBlocksOnly, file, (payload) => cueLine(payload, options), skipped);
  return cuesToConversation(cues, file, options, skipped);
}

export const vttAdapter: InputAdapter = {
  id: 'vtt',
  extensions: ['.vtt'],
  sniff: (text) => HEADER.test(text),
  parse: parseVtt,
};
