// The human view: one row per agent, then the conversations that most need a QA analyst's eyes.
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import { CORE_MOVES } from '../model/analysis.js';
import type { ConversationResult, CoreMove, Finding } from '../model/analysis.js';
import type { HeardReport } from '../model/report.js';
import { clip, deltaLabel, findingLabel, moveRateLabel, scoreLabel } from './text.js';

export interface TableOptions {
  color: boolean;
  /** How many of the lowest-scoring conversations to show with their findings. */
  worst?: number;
}

const MOVE_LABEL: Record<CoreMove, string> = { acknowledgement: 'Ack', paraphrase: 'Para', solution: 'Solution' };
const QUOTE_CHARS = 140;

export function formatTable(report: HeardReport, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const { summary } = report;
  out.push(
    c.bold(`heard ${report.tool.version}`) +
      ` — ${summary.conversations} conversations (${summary.scored} scored), ${summary.agents} agents, ${summary.turns} turns` +
      ` · overall score ${scoreText(c, summary.score)}` +
      (summary.baseline ? ` ${deltaText(c, summary.baseline.delta)} against ${summary.baseline.file} (${scoreLabel(summary.baseline.score)})` : ''),
  );
  if (summary.read !== undefined) {
    const skipped = summary.skipped.length ? c.yellow(`${summary.skipped.length} input item(s) skipped (listed below)`) : 'nothing skipped';
    out.push(`Read ${summary.read} conversation(s): ${summary.analysed} analysed, ${skipped}`);
  }
  if (report.agents.length) {
    const table = new Table({
      head: ['Agent', 'Convs', 'Score', ...CORE_MOVES.map((m) => MOVE_LABEL[m]), 'Neg. lang.', 'Coach first'],
      style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
      wordWrap: true,
      // The score column also holds the delta when there is a baseline.
      colWidths: [18, 7, summary.baseline ? 13 : 7, 12, 12, 12, 11, 44],
    });
    for (const agent of report.agents) {
      const coaching = agent.coaching[0];
      table.push([
        agent.agent,
        `${agent.conversations}`,
        `${scoreText(c, agent.score)} ${deltaText(c, agent.baseline?.delta)}`.trim(),
        ...CORE_MOVES.map((m) => moveRateLabel(agent.moves[m])),
        `${agent.flags.negative_language}`,
        coaching ? `${coaching.move}: ${coaching.message}` : '—',
      ]);
    }
    out.push(table.toString());
  }
  out.push(...timingLines(c, report, options.color));
  const worst = worstConversations(report.conversations, options.worst ?? 5);
  if (worst.length) {
    out.push('', c.bold('Conversations to review'));
    for (const conversation of worst) out.push(...conversationLines(c, conversation));
  }
  if (summary.skipped.length) {
    out.push('', c.yellow(`Skipped ${summary.skipped.length} item(s):`));
    for (const item of summary.skipped) out.push(`  ${item.source}: ${item.reason}`);
  }
  return `${out.join('\n')}\n`;
}

/** The conversations with findings, lowest score first: the ones a QA analyst should read first. */
export function worstConversations(conversations: ConversationResult[], n: number): ConversationResult[] {
  return conversations
    .filter((r) => r.findings.length > 0)
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || b.findings.length - a.findings.length || a.id.localeCompare(b.id))
    .slice(0, n);
}

function conversationLines(c: ChalkInstance, r: ConversationResult): string[] {
  const lines = [`${c.bold(r.id)} (${r.source}) agent ${r.agent} · score ${scoreText(c, r.score)} · ${r.language}`];
  for (const finding of r.findings) lines.push(...findingLines(c, finding));
  return lines;
}

/** A finding with its quotes and suggestion, one line each (also the body of a JUnit failure). */
export function findingLines(c: ChalkInstance, f: Finding): string[] {
  const colour = f.kind === 'missing' || f.kind === 'negative_language' ? c.red : c.yellow;
  const lines = [`  ${colour(findingLabel(f).padEnd(24))} turn ${f.turn}: ${f.message}`];
  if (f.evidence.customer) lines.push(`  ${' '.repeat(24)} customer: “${clip(f.evidence.customer, QUOTE_CHARS)}”`);
  if (f.evidence.agent) lines.push(`  ${' '.repeat(24)} agent${f.agentTurn !== undefined ? ` (turn ${f.agentTurn})` : ''}: “${clip(f.evidence.agent, QUOTE_CHARS)}”`);
  if (f.suggestion) lines.push(`  ${' '.repeat(24)} ${c.green('try')}: ${f.suggestion}`);
  return lines;
}

function scoreText(c: ChalkInstance, score: number | null): string {
  if (score === null) return c.dim('n/a');
  const text = scoreLabel(score);
  return score >= 80 ? c.green(text) : score >= 50 ? c.yellow(text) : c.red(text);
}

function deltaText(c: ChalkInstance, delta: number | null | undefined): string {
  const text = deltaLabel(delta);
  return delta ? (delta > 0 ? c.green(text) : c.red(text)) : text;
}

/** Per agent, what the times of their calls and chats say (README, "Calls: timing"); nothing when no turn had times. */
function timingLines(c: ChalkInstance, report: HeardReport, color: boolean): string[] {
  const timed = report.agents.flatMap((a) => (a.timing ? [{ agent: a.agent, t: a.timing }] : []));
  if (timed.length === 0) return [];
  const table = new Table({
    head: ['Agent', 'Calls', 'Interruptions', 'Dead air', 'Talk ratio', 'Rate', 'Chats', 'Reply wait'],
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  const rate = (wpm: number | null, cpm: number | null): string =>
    [wpm === null ? '' : `${wpm} wpm`, cpm === null ? '' : `${cpm} chars/min`].filter(Boolean).join(', ') || '—';
  for (const { agent, t } of timed) {
    table.push([
      agent,
      `${t.calls}`,
      t.calls ? `${t.interruptions} (${t.interruptionsPerCall}/call)` : '—',
      t.calls ? `${t.deadAir}` : '—',
      t.talkRatio === null ? '—' : `${Math.round(t.talkRatio * 100)}%`,
      rate(t.wordsPerMinute, t.charsPerMinute),
      `${t.chats}`,
      t.responseLatency ? `${t.responseLatency.mean} s avg, ${t.responseLatency.max} s max` : '—',
    ]);
  }
  return ['', c.bold('Timing'), table.toString()];
}
