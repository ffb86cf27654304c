// Small hand-made analyzer results for the calibration tests.
import type { AnalysedTurn, ConversationResult, CoreMove, Finding, Flag, Move, MoveStatus } from '../../src/model/analysis.js';
import type { Role } from '../../src/model/conversation.js';

export function turn(index: number, role: Role, text: string, moves: Move[] = [], flags: Flag[] = []): AnalysedTurn {
  return {
    index,
    role,
    text,
    moves,
    flags,
    detections: moves.map((id) => ({ id, quote: text, rule: `${id}.test`, why: 'test' })),
  };
}

export function result(
  id: string,
  turns: AnalysedTurn[],
  moves: Partial<Record<CoreMove, MoveStatus>> = {},
  extra: { score?: number | null; findings?: Finding[] } = {},
): ConversationResult {
  return {
    id,
    agent: 'test',
    source: 'test.jsonl',
    language: 'en',
    score: extra.score ?? null,
    scoreParts: null,
    moves: { acknowledgement: 'not_expected', paraphrase: 'not_expected', solution: 'not_expected', ...moves },
    findings: extra.findings ?? [],
    trajectory: { start: null, end: null, direction: 'unknown' },
    turns,
  };
}
