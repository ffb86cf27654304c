// The conversation score (README, "Scores"): the weighted share of expected moves that were met, blended
// with the customer's emotional outcome, less a penalty per negative-language flag and per interruption.
import { CORE_MOVES } from '../model/analysis.js';
import type { CoreMove, Finding, MoveStatus, ScoreParts, Trajectory } from '../model/analysis.js';
import { INTERRUPTION_PENALTY, LATE_CREDIT, MOVE_WEIGHTS, NEGATIVE_LANGUAGE_PENALTY, SCORE_BLEND } from './weights.js';

const CREDIT: Record<MoveStatus, number> = { present: 1, late: LATE_CREDIT, missing: 0, not_expected: 0 };

/** null when nothing was expected: a conversation that asked for nothing is unscored, not perfect. */
export function scoreConversation(moves: Record<CoreMove, MoveStatus>, findings: Finding[], trajectory: Trajectory): ScoreParts | null {
  let possible = 0;
  let earned = 0;
  for (const move of CORE_MOVES) {
    if (moves[move] === 'not_expected') continue;
    possible += MOVE_WEIGHTS[move];
    earned += MOVE_WEIGHTS[move] * CREDIT[moves[move]];
  }
  if (possible === 0) return null;
  const moveShare = earned / possible;
  // -1 (ended angry) .. 1 (ended pleased) mapped onto 0..1; a customer with no reading counts as neutral.
  const outcome = ((trajectory.end ?? 0) + 1) / 2;
  const count = (kind: Finding['kind']): number => findings.filter((f) => f.kind === kind).length;
  const penalty = count('negative_language') * NEGATIVE_LANGUAGE_PENALTY + count('interruption') * INTERRUPTION_PENALTY;
  const score = Math.max(0, Math.round(100 * (SCORE_BLEND.moves * moveShare + SCORE_BLEND.outcome * outcome) - penalty));
  return { score, moves: Math.round(100 * moveShare), outcome: Math.round(100 * outcome), penalty };
}
