// What WebVTT and SRT share: blank-line separated cue blocks, "start --> end" timing lines, a speaker named
// in the cue, and the step from timed cues to turns (a speaker's consecutive cues are one turn).
import { readDataFile } from '../data-file.js';
import type { Skipped } from '../model/conversation.js';
import { buildConversation, fileStem, type PendingTurn } from './normalise.js';
import { roleOfLabel } from './roles.js';
import { splitSpeaker } from './text.js';
import type { AdapterResult, IngestOptions, Notice } from './types.js';

export interface CueBlock {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

/** The file's blocks: runs of non-blank lines. */
export function cueBlocks(text: string): CueBlock[] {
  const blocks: CueBlock[] = [];
  let current: CueBlock | undefined;
  text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

const CUE_TIME = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)[.,](\d{1,3})$/;
const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;

/** "00:01:02.500" (WebVTT), "00:01:02,500" (SRT) or "01:02.500" → seconds. */
export function parseCueTime(value: string): number | undefined {
  const m = CUE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [, h, min, s, ms] = m;
  return Number(h ?? 0) * 3600 + Number(min) * 60 + Number(s) + Number(ms!.padEnd(3, '0')) / 1000;
}

function isTimingLine(line: string): boolean {
  return line.includes('-->');
}

/** A cue's timing line → start and end seconds, or why it is not one. */
function parseTiming(line: string): { start: number; end: number } | string {
  const m = TIMING.exec(line);
  const start = m ? parseCueTime(m[1]!) : undefined;
  const end = m ? parseCueTime(m[2]!) : undefined;
  if (start === undefined || end === undefined) return `bad cue timing "${line.trim()}" (expected 00:00:01.000 --> 00:00:04.000)`;
  if (end < start) return `cue ends (${m![2]}) before it starts (${m![1]})`;
  return { start, end };
}

/** One line of a cue, with the speaker it names, if any. */
export interface CueLine {
  speaker?: string;
  text: string;
}

export interface Cue {
  start: number;
  end: number;
  /** Line of the timing line. */
  line: number;
  lines: CueLine[];
}

/**
 * Cue blocks → cues: an optional identifier line (WebVTT) or cue number (SRT), the timing line, then the
 * payload lines, each read by `lineOf`. A block without a good timing line is skipped and reported.
 */
export function readCues(blocks: CueBlock[], file: string, lineOf: (payload: string) => CueLine, skipped: Skipped[]): Cue[] {
  const cues: Cue[] = [];
  for (const block of blocks) {
    const at = isTimingLine(block.lines[0]!) ? 0 : 1;
    const timingLine = block.lines[at];
    const line = block.line + at;
    if (timingLine === undefined || !isTimingLine(timingLine)) {
      skipped.push({ source: `${file}:${block.line}`, reason: 'block is not a cue: no "start --> end" timing line' });
      continue;
    }
    const timing = parseTiming(timingLine);
    if (typeof timing === 'string') {
      skipped.push({ source: `${file}:${line}`, reason: timing });
      continue;
    }
    cues.push({ ...timing, line, lines: block.lines.slice(at + 1).map(lineOf) });
  }
  return cues;
}

/** "Maria: text", "AGENT: text", "- 客服小王：文本": a speaker-shaped label before a colon (as in plain text). */
export function speakerPrefix(text: string, options: IngestOptions = {}): CueLine {
  const spoken = splitSpeaker(text.replace(/^\s*-\s+/, ''), options);
  return spoken ? { speaker: spoken.label, text: spoken.said.trim() } : { text: text.trim() };
}

function loadGreetings(): string[] {
  const raw: unknown = readDataFile(new URL('./greetings.yml', import.meta.url));
  const list = (raw as { phrases?: unknown } | null)?.phrases;
  if (!Array.isArray(list)) throw new Error('greetings.yml: "phrases" must be a list');
  return list.map((p) => String(p).normalize('NFKC').toLowerCase().trim()).filter((p) => p.length > 0);
}

/** Phrases an agent greets with on behalf of the company (src/ingest/greetings.yml). */
export const GREETINGS: string[] = loadGreetings();

function greeting(text: string): string | undefined {
  const folded = text.normalize('NFKC').toLowerCase();
  return GREETINGS.find((g) => folded.includes(g));
}

const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Captions split sentences across cues: join with a space, except between Chinese characters. */
function joinCaption(a: string, b: string): string {
  if (a === '') return b;
  return CJK_END.test(a) && CJK_START.test(b) ? `${a}${b}` : `${a} ${b}`;
}

interface Segment {
  speaker?: string;
  text: string;
  start: number;
  end: number;
  line: number;
}

/**
 * Timed cues → one conversation. A line without a speaker continues the speaker before it (captions wrap);
 * consecutive cues of one speaker are merged into one turn spanning them. Roles come from the speaker's name
 * (`--agent`/`--customer`, role words); when no speaker is known to be the agent, the first one who greets on
 * behalf of the company (greetings.yml) is assumed to be, and a notice says so.
 */
export function cuesToConversation(cues: Cue[], file: string, options: IngestOptions, skipped: Skipped[]): AdapterResult {
  const segments: Segment[] = [];
  let speaker: string | undefined;
  for (const cue of cues) {
    for (const line of cue.lines) {
      if (line.text === '' && line.speaker === undefined) continue;
      if (line.speaker !== undefined) speaker = line.speaker;
      const last = segments[segments.length - 1];
      if (last && last.speaker === speaker && last.speaker !== undefined) {
        last.text = joinCaption(last.text, line.text);
        last.end = Math.max(last.end, cue.end);
      } else {
        segments.push({ ...(speaker !== undefined ? { speaker } : {}), text: line.text, start: cue.start, end: cue.end, line: cue.line });
      }
    }
  }
  const notices: Notice[] = [];
  const infos = new Map(segments.flatMap((s) => (s.speaker !== undefined ? [[s.speaker, roleOfLabel(s.speaker, options)] as const] : [])));
  // Guess only what the names cannot settle: no agent known, and not just one unknown speaker facing a known
  // customer (normalise.ts gives that one the agent's side without guessing).
  const roles = [...infos.values()].map((i) => i.role);
  const unknown = roles.filter((r) => r === undefined).length;
  const settled = roles.includes('agent') || (roles.includes('customer') && unknown === 1);
  const agentAssumed = settled ? undefined : segments.find((s) => s.speaker !== undefined && infos.get(s.speaker)?.role === undefined && greeting(s.text));
  if (agentAssumed) {
    const name = agentAssumed.speaker!;
    infos.set(name, { role: 'agent', name });
    notices.push({
      source: `${file}:${agentAssumed.line}`,
      message: `assumed "${name}" is the agent: the first speaker to greet on behalf of the company ("${greeting(agentAssumed.text)}"); use --agent NAME if not`,
    });
  }
  const turns = segments.map((s): PendingTurn => {
    const turn: PendingTurn = { text: s.text, start: s.start, end: s.end, source: { file, line: s.line } };
    if (s.speaker === undefined) {
      turn.invalid = 'cue names no speaker (expected <v Name> or "Name: " before the words)';
      return turn;
    }
    const info = infos.get(s.speaker)!;
    turn.label = s.speaker;
    if (info.role) turn.role = info.role;
    if (info.name) turn.name = info.name;
    return turn;
  });
  const conversation = buildConversation({ id: fileStem(file), turns, source: { file } }, skipped);
  return { conversations: conversation ? [conversation] : [], skipped, notices };
}
