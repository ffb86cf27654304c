// `heard explain`: one conversation in the terminal, turn by turn, each judgement where it was made and, with
// --why, the phrase or overlap that made it (like alex --why).
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import { CORE_MOVES } from '../model/analysis.js';
import type { ConversationResult, Finding } from '../model/analysis.js';
import { annotate, NEED_MARK } from './annotate.js';
import type { AnnotatedTurn, Segment } from './annotate.js';
import { findingLabel, scoreLabel } from './text.js';

export interface ExplainOptions {
  color: boolean;
  /** Print the reason under every judgement. */
  why: boolean;
}

const GUTTER = 6;

export function formatExplain(conversation: ConversationResult, options: ExplainOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const { scoreParts, trajectory } = conversation;
  const parts = scoreParts ? ` (moves ${scoreParts.moves}, outcome ${scoreParts.outcome}, penalty ${scoreParts.penalty ? `−${scoreParts.penalty}` : 0})` : ' (no move was expected)';
  const out = [
    `${c.bold(conversation.id)} · agent ${conversation.agent} · ${conversation.source} · ${conversation.language}`,
    `score ${c.bold(scoreLabel(conversation.score))}${parts} · customer ${trajectory.direction}` +
      (trajectory.start !== null ? ` (${trajectory.start} → ${trajectory.end})` : ''),
    CORE_MOVES.map((move) => `${move} ${statusColour(c, conversation.moves[move])(conversation.moves[move])}`).join(' · '),
    '',
  ];
  for (const annotated of annotate(conversation)) out.push(...turnLines(c, annotated, options.why));
  return `${out.join('\n')}\n`;
}

function turnLines(c: ChalkInstance, { turn, findings, segments }: AnnotatedTurn, why: boolean): string[] {
  const pad = ' '.repeat(GUTTER);
  const who = `${turn.role}${turn.speaker && turn.speaker.toLowerCase() !== turn.role ? ` ${turn.speaker}` : ''}`;
  const text = segmentsText(c, segments).split('\n').join(`\n${pad}`);
  const lines = [`${c.dim(`[${turn.index}]`.padEnd(GUTTER - 1))} ${c.bold(who)}: ${text}`];
  if (turn.emotion && turn.emotion.polarity !== 'neutral') {
    lines.push(`${pad}${c.cyan(`emotion ${turn.emotion.polarity} ${turn.emotion.intensity}`)}`);
    if (why && turn.emotion.cues.length) lines.push(`${pad}  why: ${turn.emotion.cues.join('; ')}`);
  }
  if (turn.needs?.length) lines.push(`${pad}${c.cyan(`needs ${turn.needs.join(', ')}`)}`);
  for (const detection of turn.detections) {
    const isFlag = (turn.flags as string[]).includes(detection.id);
    lines.push(`${pad}${isFlag ? c.red(`⚑ ${detection.id}`) : c.green(`✓ ${detection.id}`)}`);
    if (why) lines.push(`${pad}  why: ${detection.why} [${detection.rule}]`);
  }
  for (const finding of findings) lines.push(...findingLines(c, finding, turn.index, why));
  return [...lines, ''];
}

function findingLines(c: ChalkInstance, f: Finding, here: number, why: boolean): string[] {
  const pad = ' '.repeat(GUTTER);
  const since = f.turn !== here ? ` (needed since turn ${f.turn})` : '';
  const lines = [`${pad}${f.kind === 'late' ? c.yellow(`◔ ${findingLabel(f)}`) : c.red(`✗ ${findingLabel(f)}`)}${since}`];
  if (why) lines.push(`${pad}  why: ${f.message}`);
  if (f.suggestion) lines.push(`${pad}  ${c.green('try')}: ${f.suggestion}`);
  return lines;
}

function segmentsText(c: ChalkInstance, segments: Segment[]): string {
  return segments
    .map(({ text, marks }) => {
      if (!marks.length) return text;
      // Without colour the evidence is bracketed, so it still shows in a log or a pipe.
      if (c.level === 0) return `[${text}]`;
      return marks.includes(NEED_MARK) ? c.underline(text) : c.bold.underline(text);
    })
    .join('');
}

function statusColour(c: ChalkInstance, status: string): ChalkInstance {
  return status === 'missing' ? c.red : status === 'late' ? c.yellow : status === 'present' ? c.green : c.dim;
}
