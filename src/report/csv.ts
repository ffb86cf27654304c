// CSV for spreadsheets and data teams: one row per item at the chosen level, stable columns (a column is never
// dropped because it is empty), RFC 4180 quoting with CRLF, UTF-8 with a BOM so Excel opens Chinese correctly.
import { CORE_MOVES } from '../model/analysis.js';
import type { AnalysedTurn, ConversationResult, CoreMove, Finding } from '../model/analysis.js';
import type { Skipped } from '../model/conversation.js';
import type { AgentSummary, HeardReport } from '../model/report.js';
import type { CsvLevel } from './formats.js';

export interface CsvOptions {
  csvLevel: CsvLevel;
}

type Cell = string | number | null | undefined;
type Columns<T> = [header: string, value: (item: T) => Cell][];

const list = (items: readonly string[] | undefined): string => (items ?? []).join(';');

const CONVERSATION: Columns<ConversationResult> = [
  ['conversation', (c) => c.id],
  ['agent', (c) => c.agent],
  ['source', (c) => c.source],
  ['language', (c) => c.language],
  ['score', (c) => c.score],
  ['score_moves', (c) => c.scoreParts?.moves],
  ['score_outcome', (c) => c.scoreParts?.outcome],
  ['score_penalty', (c) => c.scoreParts?.penalty],
  ...CORE_MOVES.map((move): Columns<ConversationResult>[number] => [move, (c) => c.moves[move]]),
  ['trajectory', (c) => c.trajectory.direction],
  ['trajectory_start', (c) => c.trajectory.start],
  ['trajectory_end', (c) => c.trajectory.end],
  ['findings', (c) => c.findings.length],
  ['turns', (c) => c.turns.length],
];

type TurnRow = { conversation: ConversationResult; turn: AnalysedTurn };
const TURN: Columns<TurnRow> = [
  ['conversation', (r) => r.conversation.id],
  ['agent', (r) => r.conversation.agent],
  ['turn', (r) => r.turn.index],
  ['role', (r) => r.turn.role],
  ['speaker', (r) => r.turn.speaker],
  ['text', (r) => r.turn.text],
  ['moves', (r) => list(r.turn.moves)],
  ['flags', (r) => list(r.turn.flags)],
  ['emotion', (r) => r.turn.emotion?.polarity],
  ['intensity', (r) => r.turn.emotion?.intensity],
  ['needs', (r) => list(r.turn.needs)],
];

type FindingRow = { conversation: ConversationResult; finding: Finding };
const FINDING: Columns<FindingRow> = [
  ['conversation', (r) => r.conversation.id],
  ['agent', (r) => r.conversation.agent],
  ['kind', (r) => r.finding.kind],
  ['move', (r) => r.finding.move ?? r.finding.flag],
  ['turn', (r) => r.finding.turn],
  ['agent_turn', (r) => r.finding.agentTurn],
  ['message', (r) => r.finding.message],
  ['customer_quote', (r) => r.finding.evidence.customer],
  ['agent_quote', (r) => r.finding.evidence.agent],
  ['suggestion', (r) => r.finding.suggestion],
];

const moveColumns = (move: CoreMove): Columns<AgentSummary> => [
  [`${move}_expected`, (a) => a.moves[move].expected],
  [`${move}_met`, (a) => a.moves[move].met],
  [`${move}_late`, (a) => a.moves[move].late],
  [`${move}_rate`, (a) => a.moves[move].rate],
];
const AGENT: Columns<AgentSummary> = [
  ['agent', (a) => a.agent],
  ['conversations', (a) => a.conversations],
  ['scored', (a) => a.scored],
  ['score', (a) => a.score],
  ['baseline_score', (a) => a.baseline?.score],
  ['delta', (a) => a.baseline?.delta],
  ...CORE_MOVES.flatMap(moveColumns),
  ['negative_language', (a) => a.flags.negative_language],
  ['canned', (a) => a.flags.canned],
  ['coach_first', (a) => a.coaching[0]?.move],
];

/** The input items that were not analysed (summary.skipped): a spreadsheet of what to fix in the export. */
const SKIPPED: Columns<Skipped> = [
  ['source', (s) => s.source],
  ['reason', (s) => s.reason],
];

export function formatCsv(report: HeardReport, options: CsvOptions): string {
  const { conversations } = report;
  switch (options.csvLevel) {
    case 'conversation':
      return table(CONVERSATION, conversations);
    case 'turn':
      return table(TURN, conversations.flatMap((conversation) => conversation.turns.map((turn) => ({ conversation, turn }))));
    case 'finding':
      return table(FINDING, conversations.flatMap((conversation) => conversation.findings.map((finding) => ({ conversation, finding }))));
    case 'agent':
      return table(AGENT, report.agents);
    case 'skipped':
      return table(SKIPPED, report.summary.skipped);
  }
}

function table<T>(columns: Columns<T>, items: T[]): string {
  const rows = [columns.map(([header]) => header), ...items.map((item) => columns.map(([, value]) => cell(value(item))))];
  return `\uFEFF${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // Transcripts are untrusted: a cell starting like a formula would run in a spreadsheet (CSV injection).
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}
