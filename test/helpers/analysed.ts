// Hand-built analyser output (AnalysedTurn arrays and needs), so the judge and the scorer can be tested
// independently of the phrase lexicons and detectors.
import type { AnalysedTurn, ConversationResult, CoreMove, Finding, Flag, Move, MoveStatus, Trajectory } from '../../src/model/analysis.js';
import type { Language } from '../../src/model/conversation.js';
import type { Need } from '../../src/judge/needs.js';

export function customerTurn(index: number, text: string, needs: CoreMove[] = []): AnalysedTurn {
  return { index, role: 'customer', text, moves: [], flags: [], detections: [], ...(needs.length ? { needs } : {}) };
}

/** An agent turn with the given moves and flags detected; each detection quotes the whole turn. */
export function agentTurn(index: number, text: string, moves: Move[] = [], flags: Flag[] = []): AnalysedTurn {
  return {
    index,
    role: 'agent',
    text,
    moves,
    flags,
    detections: [...moves, ...flags].map((id) => ({ id, quote: text, rule: `${id}.test`, why: `test ${id}` })),
  };
}

/** The needs map judgeConversation takes, built from the customer turns' `needs`: every need quotes the turn. */
export function needsOf(turns: AnalysedTurn[]): Map<number, Need[]> {
  const map = new Map<number, Need[]>();
  for (const t of turns) {
    if (t.role !== 'customer' || !t.needs?.length) continue;
    map.set(
      t.index,
      t.needs.map((move) => ({ move, quote: t.text, why: `test need for ${move}` })),
    );
  }
  return map;
}

export const NOTHING_EXPECTED: Record<CoreMove, MoveStatus> = { acknowledgement: 'not_expected', paraphrase: 'not_expected', solution: 'not_expected' };

export function trajectory(end: number | null, start: number | null = end): Trajectory {
  return { start, end, direction: start === null || end === null ? 'unknown' : end - start >= 0.2 ? 'calmer' : end - start <= -0.2 ? 'worse' : 'steady' };
}

export function result(
  id: string,
  options: {
    agent?: string;
    language?: Language;
    score?: number | null;
    moves?: Partial<Record<CoreMove, MoveStatus>>;
    findings?: Finding[];
    turns?: AnalysedTurn[];
  } = {},
): ConversationResult {
  return {
    id,
    agent: options.agent ?? 'Agent',
    source: `${id}.txt`,
    language: options.language ?? 'en',
    score: options.score ?? null,
    scoreParts: null,
    moves: { ...NOTHING_EXPECTED, ...options.moves },
    findings: options.findings ?? [],
    trajectory: trajectory(null),
    turns: options.turns ?? [],
  };
}

/** A missing/late finding as the judge writes it. */
export function moveFinding(kind: 'missing' | 'late', move: CoreMove, turn: number, customer: string, agentTurnIndex = turn + 1): Finding {
  return { kind, move, turn, agentTurn: agentTurnIndex, message: `${kind} ${move}`, evidence: { customer, agent: 'reply' }, suggestion: `try ${move}` };
}
