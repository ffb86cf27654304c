// The conversation score: the weighted share of expected moves that were met, less penalties.
import { CORE_MOVES } from '../model/analysis.js';
import type { CoreMove, Finding, MoveStatus } from '../model/analysis.js';
import { LATE_CREDIT, MOVE_WEIGHTS, NEGATIVE_LANGUAGE_PENALTY } from './weights.js';

const CREDIT: Record<MoveStatus, number> = { present: 1, late: LATE_CREDIT, missing: 0, not_expected: 0 };

/** null when nothing was expected: a conversation that asked for nothing is not a perfect score, it is unscored. */
export function scoreConversation(moves: Record<CoreMove, MoveStatus>, findings: Finding[]): number | null {
  let possible = 0;
  let earned = 0;
  for (const move of CORE_MOVES) {
    if (moves[move] === 'not_expected') continue;
    possible += MOVE_WEIGHTS[move];
    earned += MOVE_WEIGHTS[move] * CREDIT[moves[move]];
  }
  if (possible === 0) return null;
  const penalties = findings.filter((f) => f.kind === 'negative_language').length * NEGATIVE_LANGUAGE_PENALTY;
  return Math.max(0, Math.round((100 * earned) / possible - penalties));
}
