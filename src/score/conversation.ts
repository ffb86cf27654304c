// The conversation score (README, "Scores"): the weighted share of expected moves that were met, blended
// with the customer's emotional outcome, less a penalty per negative-language flag and per interruption.
import { CORE_MOVES } from '../model/analysis.js';
import type { CoreMove, Finding, MoveStatus, ScoreParts, Trajectory } from '../model/analysis.js';
import { INTERRUPTION_PENALTY, LATE_CREDIT, MOVE_WEIGHTS, NEGATIVE_LANGUAGE_PENALTY, SCORE_BLEND } from './weights.js';

/** What the scorer reads of the settings (src/config/defaults.ts); absent: the constants of weights.ts. */
export interface ScoreParams {
  weights: Record<CoreMove, number>;
  lateCredit: number;
  blend: { moves: number; outcome: number };
  penalties: { negativeLanguage: number; interruption: number };
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = {
  weights: MOVE_WEIGHTS,
  lateCredit: LATE_CREDIT,
  blend: SCORE_BLEND,
  penalties: { negativeLanguage: NEGATIVE_LANGUAGE_PENALTY, interruption: INTERRUPTION_PENALTY },
};

/** null when nothing was expected: a conversation that asked for nothing is unscored, not perfect. */
export function scoreConversation(
  moves: Record<CoreMove, MoveStatus>,
  findings: Finding[],
  trajectory: Trajectory,
  params: ScoreParams = DEFAULT_SCORE_PARAMS,
): ScoreParts | null {
  const { weights, blend, penalties } = params;
  const credit: Record<MoveStatus, number> = { present: 1, late: params.lateCredit, missing: 0, not_expected: 0 };
  let possible = 0;
  let earned = 0;
  for (const move of CORE_MOVES) {
    if (moves[move] === 'not_expected') continue;
    possible += weights[move];
    earned += weights[move] * credit[moves[move]];
  }
  if (possible === 0) return null;
  const moveShare = earned / possible;
  // A customer with no reading after the agent spoke counts as neutral (0.5). Emotion readings are evidence strengths (a plain "thanks" is 0.3, a furious complaint 0.8): 0.5 + end
  // spreads them over 0..1, so ending on a clear complaint costs the whole outcome and clear relief earns it.
  const outcome = Math.min(1, Math.max(0, 0.5 + (trajectory.end ?? 0)));
  const count = (kind: Finding['kind']): number => findings.filter((f) => f.kind === kind).length;
  const penalty = count('negative_language') * penalties.negativeLanguage + count('interruption') * penalties.interruption;
  const score = Math.max(0, Math.round(100 * (blend.moves * moveShare + blend.outcome * outcome) - penalty));
  return { score, moves: Math.round(100 * moveShare), outcome: Math.round(100 * outcome), penalty };
}
